/**
 * Labelled damage planted into page specs with a fixed seed: column-break
 * cuts, spread deck lines, removed source lines, correct jumps between pages
 * and misplaced markers. Each kind of damage is planted as a working paper's
 * typesetting or extraction makes it, so that what is measured is what
 * editors meet.
 */
import { Random } from '../helpers/random';
import { isBylineLine, leadSourceLength, namesAuthor } from './credits';
import type { ArticleSpec, MarkerSpec, PageSpec, ParaSpec } from './spec';
import type { Words } from './words';

/** Marks a line may not start with (避头): typesetting hangs them on the line above. */
const NO_LINE_START = '，。、；：！？）》」』”’…,.;:!?)';
/** Marks a line may not end with (避尾). */
const NO_LINE_END = '（《「『“‘(';
const SENTENCE_END = /[。！？!?…][”’」』）)]?$/;
const CN = [
  '',
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
  '二十一',
  '二十二',
  '二十三',
  '二十四',
];

export function seedOf(...parts: Array<string | number>): number {
  let h = 2166136261;
  for (const c of parts.join('|')) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}

function pageName(rnd: Random, page: number): string {
  const r = rnd.next();
  if (r < 0.5 && page < CN.length) return `第${CN[page]}版`;
  if (r < 0.75) return `第${page}版`;
  return `${page}版`;
}

/** Lines of page furniture and picture credits that the scrape left at an article's end: no marker is ever glued to them. */
const FURNITURE = /^(?:本版|版式|制图|责任编辑|责编|·广告·|图片来源|数据来源|资料来源|稿件统筹|本期统筹)|摄$|摄（[^）]*）$/;

const textParas = (a: ArticleSpec) => a.paras.filter((p) => !p.blank && !p.marker && !FURNITURE.test(p.text));

function markerPara(text: string, expect: MarkerSpec['expect'], plant: string): ParaSpec {
  return { text, indent: '', marker: true, blank: false, cuts: [], markers: [{ start: 0, end: text.length, expect, plant }] };
}

/** Glues a marker to the end of a paragraph, as papers print …新进展。（下转第二版）. */
function glueEnd(p: ParaSpec, text: string, expect: MarkerSpec['expect'], plant: string): void {
  p.markers.push({ start: p.text.length, end: p.text.length + text.length, expect, plant });
  p.text += text;
}

function glueStart(p: ParaSpec, text: string, expect: MarkerSpec['expect'], plant: string): void {
  p.markers = [{ start: 0, end: text.length, expect, plant }, ...p.markers.map((m) => ({ ...m, start: m.start + text.length, end: m.end + text.length }))];
  p.text = text + p.text;
}

/**
 * The headline a continued part repeats, as papers shorten it: the main
 * headline whole, without its column tag, or one of its phrases (the part
 * after a colon or a space, or before a comma).
 */
function repeatedHeadline(rnd: Random, a: ArticleSpec): string {
  const main = a.main;
  const untagged = main.replace(/[（(][^()（）]{1,24}[)）]$/, '');
  const phrases = untagged
    .split(/[：: ，,]/)
    .map((x) => x.trim())
    .filter((x) => x.length >= 5);
  const r = rnd.next();
  if (r < 0.25 && phrases.length > 1) return rnd.pick(phrases);
  if (r < 0.45 && untagged !== main && untagged.length >= 5) return untagged;
  return main;
}

/**
 * Jumps as papers set them: an article breaks off with (下转第X版) and goes
 * on under its repeated headline, opened by (上接第Y版), on a later page.
 */
export function plantJumps(issue: PageSpec[], rnd: Random): void {
  if (issue.length < 2) return;
  const wanted = Math.min(2, issue.length - 1);
  for (let n = 0, tries = 0; n < wanted && tries < 20; tries++) {
    const from = rnd.int(issue.length - 1);
    const source = issue[from]!;
    const candidates = source.articles.filter((a) => a.kind === 'article' && textParas(a).length >= 5 && !a.paras.some((p) => p.markers.length > 0));
    if (candidates.length === 0) continue;
    const a = rnd.pick(candidates);
    const to = issue[from + 1 + rnd.int(issue.length - from - 1)]!;
    const bodyIdx = a.paras.map((p, i) => (p.blank || p.marker ? -1 : i)).filter((i) => i >= 0);
    const k = bodyIdx[2 + rnd.int(bodyIdx.length - 4)]!;
    const rest = a.paras.splice(k + 1);
    // Who wrote it may now stand only in the continued part, on the other page.
    a.namesAuthor = namesAuthor(a.paras.map((p) => p.text));
    while (rest[0]?.blank) rest.shift();
    const onward = `（下转${pageName(rnd, to.page)}）`;
    if (rnd.next() < 0.5) glueEnd(a.paras[k]!, onward, 'silent', 'jump');
    else a.paras.push(markerPara(onward, 'silent', 'jump'));
    const arriving = `（上接${pageName(rnd, source.page)}）`;
    if (rnd.next() < 0.7) glueStart(rest[0]!, arriving, 'silent', 'jump');
    else rest.unshift(markerPara(arriving, 'silent', 'jump'));
    const repeat = repeatedHeadline(rnd, a);
    const part: ArticleSpec = { id: `${a.id}#2`, kind: 'continuation', deck: [{ text: repeat }], main: repeat, blankAfterDeck: false, paras: rest, namesAuthor: true };
    to.articles.splice(rnd.int(to.articles.length + 1), 0, part);
    n++;
  }
}

/** Markers that do not do their job: inside an article, under a headline, pointing back, to a page with no continued part, or arriving mid-article. */
export function plantMisplacedMarker(page: PageSpec, issue: readonly PageSpec[], rnd: Random): void {
  const candidates = page.articles.filter((a) => a.kind === 'article' && textParas(a).length >= 3 && !a.paras.some((p) => p.markers.length > 0));
  if (candidates.length === 0) return;
  const a = rnd.pick(candidates);
  const later = issue.filter((p) => p.page > page.page);
  const paras = textParas(a);
  const kinds = ['mid-article', 'under-headline', 'backwards', 'arriving-inside', ...(later.length > 0 ? ['dangling'] : [])];
  const kind = rnd.pick(kinds);
  const target = later.length > 0 ? rnd.pick(later).page : page.page + 1;
  switch (kind) {
    case 'mid-article': {
      const p = paras[rnd.int(paras.length - 1)]!;
      const text = `（下转${pageName(rnd, target)}）`;
      if (rnd.next() < 0.5) glueEnd(p, text, 'finding', kind);
      else a.paras.splice(a.paras.indexOf(p) + 1, 0, markerPara(text, 'finding', kind));
      break;
    }
    case 'under-headline':
      a.paras.unshift(markerPara(`（下转${pageName(rnd, target)}）`, 'finding', kind));
      break;
    case 'backwards':
      glueEnd(paras[paras.length - 1]!, `（下转${pageName(rnd, 1 + rnd.int(page.page))}）`, 'finding', kind);
      break;
    case 'dangling':
      glueEnd(paras[paras.length - 1]!, `（下转${pageName(rnd, target)}）`, 'finding', kind);
      break;
    case 'arriving-inside':
      glueStart(paras[1 + rnd.int(paras.length - 1)]!, `（上接${pageName(rnd, Math.max(1, page.page - 1))}）`, 'finding', kind);
      break;
  }
}

/** Takes the 电头 or byline line away from an article whose text names its source nowhere else. */
export function plantSourceRemoval(page: PageSpec, rnd: Random): void {
  const options: Array<{ a: ArticleSpec; i: number; lead: number }> = [];
  for (const a of page.articles) {
    // A jumped article may carry its credit on the continued part, which a page's own check cannot see; a brief box carries none.
    if (a.kind !== 'article' || a.sourceRemoved || a.paras.some((p) => p.markers.some((m) => m.plant === 'jump'))) continue;
    if (a.deck.some((d) => /速览|简讯|快讯|要闻简报|新闻速递/.test(d.text))) continue;
    a.paras.slice(0, 4).forEach((p, i) => {
      if (p.blank || p.marker) return;
      const lead = leadSourceLength(p.text);
      const byline = lead === 0 && isBylineLine(p.text);
      if (lead === 0 && !byline) return;
      const rest = a.paras.map((q, j) => (j === i ? (byline ? '' : q.text.slice(lead)) : q.text)).filter((t) => t !== '');
      if (!namesAuthor(rest)) options.push({ a, i, lead: byline ? -1 : lead });
    });
  }
  if (options.length === 0) return;
  const { a, i, lead } = rnd.pick(options);
  const p = a.paras[i]!;
  if (lead < 0) {
    a.sourceRemoved = p.text;
    a.paras.splice(i, 1);
  } else {
    a.sourceRemoved = p.text.slice(0, lead);
    p.text = p.text.slice(lead);
    p.markers = p.markers.map((m) => ({ ...m, start: m.start - lead, end: m.end - lead }));
  }
}

const SPREADABLE = /^[\u3400-\u9fff0-9“”《》·]+$/;

/** Justification spaces in a deck line: between every character (short lines set wide), or between words. */
export function plantSpread(page: PageSpec, rnd: Random, words: Words): void {
  const options: Array<{ a: ArticleSpec; i: number }> = [];
  for (const a of page.articles) {
    a.deck.forEach((d, i) => {
      if (!d.spread && d.text.length >= 4 && d.text.length <= 24 && SPREADABLE.test(d.text)) options.push({ a, i });
    });
  }
  if (options.length === 0) return;
  const { a, i } = rnd.pick(options);
  const d = a.deck[i]!;
  const byWords = rnd.next() < 0.4;
  const cuts = byWords ? [...words.boundaries(d.text)].sort((x, y) => x - y) : [...Array(d.text.length - 1).keys()].map((k) => k + 1);
  if (cuts.length < 3) return;
  let out = '';
  const spread: number[] = [];
  let at = 0;
  for (const c of cuts) {
    out += d.text.slice(at, c);
    spread.push(out.length);
    out += ' ';
    at = c;
  }
  out += d.text.slice(at);
  a.deck[i] = { text: out, spread, spreadKind: byWords ? 'words' : 'characters' };
}

/**
 * Column-break cuts. A paragraph is set in a column `width` characters wide
 * (the first line two narrower for its indent) and cut at the end of one of
 * its lines, where the column or page ends; the rest goes on after 1–3 blank
 * lines. Typesetting never starts a line with closing punctuation nor ends
 * one with an opening mark, so the cut moves past them. A cut that falls right
 * after a finished sentence reads as a paragraph break and is not planted:
 * no one can tell it from one.
 */
export function plantCuts(page: PageSpec, rnd: Random, words: Words): void {
  const width = 11 + rnd.int(6);
  const eligible: ParaSpec[] = [];
  for (const a of page.articles) for (const p of a.paras) if (!p.blank && !p.marker && p.text.length >= 2 * width && p.cuts.length === 0) eligible.push(p);
  const wanted = Math.min(eligible.length, 2 + rnd.int(3));
  for (let n = 0, tries = 0; n < wanted && tries < 40; tries++) {
    const p = rnd.pick(eligible);
    if (p.cuts.length > 0) continue;
    const ends: number[] = [];
    for (let e = width - 2; e < p.text.length - 2; e += width) ends.push(e);
    let at = rnd.pick(ends);
    while (at < p.text.length && NO_LINE_START.includes(p.text[at]!)) at++;
    while (at > 1 && NO_LINE_END.includes(p.text[at - 1]!)) at--;
    if (at <= 0 || at >= p.text.length - 1) continue;
    const before = p.text.slice(0, at);
    if (SENTENCE_END.test(before)) continue;
    if (at <= leadSourceLength(p.text)) continue;
    if (p.markers.some((m) => at > m.start && at < m.end + 1)) continue;
    const between = !/[\u3400-\u9fff]/.test(p.text[at - 1]!) || !/[\u3400-\u9fff]/.test(p.text[at]!) || words.boundaries(p.text).has(at);
    const r = rnd.next();
    p.cuts.push({ at, blanks: r < 0.5 ? 1 : r < 0.8 ? 2 : 3, kind: between ? 'between-words' : 'mid-word' });
    n++;
  }
}

/** Every kind of damage, planted into the pages of one issue. */
export function plantIssue(issue: PageSpec[], seed: number, words: Words): void {
  const rnd = new Random(seed);
  plantJumps(issue, rnd);
  for (const page of issue) {
    if (rnd.next() < 0.35) plantMisplacedMarker(page, issue, rnd);
    if (rnd.next() < 0.35) plantSourceRemoval(page, rnd);
    if (rnd.next() < 0.35) plantSpread(page, rnd, words);
    plantCuts(page, rnd, words);
  }
}
