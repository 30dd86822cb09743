/**
 * What one line of raw text looks like on its own: the evidence the reader
 * combines with its neighbours. Pure functions of a trimmed string.
 */
import { CLAUSE_PUNCT, CLOSING_QUOTE, PAIRS, SENTENCE_END, charCount, isHan } from '../text/chars';
import { findMarkers, matchEndCredit } from './conventions';

/** Strip what may trail a finished sentence without being part of it: markers, end credits. */
function stripTrailers(text: string): string {
  let t = text;
  for (let k = 0; k < 3; k++) {
    const markers = findMarkers(t);
    const last = markers[markers.length - 1];
    if (last && t.slice(last.end).trim() === '') {
      t = t.slice(0, last.start).trimEnd();
      continue;
    }
    const credit = matchEndCredit(t);
    if (credit !== undefined && credit > 0) {
      t = t.slice(0, credit).trimEnd();
      continue;
    }
    break;
  }
  return t;
}

/** The last meaningful character, after trailing markers and credits. */
function lastChar(text: string): string | undefined {
  const t = stripTrailers(text);
  return t.length ? t[t.length - 1] : undefined;
}

/** Ends a sentence: 。！？… */
export function endsSentence(text: string): boolean {
  const c = lastChar(text);
  return c !== undefined && SENTENCE_END.includes(c);
}

/**
 * A paragraph can stop here without having been cut: after the end of a
 * sentence, a closing quote, a colon or semicolon introducing what follows,
 * or when nothing but a marker or credit is left.
 */
export function isClosed(text: string): boolean {
  const t = stripTrailers(text);
  if (t.length === 0) return true;
  const c = t[t.length - 1]!;
  if (SENTENCE_END.includes(c) || '；;：:'.includes(c)) return true;
  if (c === '）' || c === ')') {
    // A bracketed aside closes the paragraph only after a finished sentence: …。(草案) but not …办法(草案)
    const open = Math.max(t.lastIndexOf('（'), t.lastIndexOf('('));
    return open > 0 && SENTENCE_END.includes(t[open - 1]!);
  }
  return CLOSING_QUOTE.includes(c) && c !== '》' && c !== '〉' && c !== '】' && c !== ']' && c !== '］';
}

function count(text: string, set: string): number {
  let n = 0;
  for (const ch of text) if (set.includes(ch)) n++;
  return n;
}

/** Short, no sentence inside: could be a headline, subheading, caption head or teaser line. */
export function isHeadlineLike(text: string): boolean {
  if (charCount(text) > 64 || text.length === 0) return false;
  const t = stripTrailers(text);
  if (t.length === 0) return false;
  if (count(t.slice(0, -1), '。！？!?') > 0) return false;
  // A deck joins two phrases with one comma at most; three clauses make a sentence.
  if (count(t, '，,；;') >= 3) return false;
  return !SENTENCE_END.includes(t[t.length - 1]!);
}

/**
 * Running text of an article: long with clause punctuation, or holding a
 * finished sentence before its end. Headlines rarely reach this length and
 * never hold a full stop.
 */
export function isBodyLike(text: string): boolean {
  const t = stripTrailers(text);
  const inner = t.slice(0, -1);
  if (count(inner, '。！？!?') > 0) return true;
  const n = charCount(t);
  return (n >= 48 && count(inner, CLAUSE_PUNCT) >= 1) || (n >= 24 && count(inner, '，,；;') >= 2);
}

/** The opener left unclosed at the end of a line, if any: 《政 leaves 《 open. */
export function openBracket(text: string): string | undefined {
  const stack: string[] = [];
  for (const ch of text) {
    if (ch in PAIRS) {
      // “ and ” are distinct, but ASCII quotes are not: they are ignored.
      stack.push(ch);
    } else {
      const top = stack[stack.length - 1];
      if (top !== undefined && PAIRS[top] === ch) stack.pop();
    }
  }
  return stack[stack.length - 1];
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
