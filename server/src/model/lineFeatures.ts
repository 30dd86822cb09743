/**
 * What one line (or one paragraph) of raw text looks like on its own: the
 * evidence the reader combines with its neighbours. Computed once per text
 * by `shapeOf`, with character-code loops, since it runs on every line of
 * every keystroke's analysis.
 */
import { CLOSING_QUOTE, PAIRS, SENTENCE_END, charCount, isHan } from '../text/chars';
import { conventionsFor, trailingMarkerStart, type Conventions } from './conventions';

export interface Shape {
  /** The text without trailing markers and end credits. */
  readonly core: string;
  /** A paragraph may stop here without having been cut. */
  readonly closed: boolean;
  /** Short, no sentence inside: a headline, subheading, caption head or teaser line. */
  readonly headlineLike: boolean;
  /** Running text: long with clause punctuation, or holding a finished sentence. */
  readonly bodyLike: boolean;
}

/** Strip what may trail a finished sentence without being part of it: markers, end credits. */
function stripTrailers(text: string, conventions: Conventions): string {
  let t = text;
  for (let k = 0; k < 3; k++) {
    const marker = trailingMarkerStart(t);
    if (marker !== undefined) {
      t = t.slice(0, marker).trimEnd();
      continue;
    }
    const credit = conventions.matchEndCredit(t);
    if (credit !== undefined && credit > 0) {
      t = t.slice(0, credit).trimEnd();
      continue;
    }
    break;
  }
  return t;
}

const NOT_CLOSING = '》〉】]］';

function closes(t: string): boolean {
  if (t.length === 0) return true;
  const c = t[t.length - 1]!;
  if (SENTENCE_END.includes(c) || '；;：:'.includes(c)) return true;
  // A reference list or a Latin sentence ends with a full stop of its own: 《期刊》, 2019(3): 1-5.
  if (c === '.') return t.length > 1;
  if (c === '）' || c === ')') {
    // A bracketed aside closes the paragraph only after a finished sentence: …。(草案) but not …办法(草案)
    const open = Math.max(t.lastIndexOf('（'), t.lastIndexOf('('));
    return open > 0 && SENTENCE_END.includes(t[open - 1]!);
  }
  return CLOSING_QUOTE.includes(c) && !NOT_CLOSING.includes(c);
}

/**
 * Punctuation counts of a line in one pass: full stops, ellipses, commas and
 * semicolons, and all clause marks, before its last character. Every
 * character of every line comes here, so it switches on codes, no lookups.
 */
export function punctuation(core: string): { stops: number; ellipses: number; commas: number; clauses: number; lastComma: boolean } {
  let stops = 0;
  let ellipses = 0;
  let commas = 0;
  let clauses = 0;
  const last = core.length - 1;
  for (let i = 0; i < last; i++) {
    switch (core.charCodeAt(i)) {
      case 0x3002: // 。
      case 0xff01: // ！
      case 0xff1f: // ？
      case 33: // !
      case 63: // ?
        stops++;
        break;
      case 0x2026: // …
        ellipses++;
        break;
      case 0xff0c: // ，
      case 44: // ,
      case 0xff1b: // ；
      case 59: // ;
        commas++;
        clauses++;
        break;
      case 0x3001: // 、
      case 0xff1a: // ：
      case 58: // :
        clauses++;
        break;
    }
  }
  const c = core.charCodeAt(last);
  return { stops, ellipses, commas, clauses, lastComma: c === 0xff0c || c === 44 || c === 0xff1b || c === 59 };
}

export function shapeOf(text: string, conventions: Conventions = conventionsFor()): Shape {
  const core = stripTrailers(text, conventions);
  const last = core.length - 1;
  const p = punctuation(core);
  const stopInside = p.stops > 0;
  // 字数 is only needed up to the thresholds below; long lines skip the count.
  const n = core.length > 200 ? 200 : charCount(core);
  const headlineLike = text.length > 0 && core.length > 0 && n <= 64 && !stopInside && p.commas + (p.lastComma ? 1 : 0) < 3 && !SENTENCE_END.includes(core[last]!);
  const bodyLike = stopInside || (n >= 48 && p.clauses >= 1) || (n >= 24 && p.commas >= 2);
  return { core, closed: closes(core), headlineLike, bodyLike };
}

const OPENERS = Object.keys(PAIRS).join('');
const CLOSERS = Object.values(PAIRS).join('');

/** Adds a line's brackets to the stack of those still open; ASCII quotes, which do not pair, are ignored. */
export function trackBrackets(stack: string[], text: string): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Every bracket is ( ) or above U+2000: skip the ideographs and letters that make up most text.
    if (c !== 40 && c !== 41 && (c < 0x2018 || (c >= 0x3400 && c <= 0x9fff))) continue;
    const ch = text[i]!;
    if (OPENERS.includes(ch)) stack.push(ch);
    else if (stack.length > 0 && CLOSERS.includes(ch) && PAIRS[stack[stack.length - 1]!] === ch) stack.pop();
  }
}

/** Particles and function words that cannot open a sentence; with a number, they show a line starts mid-sentence. */
const BOUND_HEADS = /^(?:[的了着过得之等及和与或而并且们吗呢吧啊]|[0-9０-９]|[一二三四五六七八九十百千万亿]+[个次件项名位家所条年月日天%％])/;

export function boundHead(text: string): string | undefined {
  return BOUND_HEADS.exec(text)?.[0];
}

/** A line that starts with punctuation continues a sentence: no paragraph opens with ， or 。 */
export function punctuationHead(text: string): string | undefined {
  return /^[，、；：。！？,;:!?”’」』）》〉】]/.exec(text)?.[0];
}

/** The run of ideographs at the end of a line (up to `max`), for segmenting across a break. */
export function hanTail(text: string, max = 8): string {
  let i = text.length;
  while (i > 0 && text.length - i < max && isHan(text[i - 1])) i--;
  return text.slice(i);
}

/** The run of ideographs at the start of a line (up to `max`). */
export function hanHead(text: string, max = 8): string {
  let i = 0;
  while (i < text.length && i < max && isHan(text[i])) i++;
  return text.slice(0, i);
}
