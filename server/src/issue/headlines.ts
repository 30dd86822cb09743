/**
 * Headline matching for jumps: is the headline repeated over a continued part
 * on page 2 the headline of this article on page 1? The repeat is often
 * shortened (one deck line, or one phrase of a joined line), re-spaced
 * (`进一步 强化 … 高 质 量 发 展` against `进一步强化… 切实以…`) or set from
 * a different deck line, so decks are compared line by line, phrase by
 * phrase and joined, and the best pair counts.
 */

/**
 * What a repeat must score at least to be the article's. Two reports of one
 * meeting on one page (政协…第五次会议… and 政协…常务委员会…) score about
 * 0.65 against each other's repeat; a repeat shortened to one phrase of the
 * deck still scores over 0.7.
 */
export const MATCH_THRESHOLD = 0.7;

/** Phrases shorter than this (after normalising) are too weak to match on. */
const MIN_PHRASE = 5;

/**
 * Letters, digits and ideographs only, half width, lower case: spaces,
 * justification spaces and punctuation of either width do not count.
 */
export function normalizeHeadline(text: string): string {
  const kept = text.replace(/[^\p{L}\p{N}]+/gu, '');
  // Only full-width letters and digits (and compatibility ideographs) need NFKC, which is slow on every headline.
  return (/[\uf900-\ufaff\uff00-\uffef]/.test(kept) ? kept.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '') : kept).toLowerCase();
}

/**
 * A string's character bigrams, each packed into one number (two UTF-16
 * units), sorted: two of them intersect in one merge, which matters when an
 * archive of hundreds of issues pairs every marker with every repeat.
 */
type Bigrams = Float64Array;

/** A deck prepared once for scoring: the strings a repeat may reproduce, as bigram counts. */
export interface Deck {
  /** Each deck line not shared with another article of the page. */
  readonly lines: readonly Bigrams[];
  /** The same lines normalised, for a repeat that is a shortened form of one of them. */
  readonly texts: readonly string[];
  /** Each phrase of those lines, split at a space or clause punctuation. */
  readonly phrases: readonly Bigrams[];
  /** The whole deck, lines joined. */
  readonly joined: Bigrams;
}

function bigrams(text: string): Bigrams {
  if (text.length === 1) return Float64Array.of(text.charCodeAt(0));
  const out = new Float64Array(Math.max(0, text.length - 1));
  for (let i = 0; i + 1 < text.length; i++) out[i] = text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
  return out.sort();
}

/**
 * Prepares a deck. A line that `shared` holds (normalised) stands over more
 * than one article of its page, such as a series kicker (2026武汉两会), and
 * says nothing about which article this is: it counts only in the joined deck.
 */
export function prepareDeck(lines: readonly string[], shared: ReadonlySet<string> = new Set()): Deck {
  const own = new Set<string>();
  const phrases = new Set<string>();
  for (const line of lines) {
    const whole = normalizeHeadline(line);
    if (!whole || shared.has(whole)) continue;
    own.add(whole);
    // A joined line (综合提升…,代表委员建言: 城市更新要用好改革“关键一招”) is often repeated as its last phrase alone.
    for (const phrase of line.split(/[\s\u3000,，:：;；、—]+/)) {
      const p = normalizeHeadline(phrase);
      if (p.length >= MIN_PHRASE && p !== whole) phrases.add(p);
    }
  }
  return { lines: [...own].map(bigrams), texts: [...own], phrases: [...phrases].map(bigrams), joined: bigrams(normalizeHeadline(lines.join(''))) };
}

function dice(a: Bigrams, b: Bigrams): number {
  const total = a.length + b.length;
  if (total === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / total;
}

/**
 * How well `repeat` (the headline over a continued part) reproduces
 * `original` (the article's deck), from 0 to 1: the Dice coefficient on
 * character bigrams of the best pair — any line, phrase or the whole of the
 * original against a whole line or the whole of the repeat — weighted 0.8,
 * and of the two whole decks, weighted 0.2, so that of two articles sharing
 * a line the one whose whole deck is repeated wins. The repeat is never cut
 * into phrases: a phrase both decks share (an organisation's name) would
 * match articles that only share a subject.
 */
export function headlineScore(original: Deck, repeat: Deck): number {
  const whole = dice(original.joined, repeat.joined);
  let best = whole;
  // A repeat shortened to part of one line (城市更新要用好改革“关键一招”, or a headline without its column tag) reproduces that part exactly.
  for (const r of repeat.texts) {
    if (r.length < MIN_PHRASE) continue;
    for (const o of original.texts) if (o.includes(r)) best = Math.max(best, 0.8 + 0.2 * (r.length / o.length));
  }
  for (const r of [...repeat.lines, repeat.joined]) {
    for (const o of [...original.lines, ...original.phrases, original.joined]) {
      const s = dice(o, r);
      if (s > best) best = s;
    }
  }
  return 0.8 * best + 0.2 * whole;
}

/**
 * What one pair of parts (a line, phrase or whole deck of the original
 * against a line or the whole of the repeat) must reach for the score to
 * reach MATCH_THRESHOLD: the best pair counts 0.8 and the whole decks at
 * most 0.2, so the best pair cannot be under (0.7 − 0.2) / 0.8.
 */
const PART_THRESHOLD = (MATCH_THRESHOLD - 0.2) / 0.8;

const originalParts = (d: Deck): Bigrams[] => [...d.lines, ...d.phrases, d.joined];
const repeatParts = (d: Deck): Bigrams[] => [...d.lines, d.joined];

/** A part's bigrams as distinct tokens: the k-th copy of a bigram is a token of its own, so multiset overlap is set overlap. */
function tokens(part: Bigrams): number[] {
  const out: number[] = [];
  let run = 0;
  for (let i = 0; i < part.length; i++) {
    run = i > 0 && part[i] === part[i - 1] ? run + 1 : 0;
    out.push(part[i]! * 256 + Math.min(run, 255));
  }
  return out;
}

/**
 * The prefix of a part two parts must share a token of, under one order of
 * tokens, if their Dice coefficient reaches PART_THRESHOLD: a part of n
 * tokens meets any such partner in at least t·n/(2−t) of them, so any n − that + 1
 * of its tokens hold one of them (prefix filtering, as in set-similarity joins).
 */
function prefix(part: Bigrams, order: (token: number) => number): number[] {
  const all = tokens(part).sort((a, b) => order(a) - order(b) || a - b);
  const t = PART_THRESHOLD;
  const overlap = Math.ceil((t * all.length) / (2 - t) - 1e-9);
  return all.slice(0, Math.max(0, all.length - overlap + 1));
}

/**
 * Decks indexed by the tokens of their parts' prefixes, so that of
 * thousands of headlines only those that could score MATCH_THRESHOLD with a
 * deck are scored against it: exactly those, since a pair that reaches it
 * shares a prefix token. Rare tokens come first in the order, which keeps
 * the lists short. `side` says whether the decks indexed are originals
 * (queried with repeats) or repeats (queried with originals).
 */
export class DeckIndex {
  private readonly postings = new Map<number, number[]>();
  private readonly frequency = new Map<number, number>();
  /** Few decks are cheaper to score one by one than to index: all of them are candidates. */
  private readonly all: number[] | undefined;

  constructor(
    decks: readonly Deck[],
    private readonly side: 'original' | 'repeat',
  ) {
    this.all = decks.length <= 16 ? [...decks.keys()] : undefined;
    if (this.all) return;
    const parts = decks.map((d) => (side === 'original' ? originalParts(d) : repeatParts(d)));
    for (const ps of parts) for (const p of ps) for (const tok of new Set(tokens(p))) this.frequency.set(tok, (this.frequency.get(tok) ?? 0) + 1);
    const order = this.order;
    parts.forEach((ps, i) => {
      for (const p of ps) {
        for (const tok of prefix(p, order)) {
          const list = this.postings.get(tok);
          if (!list) this.postings.set(tok, [i]);
          else if (list[list.length - 1] !== i) list.push(i);
        }
      }
    });
  }

  private readonly order = (token: number): number => this.frequency.get(token) ?? 0;

  /** The indexed decks (by index, ascending) that could score MATCH_THRESHOLD with `deck`, taken from the other side. */
  candidates(deck: Deck): number[] {
    if (this.all) return this.all;
    const found = new Set<number>();
    for (const p of this.side === 'original' ? repeatParts(deck) : originalParts(deck)) {
      for (const tok of prefix(p, this.order)) for (const i of this.postings.get(tok) ?? []) found.add(i);
    }
    return [...found].sort((a, b) => a - b);
  }
}

export interface Pairing<L, R> {
  readonly left: L;
  readonly right: R;
  readonly score: number;
}

/**
 * One-to-one pairs by best score first: two similar headlines on one page
 * each take their own repeat, never both the same one. Ties go to the earlier
 * items, so the result does not depend on anything but the order given.
 */
export function pairBest<L, R>(
  left: readonly L[],
  right: readonly R[],
  score: (l: L, r: R) => number,
  threshold = MATCH_THRESHOLD,
  /** The right items worth scoring against a left one (a DeckIndex's candidates); all of them by default. */
  candidates: (l: L) => Iterable<number> = () => right.keys(),
): Array<Pairing<L, R>> {
  const all: Array<{ i: number; j: number; s: number }> = [];
  for (let i = 0; i < left.length; i++) {
    for (const j of candidates(left[i]!)) {
      const s = score(left[i]!, right[j]!);
      if (s >= threshold) all.push({ i, j, s });
    }
  }
  all.sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const out: Array<Pairing<L, R>> = [];
  for (const { i, j, s } of all) {
    if (usedL.has(i) || usedR.has(j)) continue;
    usedL.add(i);
    usedR.add(j);
    out.push({ left: left[i]!, right: right[j]!, score: s });
  }
  return out;
}
