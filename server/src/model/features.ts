/**
 * The cues the reader weighs, as feature names: what a line shows on its
 * own (lineCues, computed once per line text), and what it shows where it
 * stands (positionFeatures: the line above and below, the blank lines, the
 * words across a break, the words shared with the text around). Each name is
 * generic: none names a paper, and describeCue says it in words for a
 * diagnostic or a hover.
 */
import { charCount, isHanCode, SENTENCE_END } from '../text/chars';
import { straddlingWord, tagsAcross, type Segmenter } from '../segment/segmenter';
import { isCallout, isEditorsNote, isEditorsSign, isNewsOpening, isNumbered, type Conventions, type MarkerMatch, type SourceMatch } from './conventions';
import { boundHead, hanHead, hanTail, punctuation, punctuationHead, type Shape } from './lineFeatures';
import type { Unit, UnitKind } from './units';

/**
 * Cue names made once each and handed out again: a page's every line names
 * some forty cues, its neighbours' among them, and building each name anew
 * was a good part of what the collector had to sweep. Every part is drawn
 * from a small fixed vocabulary, so the table stays small.
 */
const names = new Map<string, Map<string | number, string>>();

function cue(prefix: string, value: string | number): string {
  let byValue = names.get(prefix);
  if (byValue === undefined) names.set(prefix, (byValue = new Map<string | number, string>()));
  let name = byValue.get(value);
  if (name === undefined) byValue.set(value, (name = prefix + value));
  return name;
}

function lengthBucket(n: number): string {
  if (n <= 4) return String(n);
  if (n <= 6) return '5-6';
  if (n <= 9) return '7-9';
  if (n <= 14) return '10-14';
  if (n <= 20) return '15-20';
  if (n <= 28) return '21-28';
  if (n <= 40) return '29-40';
  if (n <= 60) return '41-60';
  if (n <= 100) return '61-100';
  return '101+';
}

const CLOSERS = '”’」』）)》〉】］]';

function endClass(core: string): string {
  if (core.length === 0) return 'none';
  const c = core[core.length - 1]!;
  if (SENTENCE_END.includes(c)) return 'stop';
  if (CLOSERS.includes(c)) {
    const before = core[core.length - 2];
    return before !== undefined && SENTENCE_END.includes(before) ? 'stop-close' : 'close';
  }
  if (core.endsWith('——')) return 'dash';
  if ('：:'.includes(c)) return 'colon';
  if ('，,'.includes(c)) return 'comma';
  if ('；;'.includes(c)) return 'semi';
  if (c === '、') return 'enum';
  const code = c.charCodeAt(0);
  if (isHanCode(code)) return 'han';
  if (/[0-9０-９%％]/.test(c)) return 'digit';
  if (/[A-Za-z]/.test(c)) return 'latin';
  return 'other';
}

function startClass(text: string): string {
  const c = text[0]!;
  if ('■●▲◆★□◇○•◎☆△▶►'.includes(c)) return 'bullet';
  if (text.startsWith('——') || text.startsWith('--')) return 'dash';
  if (isNumbered(text)) return 'numbered';
  if ('“‘「『"'.includes(c)) return 'quote';
  if ('《〈'.includes(c)) return 'book';
  if ('（(【［['.includes(c)) return 'paren';
  if (/[0-9０-９]/.test(c)) return 'digit';
  if (/[A-Za-z]/.test(c)) return 'latin';
  if (isHanCode(c.charCodeAt(0))) return 'han';
  return 'punct';
}

/** Counts of sentence stops (an ellipsis among them) and commas inside a line (not its last character). */
function inner(core: string): { stops: number; commas: number } {
  const p = punctuation(core);
  return { stops: p.stops + p.ellipses, commas: p.commas };
}

/** Runs of Han characters separated by single spaces: how a deck line spread by justification looks. */
function spacing(text: string): 'none' | 'phrases' | 'spread' {
  const pieces = text.split(/[ \u3000\u00a0]+/);
  if (pieces.length < 2) return 'none';
  const short = pieces.filter((p) => p.length <= 2).length;
  return pieces.length >= 4 && short >= Math.ceil(pieces.length / 2) ? 'spread' : 'phrases';
}

interface ClassLike {
  readonly kind: UnitKind;
  readonly source?: SourceMatch;
  readonly markers: readonly MarkerMatch[];
  readonly pointer: boolean;
  readonly shape: Shape;
  readonly tag?: string;
}

/** A date on a line of its own (2019年1月21日, 二〇一九年一月二十一日): what a letter or a statement closes with, under its signature. */
const DATE_ALONE = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日$/;

/** Cues a line shows on its own. */
export function lineCues(text: string, cls: ClassLike, c: Conventions): string[] {
  const core = cls.shape.core;
  // charCount skips the spaces a squeeze would take out, so the squeezed text is made only for the short lines that ask for it.
  const n = text.length > 400 ? 400 : charCount(text);
  const { stops, commas } = inner(core.length > 400 ? core.slice(0, 400) : core);
  const cues = [
    cue('kind:', cls.kind),
    cue('len:', lengthBucket(n)),
    cue('end:', endClass(core)),
    cue('stops:', stops > 1 ? '2+' : stops),
    cue('commas:', commas > 2 ? '3+' : commas),
    cue('start:', startClass(text)),
  ];
  if (cls.shape.headlineLike) cues.push('shape:headline');
  if (cls.shape.bodyLike) cues.push('shape:body');
  if (cls.source) cues.push('source');
  if (cls.pointer) cues.push('pointer');
  for (const m of cls.markers) {
    if (m.direction === 'onward' && m.end === text.length) cues.push('marker:onward-end');
    else if (m.direction === 'arriving' && m.start === 0) cues.push('marker:arriving-start');
    else cues.push('marker:inside');
  }
  if (cls.tag !== undefined) cues.push(c.isBoxLabel(cls.tag) ? 'tag:box' : c.isCommentaryTag(cls.tag) ? 'tag:commentary' : 'tag');
  if (text.length <= 40) {
    if (c.isBoxLabel(text)) cues.push('box');
    if (c.isItemHeading(text)) cues.push('item-heading');
    if (c.isBriefHeading(text)) cues.push('brief-heading');
    if (c.isOpinionKicker(text)) cues.push('opinion-kicker');
    if (isEditorsSign(text)) cues.push('editors-sign');
    if (isCallout(text.replace(/[ \u3000\u00a0]+/g, ''))) cues.push('callout');
    const sp = spacing(text);
    if (sp !== 'none') cues.push(cue('spaces:', sp));
  }
  if (isEditorsNote(text)) cues.push('editors-note');
  if (c.isAuthorNote(text)) cues.push('author-note');
  if (c.isCrossReference(text)) cues.push('cross-ref');
  if (/^[（(][^()（）]{0,20}(?:结束|完)[)）]$/.test(text)) cues.push('series-end');
  if (DATE_ALONE.test(text)) cues.push('date-alone');
  if (cls.kind === 'text' && c.matchEndCredit(text) !== undefined) cues.push('end-credit-tail');
  if (isNewsOpening(text)) cues.push('news-open');
  return cues;
}

/** What a page is like as a whole: how far apart its paragraphs usually stand, and whether they are indented. */
export interface PageLayout {
  /** The usual number of blank lines between two lines: 0 (e-paper) or 1 (a PDF extraction). */
  readonly baseline: number;
  /** Most running-text lines are set in from the margin. */
  readonly indents: boolean;
}

export function pageLayout(units: readonly Unit[]): PageLayout {
  const gaps = [0, 0];
  let text = 0;
  let indented = 0;
  for (let i = 1; i < units.length; i++) gaps[Math.min(1, units[i]!.blanksBefore)]!++;
  for (const u of units) {
    if (u.kind !== 'text' || !u.shape.bodyLike) continue;
    text++;
    if (u.indented) indented++;
  }
  return { baseline: gaps[1]! > gaps[0]! ? 1 : 0, indents: text > 0 && indented >= text * 0.3 };
}

/** Whether a line closes the article it ends: an end credit, an author note, an onward marker, a sign-off. */
export function closesArticle(u: Unit): boolean {
  if (u.kind === 'end-credit' || u.kind === 'furniture') return true;
  for (const cue of u.cues) {
    if (cue === 'marker:onward-end' || cue === 'series-end' || cue === 'editors-sign' || cue === 'end-credit-tail' || cue === 'author-note' || cue === 'date-alone') return true;
  }
  return u.kind === 'marker' && u.markers[0]?.direction === 'onward';
}

function unclosed(text: string): boolean {
  let depth = 0;
  // By char code: the line above every break is read through, and a one-character string per character was garbage.
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 0x201c: // “
      case 0xff08: // （
      case 0x28: // (
      case 0x300a: // 《
      case 0x300c: // 「
      case 0x300e: // 『
        depth++;
        break;
      case 0x201d: // ”
      case 0xff09: // ）
      case 0x29: // )
      case 0x300b: // 》
      case 0x300d: // 」
      case 0x300f: // 』
        depth = Math.max(0, depth - 1);
        break;
    }
  }
  return depth > 0;
}

/**
 * The Han-character bigrams of a page's running text, for the words two
 * passages share: each bigram numbered once per page, each unit's list made
 * once, and two stamp arrays to count without building sets (a short line
 * asks about the six text units around it, and most of them again for the
 * next short line).
 */
interface PageBigrams {
  /**
   * Every bigram seen on the page, numbered in the order first seen: an
   * open-addressed table of key + 1 (0 is empty) and the numbers beside
   * them, sized for the bigrams the page's running text can hold (and
   * doubled should a huge page outgrow it), since a Map grown bigram by
   * bigram cost more than everything it counted.
   */
  keys: Int32Array;
  numbers: Int32Array;
  shift: number;
  size: number;
  /** Per unit, its bigrams' numbers (repeats kept), made when first asked for. */
  readonly ofUnit: Array<Int32Array | undefined>;
  above: Int32Array;
  below: Int32Array;
  stamp: number;
}

/**
 * Han characters numbered densely (extension A, the main block, the
 * compatibility block), so a bigram's key stays a small integer: a key of
 * two raw char codes passes 2^30, and V8 then hashes it as a heap number,
 * which made numbering bigrams the checker's costliest line.
 */
const HAN_CODES = 0x4dc0 - 0x3400 + (0xa000 - 0x4e00) + (0xfb00 - 0xf900);

function hanIndex(c: number): number {
  if (c >= 0x4e00 && c <= 0x9fff) return c - 0x4e00;
  if (c >= 0x3400 && c <= 0x4dbf) return 0xa000 - 0x4e00 + (c - 0x3400);
  if (c >= 0xf900 && c <= 0xfaff) return 0xa000 - 0x4e00 + (0x4dc0 - 0x3400) + (c - 0xf900);
  return -1;
}

/** How far into a unit its bigrams are read. */
const BIGRAM_REACH = 600;

const pageBigrams = new WeakMap<readonly Unit[], PageBigrams>();

const isRunning = (u: Unit) => u.kind === 'text' && !u.shape.headlineLike;

/** The bigrams of unit `k`, if it is running text (text that is not headline-like). */
function unitBigrams(units: readonly Unit[], k: number, page: PageBigrams): Int32Array | undefined {
  const u = units[k]!;
  if (!isRunning(u)) return undefined;
  let list = page.ofUnit[k];
  if (list) return list;
  const text = u.text;
  const out = new Int32Array(Math.max(0, Math.min(text.length - 1, BIGRAM_REACH)));
  let count = 0;
  for (let i = 0; i + 1 < text.length && i < BIGRAM_REACH; i++) {
    const a = hanIndex(text.charCodeAt(i));
    if (a < 0) continue;
    const b = hanIndex(text.charCodeAt(i + 1));
    if (b < 0) continue;
    out[count++] = numberOf(page, a * HAN_CODES + b + 1);
  }
  page.ofUnit[k] = list = out.subarray(0, count);
  return list;
}

function slotOf(keys: Int32Array, shift: number, key: number): number {
  const mask = keys.length - 1;
  let slot = Math.imul(key, 0x9e3779b1) >>> shift;
  while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
  return slot;
}

/** The page's number for a bigram key (+ 1), numbering it if it is new. */
function numberOf(page: PageBigrams, key: number): number {
  let slot = slotOf(page.keys, page.shift, key);
  if (page.keys[slot] === key) return page.numbers[slot]!;
  // At most half full, so a probe ends soon.
  if (2 * (page.size + 1) > page.keys.length) {
    grow(page);
    slot = slotOf(page.keys, page.shift, key);
  }
  page.keys[slot] = key;
  page.numbers[slot] = page.size;
  if (page.size >= page.above.length) {
    const above = new Int32Array(2 * page.above.length + 16);
    above.set(page.above);
    page.above = above;
    const below = new Int32Array(above.length);
    below.set(page.below);
    page.below = below;
  }
  return page.size++;
}

function grow(page: PageBigrams): void {
  const { keys, numbers } = page;
  page.keys = new Int32Array(2 * keys.length);
  page.numbers = new Int32Array(2 * keys.length);
  page.shift--;
  for (let s = 0; s < keys.length; s++) {
    if (keys[s] === 0) continue;
    const slot = slotOf(page.keys, page.shift, keys[s]!);
    page.keys[slot] = keys[s]!;
    page.numbers[slot] = numbers[s]!;
  }
}

function bigramsOfPage(units: readonly Unit[]): PageBigrams {
  let page = pageBigrams.get(units);
  if (!page) {
    // Room for every bigram the running text holds, up to a bound past which a huge page grows the table.
    let most = 0;
    for (const u of units) if (isRunning(u)) most += Math.max(0, Math.min(u.text.length - 1, BIGRAM_REACH));
    most = Math.min(most, 1 << 16);
    let bits = 4;
    while (1 << bits < 2 * most) bits++;
    page = {
      keys: new Int32Array(1 << bits),
      numbers: new Int32Array(1 << bits),
      shift: 32 - bits,
      size: 0,
      ofUnit: [],
      above: new Int32Array(most),
      below: new Int32Array(most),
      stamp: 0,
    };
    pageBigrams.set(units, page);
  }
  return page;
}

/**
 * How much the text below a short line shares with the text above it, from
 * 0 to 1: a subheading sits inside one story, a headline starts another.
 */
function cohesion(units: readonly Unit[], i: number): number | undefined {
  const page = bigramsOfPage(units);
  const stamp = ++page.stamp;
  const before = markAround(units, i, -1, page, stamp);
  const after = markAround(units, i, 1, page, stamp);
  if (before.distinct < 8 || after.distinct < 8) return undefined;
  return after.shared / Math.min(before.distinct, after.distinct);
}

/**
 * Stamps the bigrams of the three text units nearest `i` on one side (`step`
 * −1 above, 1 below) into that side's marks, counting the distinct ones, and
 * below, of those the ones above holds under the same stamp. The marks are
 * read from the page after each unit's bigrams, which may have grown them.
 */
function markAround(units: readonly Unit[], i: number, step: 1 | -1, page: PageBigrams, stamp: number): { distinct: number; shared: number } {
  let distinct = 0;
  let shared = 0;
  for (let k = i + step, n = 0; k >= 0 && k < units.length && n < 3; k += step) {
    const list = unitBigrams(units, k, page);
    if (!list) continue;
    const marks = step < 0 ? page.above : page.below;
    const above = page.above;
    for (const b of list) {
      if (marks[b] === stamp) continue;
      marks[b] = stamp;
      distinct++;
      if (step > 0 && above[b] === stamp) shared++;
    }
    n++;
  }
  return { distinct, shared };
}

function cohesionBucket(x: number): string {
  if (x < 0.03) return '0';
  if (x < 0.07) return '1';
  if (x < 0.12) return '2';
  if (x < 0.2) return '3';
  return '4';
}

/** A line that marks an article's edge: a source line, a closing credit or marker, a byline. */
function boundary(u: Unit): boolean {
  return isSource(u) || closesArticle(u) || u.kind === 'furniture' || u.kind === 'page-line';
}

const isShort = (u: Unit) => u.kind === 'text' && u.shape.headlineLike && !u.pointer;

/**
 * Sibling subheadings: short lines between the same two article edges, and
 * whether one is shaped like this one; and how far back the last edge is, and
 * whether it opened an article (a source line: the story has just begun) or
 * closed one (a credit or marker: the next story may begin).
 */
function siblings(units: readonly Unit[], i: number): string[] {
  const u = units[i]!;
  // Siblings look alike: both a numbered line, or both plain, tagged or not, of a like length.
  const shape = (x: Unit) => (x.cues[5] === 'start:numbered' || x.cues[5] === 'start:bullet' ? 1 : 0) + (x.tag !== undefined ? 2 : 0);
  const len = u.text.length;
  let before = 0;
  let after = 0;
  let alike = false;
  let since = 0;
  let edge = 'none';
  for (let k = i - 1; k >= 0 && i - k <= 30; k--) {
    const x = units[k]!;
    if (boundary(x)) {
      edge = isSource(x) ? 'open' : 'close';
      break;
    }
    since++;
    // The line right after an edge is the next article's deck, not a sibling.
    if (isShort(x) && !(k > 0 && boundary(units[k - 1]!)) && !isSource(units[k + 1])) {
      before++;
      if (shape(x) === shape(u) && Math.abs(x.text.length - len) <= Math.max(4, len * 0.5)) alike = true;
    }
  }
  for (let k = i + 1; k < units.length && k - i <= 30; k++) {
    const x = units[k]!;
    if (boundary(x) || isSource(units[k + 1])) break;
    if (isShort(x)) {
      after++;
      if (shape(x) === shape(u) && Math.abs(x.text.length - len) <= Math.max(4, len * 0.5)) alike = true;
    }
  }
  const sib = before > 0 ? (after > 0 ? 'sib:ba' : 'sib:b') : after > 0 ? 'sib:a' : 'sib:none';
  const out = [sib, cue(cue('edge:', edge), since <= 2 ? ':0-2' : since <= 5 ? ':3-5' : since <= 10 ? ':6-10' : ':11+')];
  if (alike) out.push('sib:alike');
  return out;
}

/** Han characters in a line: verse is set by their count, whatever its punctuation. */
function hanCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) n++;
  return n;
}

const HAN_ONLY = /^[\u3400-\u9fff]+$/;

/**
 * A line of two or three comma clauses of one length (产业兴，乡村兴), or
 * such a pair opening a line before ——: the shape of a slogan or a
 * subheading, which the paper sets without a full stop, not of a sentence
 * the column cut.
 */
function parallelClauses(core: string): boolean {
  // Most lines hold no comma: they are ruled out before anything is cut up.
  if (core.indexOf('，') < 0 && core.indexOf(',') < 0) return false;
  const dash = core.indexOf('——');
  const head = dash > 0 ? core.slice(0, dash) : core;
  if (head.length > 40) return false;
  const pieces = head.replace(/[，,]$/, '').split(/[，,]/);
  if (pieces.length < 2 || pieces.length > 3) return false;
  const len = pieces[0]!.length;
  return len >= 2 && len <= 10 && pieces.every((x) => x.length === len && HAN_ONLY.test(x));
}

/** Each unit's answer, asked once as the line itself and once more as the line above the next. */
const parallelOf = new WeakMap<Unit, boolean>();

/** parallelClauses, unless the line stops on a word that cannot end one (很, 与, 的): then it was cut all the same. */
function parallelLine(u: Unit, segmenter: Segmenter): boolean {
  if (u.kind !== 'text') return false;
  let yes = parallelOf.get(u);
  if (yes === undefined) {
    yes = parallelClauses(u.shape.core);
    if (yes) {
      const tail = hanTail(u.text);
      const own = segmenter.tag && tail.length > 0 ? segmenter.tag(tail) : undefined;
      const last = own?.[own.length - 1];
      yes = !(last && /^[pcu]|^d$/.test(coarse(last.tag)));
    }
    parallelOf.set(u, yes);
  }
  return yes;
}

const has = (u: Unit | undefined, cue: string) => u !== undefined && u.cues.includes(cue);

/** jieba's part of speech, coarse: the particles (的 uj, 了 ul…) apart, the rest by their first letter. */
function coarse(tag: string): string {
  return tag[0] === 'u' ? tag : tag === 'eng' ? 'x' : tag[0]!;
}
const isSource = (u: Unit | undefined) => u !== undefined && (u.source !== undefined || u.kind === 'byline' || u.kind === 'commentator');
const endOf = (u: Unit) => u.cues[2]!;

/** Every cue of unit `i` where it stands: its own, its neighbours', and the break above it. */
export function positionFeatures(units: readonly Unit[], i: number, layout: PageLayout, segmenter: Segmenter): string[] {
  const u = units[i]!;
  const p = units[i - 1];
  const n = units[i + 1];
  const f = [...u.cues];
  if (i === 0) f.push('first');
  if (i === units.length - 1) f.push('last');
  const pParallel = p !== undefined && parallelLine(p, segmenter);
  if (parallelLine(u, segmenter)) f.push('parallel');
  if (pParallel) f.push('p:parallel');
  const gap = u.blanksBefore;
  f.push(cue('gap:', gap > 3 ? 3 : gap), cue('gapx:', Math.max(-1, Math.min(2, gap - layout.baseline))));
  f.push(layout.indents ? (u.indented ? 'indent:yes' : 'indent:no') : 'indent:none');
  if (p) {
    // The line above as it is on its own: every one of its cues, marked as the neighbour's.
    for (const c of p.cues) f.push(cue('p:', c));
    if (closesArticle(p)) f.push('p:closes');
    if (isSource(p)) f.push('p:anchor');
    const p2 = units[i - 2];
    if (p2?.shape.headlineLike && p2.kind === 'text') f.push('p2:shape:headline');
    if (p.kind === 'text' && u.kind === 'text') {
      const open = !p.shape.closed;
      if (open) {
        // Open clauses of one length are weighed apart from other open text: a subheading or summary line the paper sets without a stop, more often than a cut.
        f.push(pParallel ? 'cut:open-parallel' : p.shape.bodyLike ? 'cut:open-body' : p.shape.headlineLike ? 'cut:open-headline' : 'cut:open-other');
        if (layout.indents && !u.indented) f.push('cut:open-noindent');
        if (gap > layout.baseline) f.push('cut:open-wide');
      }
      // Short lines of one length in a row: verse (a song, a poem, a couplet) set line by line, not a sentence cut in two.
      const hans = p.text.length <= 16 && u.text.length <= 16 ? hanCount(p.text) : 0;
      const verse = hans >= 4 && hans <= 12 && hanCount(u.text) === hans;
      if (verse) f.push(n && n.kind === 'text' && n.text.length <= 16 && hanCount(n.text) === hans ? 'verse:3' : 'verse');
      // A short line above with short lines of its shape between the same article edges: one of a story's subheadings, not the first half of a cut.
      if (open && isShort(p)) for (const c of siblings(units, i - 1)) if (c.startsWith('sib:')) f.push(cue('p:', c));
      const strong: string[] = [];
      // A quotation of several paragraphs opens each with “ and closes only the last: a quote left open above and one opening below is the next paragraph of it.
      // Quoted verse stays open to its last line, each line ending on a comma: there neither is the strong sign of a cut it is in prose.
      if (unclosed(p.text)) {
        if (u.text.startsWith('“')) f.push('p:unclosed&quote-below');
        else if (verse) f.push('p:unclosed&verse');
        else strong.push('p:unclosed');
      }
      const lastChar = p.text[p.text.length - 1]!;
      const firstChar = u.text[0]!;
      if (/[A-Za-z]/.test(lastChar) && /[A-Za-z]/.test(firstChar)) f.push('latin-across');
      // A number split by the column: digits either side (or a decimal point above), or a digit above and its unit below (将于2|月19日), which no paragraph opens on.
      else if (/[0-9０-９]\.?$/.test(p.text) && /^(?:[0-9０-９]|[年月日时分秒万亿元个多余%％])/.test(u.text)) f.push('digit-across');
      const pEnd = endOf(p).slice(4);
      f.push(cue(cue(cue('join:', pEnd), '>'), u.cues[5]!.slice(6)));
      if (pEnd === 'comma' || pEnd === 'enum' || pEnd === 'semi' || pEnd === 'colon') {
        if (verse) f.push(cue(cue('cut:end:', pEnd), '&verse'));
        else strong.push(cue('cut:end:', pEnd));
      }
      // One character and a pause (…的情况|下，…过程|中，): the tail of a phrase begun above, not a clause that opens a paragraph (一、 does, and is left out).
      if (/^[\u4e00-\u9fff][，,、；;。]/.test(u.text) && !/^[一二三四五六七八九十]/.test(u.text)) strong.push('head:one-char-clause');
      const punct = punctuationHead(u.text);
      if (punct) strong.push('head:punct');
      else if (boundHead(u.text)) strong.push('head:bound');
      const tail = hanTail(p.text);
      const head = hanHead(u.text);
      const word = straddlingWord(segmenter, tail, head);
      // How the line above ends on its own, segmented without the line below.
      const own = segmenter.tag && tail.length > 0 ? segmenter.tag(tail) : undefined;
      const last = own?.[own.length - 1];
      // A word across the break that takes only part of the word the line above ends on by itself (京华|人 read as 华人): two readings of the same characters, not a word the column cut.
      if (word && last && last.word.length > word.split) f.push('straddle:steals');
      else if (word) strong.push(word.word.length >= 3 ? 'straddle:3' : 'straddle');
      else {
        // The words either side of the break, by part of speech: a line that stops on 与 or 对 was cut.
        const tags = tagsAcross(segmenter, tail, head);
        if (tags) {
          const a = coarse(tags.before);
          const b = coarse(tags.after);
          f.push(cue('head:', b), cue(cue(cue('pos:', a), '>'), b));
          // A line that opens on a particle or a suffix (的, 了, 们, 吗) by its part of speech in context, not by the character alone (了解, 的确 open sentences).
          if (/^u|^[ky]$/.test(b)) strong.push('head:particle');
          if (/^[pcu]|^d$/.test(a)) strong.push(cue('tail:', a));
          else f.push(cue('tail:', a));
        }
      }
      // A line that stops on an adverb (很), a preposition (与) or a particle cannot end there.
      if (last && last.word.length <= 2 && /^[pcu]|^d$/.test(coarse(last.tag))) strong.push(cue('ends:', coarse(last.tag)));
      // The strongest cues of a cut, and each with how long the line above is: a short first line of a paragraph is cut as surely as a long one.
      const plen = p.text.length <= 8 ? 'short' : p.text.length <= 20 ? 'line' : p.text.length <= 40 ? 'long' : 'body';
      for (const c of strong) f.push(c, cue(cue(c, '&'), plen));
    }
  }
  if (n) {
    for (const c of n.cues) f.push(cue('n:', c));
    if (isSource(n)) f.push('n:anchor');
    if (has(n, 'marker:arriving-start') || (n.kind === 'marker' && n.markers[0]?.direction === 'arriving')) f.push('n:arriving');
    if (n.blanksBefore > layout.baseline) f.push('n:gapx');
    const n2 = units[i + 2];
    if (isSource(n2)) f.push('n2:anchor');
    if (n2 && (has(n2, 'marker:arriving-start') || n2.kind === 'marker')) f.push('n2:marker');
    if (isSource(units[i + 3])) f.push('n3:anchor');
  }
  if (u.kind === 'text' && u.shape.headlineLike) {
    const x = cohesion(units, i);
    f.push(x === undefined ? 'coh:none' : cue('coh:', cohesionBucket(x)));
    f.push(...siblings(units, i));
  }
  return f;
}

const CUE_WORDS: Readonly<Record<string, string>> = {
  straddle: 'a word straddles the break',
  'straddle:3': 'a word of three or more characters straddles the break',
  verse: 'the line and the one above are short and of one length, as lines of verse are',
  'verse:3': 'three short lines of one length in a row, as lines of verse are',
  'straddle:steals': 'a word could be read across the break, but the line above ends on a word of its own',
  'head:punct': 'the next line starts with punctuation',
  'head:bound': 'the next line starts mid-sentence',
  'head:one-char-clause': 'the next line opens on one character and a pause, the end of a phrase begun above',
  'head:particle': 'the next line opens on a particle or suffix, as no sentence does',
  'p:unclosed': 'a bracket or quote is left open above',
  'p:unclosed&quote-below': 'a quote is left open above and another opens below, as each paragraph of a long quotation does',
  'cut:open-body': 'running text stops without closing punctuation',
  'cut:open-headline': 'a short line above stops without closing punctuation',
  'cut:open-noindent': 'the line is not indented as new paragraphs are',
  'cut:open-wide': 'blank lines stand inside a sentence',
  'indent:yes': 'the line is indented as paragraphs are',
  'indent:no': 'the line is not indented',
  'n:anchor': 'a source line or byline follows',
  'n2:anchor': 'a source line follows the next line',
  'n:arriving': 'a continuation marker (上接…) follows',
  'n:news-open': 'the next line opens the way news copy does',
  'p:closes': 'the text above closes an article (an end credit, author note, marker or the date under a signature)',
  'n:date-alone': 'a date alone follows, as under the signature of a letter',
  'tag:commentary': 'an opinion column tag closes it',
  tag: 'a column tag closes it',

  box: 'it is a box label',
  'item-heading': 'it is the heading of a photo item',
  callout: 'it is a data call-out',
  'coh:0': 'it shares almost no words with the text around it',
  'coh:1': 'it shares few words with the text around it',
  'coh:3': 'the text above and below share many words',
  'coh:4': 'the text above and below share many words',
  'shape:headline': 'it is short, with no sentence inside',
  'shape:body': 'it reads as running text',
  source: 'it opens with a source line',
  'end:stop': 'it ends a sentence',
  'end:han': 'it stops without punctuation',
  'end:comma': 'it stops at a comma',
  'start:dash': 'it starts with ——',
  parallel: 'it is set as clauses of one length, as a slogan or subheading is',
  'p:parallel': 'the line above is set as clauses of one length, as a slogan or subheading is',
  'cut:open-parallel': 'clauses of one length above stop without closing punctuation',
  'p:sib:alike': 'the line above is shaped like other short lines of the article, as subheadings are',
  'p:shape:headline': 'the line above is short, with no sentence inside',
  'n:shape:headline': 'the line below is short, with no sentence inside',
  'gapx:1': 'more blank lines than usual stand above it',
  'gapx:2': 'many blank lines stand above it',
  first: 'it opens the page',
};

/** A cue in words, for a diagnostic or a hover. */
export function describeCue(cue: string): string {
  return CUE_WORDS[cue] ?? cue;
}
