/**
 * The printed conventions of Chinese newspapers (see shared/DOMAIN.md) as
 * matchers over one trimmed line, built from a paper profile. Every
 * quantifier is bounded and no pattern nests repetition, so a 10 MB line
 * costs a linear scan at worst. Page lines and continuation markers are the
 * same in every paper and need no profile.
 */
import { HAN } from '../text/chars';
import { parsePageRef, type PageRef } from '../text/numerals';
import { DEFAULT_PROFILE, type PaperProfile } from './profile';

const H = `[${HAN}]`;
const NAME = `[${HAN}·]{2,5}`;
/** A name as a paper spaces it: 王 明 (two characters spread to three), 诸葛宇杰. */
const SPACED_NAME = `[${HAN}·](?:[ \\t\\u00a0\\u3000]{1,3}[${HAN}·]){1,4}|${NAME}`;
const OPEN = '[（(]';
const CLOSE = '[)）]';
const SP = '[ \\t\\u00a0\\u3000]';
const NUM = '(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})';
/** （柯 原）, （欧阳明）: a name of two or three characters alone in brackets, spread or not. */
const BRACKETED_NAME = new RegExp(`^${OPEN}${SP}?([${HAN}·]{2,3}|${H}(?:${SP}{1,3}${H}){1,2})${SP}?${CLOSE}$`);
const SPACES = new RegExp(SP, 'g');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternatives = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

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

export type MarkerDirection = 'onward' | 'arriving';

export interface MarkerMatch {
  readonly start: number;
  readonly end: number;
  readonly direction: MarkerDirection;
  readonly page: PageRef;
  readonly text: string;
}

const MARKER_WORDS = '(?:下紧转|紧转|下转|转|上紧接|上接|紧接|接)';
const MARKER_BODY = /^(下紧转|紧转|下转|转|上紧接|上接|紧接|接)\s?(第?\s?[A-Za-zＡ-Ｚ]?\s?(?:[0-9０-９]{1,3}|[零〇一二两三四五六七八九十百]{1,4})\s?[版页])$/;
const MARKER = new RegExp(
  `${OPEN}${SP}?(${MARKER_WORDS}${SP}?第?${SP}?[A-Za-zＡ-Ｚ]?${SP}?(?:[0-9０-９]{1,3}|[零〇一二两三四五六七八九十百]{1,4})${SP}?[版页])${SP}?${CLOSE}`,
  'g',
);
const TRAILING_MARKER = new RegExp(`${OPEN}${SP}?${MARKER_WORDS}[^()（）]{1,14}${CLOSE}${SP}*$`);

function isMarkerBody(body: string): boolean {
  return MARKER_BODY.test(body.replace(/[ \t\u00a0\u3000]/g, ''));
}

/** Whether a marker or page name counts pages (第12页), as journals jump, where papers count editions (第二版) and repeat the headline. */
export function countsPages(text: string): boolean {
  return /页/.test(text);
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

/** Where a continuation marker that ends the text starts, if one does. */
export function trailingMarkerStart(text: string): number | undefined {
  const tail = text.length > 32 ? text.slice(-32) : text;
  const m = TRAILING_MARKER.exec(tail);
  if (!m) return undefined;
  const start = text.length - tail.length + m.index;
  return findMarkers(text.slice(start)).length === 1 ? start : undefined;
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

/** A teaser's page pointer: 2-6版, 4版, 详见第三版, or a line that ends in one after a space. */
const POINTER = new RegExp(
  `(?:^|${SP})(?:(?:详见|见|更多报道见|详见今日)?第?${SP}?[A-Za-z]?[0-9０-９]{1,2}(?:${SP}?[-—–~～至、]${SP}?[A-Za-z]?[0-9０-９]{1,2})?${SP}?版|(?:详见|见)第?[一二三四五六七八九十]{1,3}版)$`,
);

/**
 * How to reach the desk or the web, on a line of its own: a mailbox label
 * (栏目投稿邮箱：…), an address alone, a short prompt to scan a QR code. Any
 * paper's furniture, never an article's text (a sentence about a code ends
 * with a stop; 扫描 alone also means a survey, ——寒假生活扫描, and is left).
 */
const CONTACT_LINES = [/^.{0,8}邮箱\s?[:：]/, /^(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/|www\.)[^\s\u3400-\u9fff]+)$/, /^(?=.{0,30}$)[^。！？]*(?:二维码|扫码)[^。！？]*$/];

const DATE_LINES = [
  /^\d{4}年\d{1,2}月\d{1,2}日\s?(?:星期|周)[一二三四五六日天](?:\s.{0,30})?$/,
  /^(?:星期|周)[一二三四五六日天]\s?\d{4}年\d{1,2}月\d{1,2}日$/,
  /^农历.{2,20}$/,
  /^(?:国内统一连续出版物号|国内统一刊号|邮发代号|CN\s?\d{2}-\d{4})/,
  /^第\s?\d{1,6}\s?期(?:\s.{0,20})?$/,
  /^今日\s?\d{1,3}\s?版$/,
  /^[·•]\s?广告\s?[·•]$/,
];

/**
 * A line opening the way news copy opens: a date, 近日, 记者从…获悉, 据了解;
 * or who did what on which day, the lead of a story whose source line is
 * elsewhere or gone: 市长李明25日在市民之家会见….
 */
const NEWS_OPENING =
  /^(?:[^，,。；;：:“”"（）()]{2,24}?[0-9０-９]{1,2}日(?:[上下]午|晚间?|凌晨|清晨|中午)?(?:在|于|起|宣布|发布|表示|举行|召开|会见|会谈|致电|签署|出席|主持|通过|公布|启动|开幕|闭幕|抵达)|近日|日前|近年来|近期|目前|今年以来|今年|去年|昨天|昨日|今天|今日|前不久|不久前|记者(?:从|近日|日前|了解到|获悉)|据(?:了解|悉|介绍|统计)|(?:[0-9０-９]{1,4}年)?[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:[上下]午|晚|晚间|凌晨|早|清晨|傍晚|中午)?[，,]|[0-9０-９]{4}年[0-9０-９]{1,2}月)/;

/** A data call-out set large above the paragraph that explains it: 20多万, 99.3%, 125个. */
const CALLOUT =
  /^[0-9０-９][0-9０-９.,，]{0,10}(?:多|余)?(?:[万亿千百]{0,2})(?:[%％‰]|平方米|平方公里|立方米|千米|公斤|千克|千瓦时|千瓦|美元|欧元|人次|架次|标准箱|[个家件项名位人次元吨公里米倍座所条户套台辆架亩斤克岁场种处部篇册]|万人次|亿元|万元|万亩|公顷|小时|分钟|天|年)?$/;

const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}[、是]|[（(][一二三四五六七八九十0-9]{1,3}[)）]|第[一二三四五六七八九十百0-9]{1,4}[条章节部分]|[0-9]{1,2}[.、．]\D)/;

/** 编者按 opens a note that carries no byline. */
export function isEditorsNote(text: string): boolean {
  return /^[【[]?编者按[】\]]?[:：]?/.test(text);
}

/** ——编 者: the sign-off of an 编者按. */
export function isEditorsSign(text: string): boolean {
  return /^[—-]{1,2}[ \t\u00a0\u3000]*编[ \t\u00a0\u3000]*者$/.test(text);
}

/** A Markdown image line from a PDF extractor: ![](images/…). */
export function isImageLine(text: string): boolean {
  return /^!\[[^\]\n]{0,200}\]\([^)\n]{0,400}\)$/.test(text);
}

/** A formula line from a PDF extractor: $$ … $$, or a line of $…$ only. */
export function isFormulaLine(text: string): boolean {
  return /^\$\$/.test(text) || /\$\$$/.test(text) || /^\\\[|\\\]$/.test(text) || /^\$[^$]{1,400}\$$/.test(text);
}

export function isNewsOpening(text: string): boolean {
  return NEWS_OPENING.test(text);
}

export function isCallout(text: string): boolean {
  return text.length <= 16 && CALLOUT.test(text);
}

export function isNumbered(text: string): boolean {
  return NUMBERED.test(text);
}

export function endsWithPointer(text: string): boolean {
  return text.length <= 80 && POINTER.test(text);
}

/** The matchers of one paper profile. Build once per profile with `conventionsFor`. */
export class Conventions {
  private readonly sourceLine: RegExp;
  private readonly byline: RegExp;
  private readonly commentator: RegExp[];
  private readonly creditTail: RegExp;
  private readonly creditHead: RegExp;
  private readonly creditPair: RegExp;
  private readonly creditLabels: Set<string>;
  private readonly sourceList: RegExp;
  private readonly providedBy: RegExp;
  private readonly endCredit: RegExp;
  /** （李文整理）, （王东参与采写）: who put an article together, at its end. */
  private readonly compiledBy: RegExp;
  private readonly crossReference: RegExp;
  private readonly furniture: RegExp[];
  private readonly masthead: RegExp;
  private readonly boxLabels: Set<string>;
  private readonly commentaryKickers: Set<string>;
  private readonly commentaryTag: RegExp;
  private readonly briefs: RegExp;
  private readonly teaserHeadings: Set<string>;
  private readonly itemHeadings: Set<string>;
  private readonly wire: Set<string>;
  /** 黎云、吴旭: reporters' names in a source line's bracket, without their role. */
  private readonly nameList: RegExp;

  constructor(readonly profile: PaperProfile) {
    const outlet = `(?:${alternatives(profile.outlets)}|${H}{1,6}?(?:${alternatives(profile.outletSuffixes)}))`;
    const role = `(?:${alternatives(profile.roles)})`;
    this.sourceLine = new RegExp(`^(据${SP}?)?(${outlet})(${H}{0,8}?(?:${NUM}月${NUM}日)?)(电|讯)(?:${SP}{0,3}${OPEN}([^()（）\\n]{1,60})${CLOSE})?`);
    const name = profile.nameSpacing ? `(?:${SPACED_NAME})` : NAME;
    this.byline = new RegExp(
      `^(?:(?:文|撰文|文字)${SP}?[/／:：]${SP}?)?(?:${outlet}|本报|本刊)?${SP}?${role}${SP}{0,3}${name}` + `(?:(?:${SP}{1,3}|[、，,]${SP}?)(?:${role}${SP}?)?${name}){0,8}$`,
    );
    this.commentator = [new RegExp(`^(?:本报|本刊|${outlet})?(?:特约)?评论员(?:文章)?$`), new RegExp(`^(?:本报|本刊)?(?:特约)?评论员${NAME}?$`)];
    this.creditTail = new RegExp(
      `^(?:${outlet}|本报|本刊)?${SP}?(?:${role}|摄影记者|摄影)?${SP}?${name}(?:(?:${SP}{1,3}|[、，,])(?:${role}${SP}?)?${name}){0,6}${SP}?(?:摄影报道|摄|摄影|供图|制图|绘|绘图)(?:${SP}?${OPEN}[^()（）\\n]{1,10}${CLOSE})?$`,
    );
    this.creditHead = new RegExp(`^(?:本版)?(?:制图|图|摄影|图片|供图|视觉|设计|漫画|图文|资料图片|数据来源|图片来源|资料来源|来源)${SP}?[:：/／]${SP}?[^\\n]{1,30}$`);
    // 图片由市天文馆提供: a picture credited to whoever gave it.
    this.providedBy = /^(?:图片|照片|图|视频|资料图片)由[^，。,；;！？\n]{2,40}提供$/;
    // 数据来源：市统计局、市商务局、市文旅局《春节消费监测报告》…: a graphic's sources may be a long list, never a sentence.
    this.sourceList = new RegExp(`^(?:本版)?(?:数据来源|图片来源|资料来源)${SP}?[:：]${SP}?[^。！？!?\\n]{1,70}$`);
    // 刘 一图 陈立新文, 王芳文/图, 朱慧作（新华社发）: who drew and who wrote a picture item.
    this.creditPair = new RegExp(
      `^(?:${name}${SP}?(?:图|文|画)${SP}{1,3}${name}${SP}?(?:文|图|诗)|${name}${SP}?(?:文[/／]图|图[/／]文)|${name}${SP}?作${SP}?${OPEN}[^()（）\\n]{1,10}${CLOSE})$`,
    );
    this.creditLabels = new Set(profile.creditLabels);
    this.endCredit = new RegExp(
      `${OPEN}${SP}?((?:本报|记者|见习记者|实习记者|通讯员|新华社|综合|来源|稿件来源|稿源|据|本报综合|作者|${outlet})[^()（）\\n]{0,120})${CLOSE}${SP}?$`,
    );
    this.compiledBy = new RegExp(
      `${OPEN}${SP}?(?:${outlet}|本报)?(?:${role})?${SP}?${name}(?:(?:${SP}{1,3}|[、，,]${SP}?)${name}){0,8}${SP}?(?:采访整理|整理|参与采写|采写|报道|供稿|编译|综合报道)${CLOSE}${SP}?$`,
    );
    this.crossReference = new RegExp(`${OPEN}${SP}?(?:${alternatives(profile.crossReferences)})[^()（）\\n]{0,20}${CLOSE}`);
    this.furniture = [new RegExp(`^(?:${alternatives(profile.furnitureLabels)})${SP}?[:：]`), ...DATE_LINES, ...CONTACT_LINES];
    this.masthead = new RegExp(`^(${H}{2,6}(?:${alternatives(profile.mastheadSuffixes)}))$`);
    this.boxLabels = new Set(profile.boxLabels);
    this.commentaryKickers = new Set(profile.commentaryKickers);
    this.commentaryTag = new RegExp(alternatives(profile.commentaryTags));
    this.briefs = new RegExp(alternatives(profile.briefHeadings));
    this.teaserHeadings = new Set(profile.teaserHeadings);
    this.itemHeadings = new Set(profile.itemHeadings);
    this.wire = new Set(profile.wireAgencies);
    this.nameList = new RegExp(`^${name}(?:(?:${SP}{1,3}|[、，,]${SP}?)${name}){0,6}$`);
  }

  matchSourceLine(text: string): SourceMatch | undefined {
    // Every source line has 讯 or 电 near its start: most lines are ruled out without the full pattern.
    const head = text.length > 40 ? text.slice(0, 40) : text;
    if (head.indexOf('讯') < 0 && head.indexOf('电') < 0) return undefined;
    const m = this.sourceLine.exec(text);
    if (!m) return undefined;
    const outlet = m[2]!;
    const bracket = m[5];
    // Without a bracket, 讯/电 must be followed by a break in the sentence, or
    // ordinary words such as 本报电视… would pass for a source line.
    if (bracket === undefined) {
      const after = text[m[0].length];
      if (after !== undefined && !/[ \t\u00a0\u3000:：,，]/.test(after)) return undefined;
    } else if (!/记者|通讯员|实习生|特约|摄影|电|讯|编辑|报道/.test(bracket) && !this.nameList.test(bracket.trim())) {
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

  /** A byline on its own line: 长江日报记者商佩 覃柳珂 刘海锋, 本报记者 王 明 李 华, 文/本报记者 X. */
  isBylineLine(text: string): boolean {
    return text.length <= 80 && this.byline.test(text) && !/摄$|摄影报道$/.test(text) && !this.isBoxLabel(text.replace(/^.*?(记者)/, '$1'));
  }

  /** 本报评论员, 本报特约评论员: commentary carries no reporter byline. */
  isCommentatorLine(text: string): boolean {
    return this.commentator.some((re) => re.test(text));
  }

  /** A photo or graphic credit: 长江日报记者詹松 摄, 新华社记者 张伟摄, …摄影报道（影像中国）, 制图：X. */
  isCreditLine(text: string): boolean {
    if (text.length > 60) return text.length <= 80 && this.sourceList.test(text);
    return (
      this.creditTail.test(text) ||
      this.creditHead.test(text) ||
      this.creditPair.test(text) ||
      this.creditLabels.has(text) ||
      this.sourceList.test(text) ||
      this.providedBy.test(text)
    );
  }

  /** A source or byline at the end of an article: (记者 赵六), (新华社北京1月7日电), (作者为…). Returns where it starts. */
  matchEndCredit(text: string): number | undefined {
    const tail = text.length > 140 ? text.slice(-140) : text;
    const m = this.endCredit.exec(tail) ?? this.compiledBy.exec(tail);
    if (!m) return undefined;
    if (m[1] !== undefined && isMarkerBody(m[1])) return undefined;
    if (this.crossReference.test(m[0])) return undefined;
    return text.length - m[0].length;
  }

  /**
   * （柯 原）, （欧阳明）: a short piece signed with its author's name alone,
   * on a line of its own. A column tag or box label in brackets, （新论）,
   * （链接）, and a series' （完） or （待续） are not names.
   */
  isNameCredit(text: string): boolean {
    const m = BRACKETED_NAME.exec(text);
    if (!m) return false;
    const name = m[1]!.replace(SPACES, '');
    return !/^(?:待续|未完|续完|完|续|上|中|下|图|文)$|[版期篇章节]$/.test(name) && !this.isCommentaryTag(name) && !this.boxLabels.has(name) && !isMarkerBody(name);
  }

  /** （作者为…）, （作者单位：…）: who wrote an opinion piece, at its end. */
  isAuthorNote(text: string): boolean {
    // The note may name an institution with a bracket of its own: （作者为中共中央党校（国家行政学院）…教授）.
    return /^[（(](?:作者为|作者系|作者是|作者单位|作者：|作者:)(?:[^()（）]|[（(][^()（）]{1,30}[)）]){1,120}[)）]$/.test(text);
  }

  /** （相关报道见第四版）: a pointer to another page, not a source line or a marker. */
  isCrossReference(text: string): boolean {
    return this.crossReference.test(text);
  }

  /** Page furniture: editor lines, date line, masthead, serial numbers. */
  isFurniture(text: string): boolean {
    return text.length <= 60 && (this.furniture.some((re) => re.test(text)) || this.masthead.test(text));
  }

  /** The paper's name when a line is its masthead. */
  mastheadName(text: string): string | undefined {
    return this.masthead.exec(text)?.[1];
  }

  /** 核心阅读, 【链接】: a box inside an article, not a headline. */
  isBoxLabel(text: string): boolean {
    // 链 接: a two-character label is often spread to the width of four.
    return this.boxLabels.has(text.replace(/^[【[［]|[】\]］]$/g, '').replace(/[ \u3000\u00a0]+/g, ''));
  }

  /** 社论, 评论员文章 and similar kickers mark opinion pieces. */
  isOpinionKicker(text: string): boolean {
    return this.commentaryKickers.has(text);
  }

  /** The column tag closing a headline (（人民时评）, (在现场), （新论·学历史用历史③）), if any. */
  columnTag(text: string): string | undefined {
    const m = /[（(]([^()（）]{2,24})[)）]$/.exec(text);
    if (!m || m.index === 0) return undefined;
    const tag = m[1]!;
    if (isMarkerBody(tag) || /记者|通讯员|电$|摄/.test(tag) || this.crossReference.test(m[0])) return undefined;
    return tag;
  }

  /**
   * Whether a headline ends in a tag of a piece that carries no source line:
   * an opinion column's (（人民时评）), or a box label set as one (（记者手记）,
   * which columnTag passes over for its 记者).
   */
  hasPieceTag(text: string): boolean {
    const column = this.columnTag(text);
    if (column !== undefined) return this.isCommentaryTag(column);
    const tag = /[（(]([^()（）]{2,24})[)）]$/.exec(text)?.[1];
    return tag !== undefined && this.boxLabels.has(tag) && this.isCommentaryTag(tag);
  }

  /** A column tag that marks opinion: （人民时评）, （新论）, （今日谈）. */
  isCommentaryTag(tag: string): boolean {
    return this.commentaryTag.test(tag);
  }

  isBriefHeading(text: string): boolean {
    return this.briefs.test(text);
  }

  isTeaserHeading(text: string): boolean {
    return this.teaserHeadings.has(text);
  }

  /** 图片报道: the headline of a photo item. */
  isItemHeading(text: string): boolean {
    return this.itemHeadings.has(text);
  }

  isWireAgency(outlet: string): boolean {
    return this.wire.has(outlet);
  }
}

const compiled = new WeakMap<PaperProfile, Conventions>();

export function conventionsFor(profile: PaperProfile = DEFAULT_PROFILE): Conventions {
  let c = compiled.get(profile);
  if (!c) compiled.set(profile, (c = new Conventions(profile)));
  return c;
}
