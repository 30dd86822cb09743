/**
 * The printed conventions of Chinese newspapers (see shared/DOMAIN.md) as
 * matchers over one trimmed line. Every quantifier is bounded and no pattern
 * nests repetition, so a 10 MB line costs a linear scan at worst.
 */
import { HAN } from '../text/chars';
import { parsePageRef, type PageRef } from '../text/numerals';

const H = `[${HAN}]`;
const NAME = `[${HAN}·]{2,5}`;
const OPEN = '[（(]';
const CLOSE = '[)）]';
const SP = '[ \\t\\u00a0\\u3000]';
const NUM = '(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})';

/** News organisations that put their name in a source line: 新华社, 本报, 长江日报, 人民网… */
const OUTLET = `(?:新华社|中新社|中通社|本报|本刊|本台|${H}{1,6}?(?:日报|晚报|时报|商报|早报|晨报|都市报|青年报|报|网|社|电视台|台|融媒体|客户端|新闻))`;

/** 长江日报讯(记者…), 新华社北京1月7日电(记者…), 据新华社电, 本报北京1月7日电 (记者 李文). */
const SOURCE_LINE = new RegExp(`^(据${SP}?)?(${OUTLET})(${H}{0,8}?(?:${NUM}月${NUM}日)?)(电|讯)` + `(?:${SP}{0,3}${OPEN}([^()（）\\n]{1,60})${CLOSE})?`);

export interface SourceMatch {
  /** Length of the source line at the start of the paragraph. */
  readonly length: number;
  /** The outlet as printed, e.g. 长江日报, 新华社, 本报. */
  readonly outlet: string;
  /** 讯 for local staff copy, 电 for wire or out-of-town copy. */
  readonly kind: '讯' | '电';
  /** Abridged wire copy: 据…电. */
  readonly abridged: boolean;
  readonly reporters?: string;
}

export function matchSourceLine(text: string): SourceMatch | undefined {
  // Every source line has 讯 or 电 near its start: most lines are ruled out without the full pattern.
  const head = text.length > 40 ? text.slice(0, 40) : text;
  if (head.indexOf('讯') < 0 && head.indexOf('电') < 0) return undefined;
  const m = SOURCE_LINE.exec(text);
  if (!m) return undefined;
  const outlet = m[2]!;
  const bracket = m[5];
  // Without a bracket, 讯/电 must be followed by a break in the sentence, or
  // ordinary words such as 本报电视… would pass for a source line.
  if (bracket === undefined) {
    const after = text[m[0].length];
    if (after !== undefined && !/[ \t\u00a0\u3000:：,，]/.test(after)) return undefined;
  } else if (!/记者|通讯员|实习生|特约|摄影|电|讯|编辑|报道/.test(bracket)) {
    return undefined;
  }
  return {
    length: m[0].length,
    outlet,
    kind: m[4] === '电' ? '电' : '讯',
    abridged: m[1] !== undefined,
    ...(bracket !== undefined ? { reporters: bracket } : {}),
  };
}

const ROLE = '(?:首席记者|特约记者|见习记者|实习记者|记者|通讯员|实习生|特约撰稿人|撰稿)';
const BYLINE = new RegExp(
  `^(?:(?:文|撰文|文字)${SP}?[/／:：]${SP}?)?(?:${OUTLET}|本报|本刊)?${SP}?${ROLE}${SP}?${NAME}` + `(?:(?:${SP}{1,3}|[、，,]${SP}?)(?:${ROLE}${SP}?)?${NAME}){0,8}$`,
);

/** A byline on its own line: 长江日报记者商佩 覃柳珂 刘海锋, 本报记者 王小明 刘洋, 文/本报记者 X. */
export function isBylineLine(text: string): boolean {
  return text.length <= 80 && BYLINE.test(text) && !/摄$/.test(text);
}

/** 本报评论员, 本报特约评论员: commentary carries no reporter byline. */
export function isCommentatorLine(text: string): boolean {
  return /^(?:本报|本刊|${OUTLET})?(?:特约)?评论员(?:文章)?$/.test(text) || /^(?:本报|本刊)?(?:特约)?评论员${NAME}?$/.test(text);
}

const CREDIT_TAIL = new RegExp(`^(?:${OUTLET}|本报|本刊)?${SP}?(?:${ROLE}|摄影记者|摄影)?${SP}?${NAME}(?:(?:${SP}{1,3}|[、，,])${NAME}){0,4}${SP}?(?:摄|摄影|供图|制图|绘|绘图)$`);
const CREDIT_HEAD = new RegExp(`^(?:制图|图|摄影|图片|供图|视觉|设计|漫画|图文)${SP}?[:：/／]${SP}?[^\\n]{1,30}$`);

/** A photo or graphic credit: 长江日报记者詹松 摄, 新华社记者 宋为伟摄, 制图:X. */
export function isCreditLine(text: string): boolean {
  return text.length <= 60 && (CREDIT_TAIL.test(text) || CREDIT_HEAD.test(text));
}

const END_CREDIT = new RegExp(`${OPEN}${SP}?((?:本报|记者|见习记者|实习记者|通讯员|新华社|综合|来源|据|本报综合|${OUTLET})[^()（）\\n]{0,40})${CLOSE}${SP}?$`);

/** A source or byline at the end of an article: (记者 赵六), (新华社北京1月7日电), (来源:…). Returns where it starts. */
export function matchEndCredit(text: string): number | undefined {
  const m = END_CREDIT.exec(text.length > 60 ? text.slice(-60) : text);
  if (!m) return undefined;
  if (isMarkerBody(m[1]!)) return undefined;
  return text.length - m[0].length;
}

export type MarkerDirection = 'onward' | 'arriving';

export interface MarkerMatch {
  readonly start: number;
  readonly end: number;
  readonly direction: MarkerDirection;
  readonly page: PageRef;
  readonly text: string;
}

const MARKER_BODY = /^(下紧转|紧转|下转|转|上紧接|上接|紧接|接)\s?(第?\s?[A-Za-zＡ-Ｚ]?\s?(?:[0-9０-９]{1,3}|[零〇一二两三四五六七八九十百]{1,4})\s?[版页])$/;
const MARKER = new RegExp(
  `${OPEN}${SP}?((?:下紧转|紧转|下转|转|上紧接|上接|紧接|接)${SP}?第?${SP}?[A-Za-zＡ-Ｚ]?${SP}?(?:[0-9０-９]{1,3}|[零〇一二两三四五六七八九十百]{1,4})${SP}?[版页])${SP}?${CLOSE}`,
  'g',
);

const TRAILING_MARKER = new RegExp(`${OPEN}${SP}?(?:下紧转|紧转|下转|转|上紧接|上接|紧接|接)[^()（）]{1,14}${CLOSE}${SP}*$`);

/** Where a continuation marker that ends the text starts, if one does. */
export function trailingMarkerStart(text: string): number | undefined {
  const tail = text.length > 32 ? text.slice(-32) : text;
  const m = TRAILING_MARKER.exec(tail);
  if (!m) return undefined;
  const start = text.length - tail.length + m.index;
  return findMarkers(text.slice(start)).length === 1 ? start : undefined;
}

function isMarkerBody(body: string): boolean {
  return MARKER_BODY.test(body.replace(/[ \t\u00a0\u3000]/g, ''));
}

/** Continuation markers anywhere in a line: (下转第二版), (转第4版), (上接A1版), (下转第12页). */
export function findMarkers(text: string): MarkerMatch[] {
  const found: MarkerMatch[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    const body = m[1]!.replace(/[ \t\u00a0\u3000]/g, '');
    const parts = MARKER_BODY.exec(body);
    if (!parts) continue;
    const page = parsePageRef(parts[2]!);
    if (!page) continue;
    const direction: MarkerDirection = /^(下|紧转|转)/.test(parts[1]!) ? 'onward' : 'arriving';
    found.push({ start: m.index, end: m.index + m[0].length, direction, page, text: m[0] });
  }
  return found;
}

const PAGE_LINE = [
  // 第1版 要闻, 第A05版:要闻, 第二版
  new RegExp(`^第${SP}?([A-Za-z]?${SP}?(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3}))${SP}?版(?:${SP}?[:：]?${SP}?${H}{1,8}(?:${SP}${H}{1,8})?)?$`),
  // 01版, 02版:要闻, A02版
  new RegExp(`^([A-Za-z]?[0-9]{2,3}|[A-Za-z][0-9])${SP}?版(?:${SP}?[:：]?${SP}?${H}{1,8})?$`),
  // A02 要闻, A2・要闻
  new RegExp(`^([A-Z][0-9]{1,3})${SP}?[:：·・]?${SP}?${H}{2,8}$`),
];

/** A page line that opens a page of a one-file issue, with the page it names. */
export function matchPageLine(text: string): PageRef | undefined {
  if (text.length > 30) return undefined;
  for (const re of PAGE_LINE) {
    const m = re.exec(text);
    if (m) {
      const ref = parsePageRef(m[1]!.replace(/\s/g, ''));
      return ref ? { ...ref, label: text } : undefined;
    }
  }
  return undefined;
}

const FURNITURE = [
  /^(?:本版责编|责任编辑|责编|本版编辑|编辑|版式设计|版式|美术编辑|美编|图片编辑|校对|本版校对|本版邮箱|邮箱|电子邮箱|新闻热线|热线|电话|传真|版面设计|制版|视觉设计)\s?[:：]/,
  /^\d{4}年\d{1,2}月\d{1,2}日\s?(?:星期|周)[一二三四五六日天](?:\s.{0,30})?$/,
  /^(?:星期|周)[一二三四五六日天]\s?\d{4}年\d{1,2}月\d{1,2}日$/,
  /^农历.{2,20}$/,
  /^(?:国内统一连续出版物号|国内统一刊号|邮发代号|CN\s?\d{2}-\d{4})/,
  /^第\s?\d{1,6}\s?期(?:\s.{0,20})?$/,
  /^今日\s?\d{1,3}\s?版$/,
];
const MASTHEAD = new RegExp(`^(${H}{2,6}(?:日报|晚报|时报|商报|早报|晨报|都市报|青年报))$`);

/** Page furniture: editor lines, date line, masthead, serial numbers. */
export function isFurniture(text: string): boolean {
  return text.length <= 60 && (FURNITURE.some((re) => re.test(text)) || MASTHEAD.test(text));
}

/** The paper's name when a line is its masthead. */
export function mastheadName(text: string): string | undefined {
  return MASTHEAD.exec(text)?.[1];
}

/** A teaser's page pointer: 2-6版, 4版, 详见第三版, or a line that ends in one after a space. */
const POINTER = new RegExp(
  `(?:^|${SP})(?:(?:详见|见|更多报道见|详见今日)?第?${SP}?[A-Za-z]?[0-9０-９]{1,2}(?:${SP}?[-—–~～至、]${SP}?[A-Za-z]?[0-9０-９]{1,2})?${SP}?版|(?:详见|见)第?[一二三四五六七八九十]{1,3}版)$`,
);

export function endsWithPointer(text: string): boolean {
  return text.length <= 80 && POINTER.test(text);
}

/** Headings of teaser boxes. */
export function isTeaserHeading(text: string): boolean {
  return /^(?:今日导读|导读|要闻提要|本期导读|今日看点|内容提要)$/.test(text);
}

/** 编者按 opens a note that carries no byline. */
export function isEditorsNote(text: string): boolean {
  return /^[【[]?编者按[】\]]?[:：]?/.test(text);
}

/** 社论, 评论员文章 and similar kickers mark opinion pieces. */
export function isOpinionKicker(text: string): boolean {
  return /^(?:社论|本报社论|评论员文章|本报评论员|短评|时评|编辑部文章)$/.test(text);
}
