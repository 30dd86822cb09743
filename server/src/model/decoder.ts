/**
 * The reader's decision: the best reading of a page's lines under a small
 * grammar (deck line → more deck lines → paragraphs, each paragraph one line
 * or several joined across cuts; furniture and teaser boxes as they were
 * marked), found by dynamic programming over weighed cues. Every line's
 * reading comes with its margin: how much better the best reading with it is
 * than the best reading without it, which is how sure the reader is.
 */
import { EMISSION_LABELS, type EmissionLabel, type ReaderWeights } from './weights';

/** Reading states: deck lines by position in the deck (a deck has at most four), paragraph, continuation, furniture, teaser. */
export const STATES = ['H1', 'H2', 'H3', 'H4', 'B', 'C', 'F', 'T'] as const;
export type State = (typeof STATES)[number];

/** The emission label a state is scored by, or -1 for states fixed before reading. */
const EMIT: readonly number[] = [0, 1, 1, 1, 2, 3, -1, -1];
/** The class a state is named by in transition weights. */
const STEP: readonly string[] = ['H1', 'H', 'H', 'H', 'B', 'C', 'F', 'T'];

const H1 = 0;
const B = 4;
const C = 5;
const F = 6;
const T = 7;

/** Which states may follow which: a deck runs H1 H2 H3 H4 at most; a cut continues a paragraph. */
const NEXT: readonly (readonly number[])[] = [
  /* H1 */ [1, 4, 0, 6, 7],
  /* H2 */ [2, 4, 0, 6, 7],
  /* H3 */ [3, 4, 0, 6, 7],
  /* H4 */ [4, 0, 6, 7],
  /* B  */ [4, 5, 0, 6, 7],
  /* C  */ [4, 5, 0, 6, 7],
  /* F  */ [6, 0, 4, 7],
  /* T  */ [7, 0, 4, 6],
];
const FIRST: readonly number[] = [0, 4, 6, 7];

export interface DecodeInput {
  /** Each line's cues where it stands. */
  readonly features: readonly (readonly string[])[];
  /** The states each line may take (furniture and teaser lines are fixed; a source line is never a deck line). */
  readonly allowed: readonly (readonly State[])[];
}

export interface Reading {
  readonly states: readonly State[];
  /** Per line and state: the score of the best reading that puts the line in that state (−Infinity when none may). */
  readonly maxMarginals: readonly Float64Array[];
  readonly best: number;
}

export class Decoder {
  private readonly transition: Float64Array;
  private readonly start: Float64Array;
  private readonly end: Float64Array;
  /**
   * The cue weights in a Map: a cue name is built fresh for every line, and
   * a fresh string as a key of a large object literal is looked up the slow
   * way, through the engine's string table, on every line's every cue.
   */
  private readonly features: Map<string, Float64Array>;

  constructor(readonly weights: ReaderWeights) {
    const n = STATES.length;
    this.transition = new Float64Array(n * n);
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    const t = weights.transitions;
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) this.transition[a * n + b] = t[`${STEP[a]}>${STEP[b]}`] ?? 0;
      this.start[a] = t[`^>${STEP[a]}`] ?? 0;
      this.end[a] = t[`${STEP[a]}>$`] ?? 0;
    }
    this.features = new Map();
    for (const [f, v] of Object.entries(weights.features)) {
      const row = new Float64Array(EMISSION_LABELS.length);
      for (let k = 0; k < row.length; k++) row[k] = v[k] ?? 0;
      this.features.set(f, row);
    }
  }

  /** Score of each emission label for a line's cues. */
  emissions(features: readonly string[]): Float64Array {
    const out = new Float64Array(EMISSION_LABELS.length);
    for (const f of features) {
      const v = this.features.get(f);
      if (v === undefined) continue;
      for (let k = 0; k < out.length; k++) out[k]! += v[k]!;
    }
    return out;
  }

  /** The state scores of every line, line after line in one array (S per line), with −Infinity where a state is not allowed. */
  private localScores(input: DecodeInput, cost?: (i: number, s: number) => number): Float64Array {
    const S = STATES.length;
    const out = new Float64Array(input.features.length * S).fill(-Infinity);
    input.features.forEach((features, i) => {
      const e = this.emissions(features);
      for (const s of input.allowed[i]!) {
        const k = STATES.indexOf(s);
        out[i * S + k] = (EMIT[k]! >= 0 ? e[EMIT[k]!]! : 0) + (cost ? cost(i, k) : 0);
      }
    });
    return out;
  }

  /**
   * The best reading and each line's max-marginals. `cost` adds to a line's
   * score in a state: training uses it to ask for a margin where mistakes cost.
   * Every table is one flat array, S entries per line: a page's lines were
   * four small arrays each, and allocating them was much of the decoding.
   */
  decode(input: DecodeInput, cost?: (i: number, s: number) => number): Reading {
    const n = input.features.length;
    const S = STATES.length;
    const local = this.localScores(input, cost);
    if (n === 0) return { states: [], maxMarginals: [], best: 0 };
    const alpha = new Float64Array(n * S).fill(-Infinity);
    const back = new Int8Array(n * S).fill(-1);
    for (const s of FIRST) alpha[s] = local[s]! + this.start[s]!;
    for (let i = 1; i < n; i++) {
      const prev = (i - 1) * S;
      const cur = i * S;
      for (let a = 0; a < S; a++) {
        const pa = alpha[prev + a]!;
        if (pa === -Infinity) continue;
        for (const b of NEXT[a]!) {
          const here = local[cur + b]!;
          if (here === -Infinity) continue;
          const v = pa + this.transition[a * S + b]! + here;
          if (v > alpha[cur + b]!) {
            alpha[cur + b] = v;
            back[cur + b] = a;
          }
        }
      }
    }
    const beta = new Float64Array(n * S).fill(-Infinity);
    for (let s = 0; s < S; s++) beta[(n - 1) * S + s] = this.end[s]!;
    for (let i = n - 2; i >= 0; i--) {
      const next = (i + 1) * S;
      const cur = i * S;
      for (let a = 0; a < S; a++) {
        let best = -Infinity;
        for (const b of NEXT[a]!) {
          const there = local[next + b]!;
          const after = beta[next + b]!;
          if (there === -Infinity || after === -Infinity) continue;
          const v = this.transition[a * S + b]! + there + after;
          if (v > best) best = v;
        }
        beta[cur + a] = best;
      }
    }
    let last = -1;
    let best = -Infinity;
    for (let s = 0; s < S; s++) {
      const v = alpha[(n - 1) * S + s]! + this.end[s]!;
      if (v > best) {
        best = v;
        last = s;
      }
    }
    const states: State[] = new Array<State>(n);
    for (let i = n - 1, s = last; i >= 0; i--) {
      // A page whose lines allow no reading at all (cannot happen with the grammar's fallbacks) reads as paragraphs.
      states[i] = s >= 0 ? STATES[s]! : 'B';
      s = s >= 0 ? back[i * S + s]! : -1;
    }
    const sums = new Float64Array(n * S);
    for (let k = 0; k < n * S; k++) sums[k] = alpha[k]! + beta[k]!;
    const maxMarginals: Float64Array[] = new Array<Float64Array>(n);
    for (let i = 0; i < n; i++) maxMarginals[i] = sums.subarray(i * S, (i + 1) * S);
    return { states, maxMarginals, best };
  }
}

/** How much better the best reading with line `i` in one of `yes` is than the best with it in none of them. */
export function margin(reading: Reading, i: number, yes: readonly State[]): number {
  const mm = reading.maxMarginals[i]!;
  let inBest = -Infinity;
  let outBest = -Infinity;
  for (let s = 0; s < STATES.length; s++) {
    const v = mm[s]!;
    if (yes.includes(STATES[s]!)) inBest = Math.max(inBest, v);
    else outBest = Math.max(outBest, v);
  }
  if (inBest === -Infinity) return -Infinity;
  if (outBest === -Infinity) return Infinity;
  return inBest - outBest;
}

/** The runner-up state of line `i` outside `yes`, to explain a decision against. */
export function rival(reading: Reading, i: number, yes: readonly State[]): State | undefined {
  const mm = reading.maxMarginals[i]!;
  let top: State | undefined;
  let v = -Infinity;
  for (let s = 0; s < STATES.length; s++) {
    if (yes.includes(STATES[s]!) || mm[s]! <= v) continue;
    v = mm[s]!;
    top = STATES[s]!;
  }
  return top;
}

export function emissionOf(state: State): EmissionLabel | undefined {
  const k = EMIT[STATES.indexOf(state)]!;
  return k >= 0 ? EMISSION_LABELS[k] : undefined;
}

/** The cues that weigh most for `chosen` against `other`, strongest first. */
export function strongestCues(weights: ReaderWeights, features: readonly string[], chosen: State, other: State | undefined, count = 3): Array<{ cue: string; weight: number }> {
  const a = EMISSION_LABELS.indexOf(emissionOf(chosen) ?? 'B');
  const b = other && emissionOf(other) ? EMISSION_LABELS.indexOf(emissionOf(other)!) : -1;
  const out: Array<{ cue: string; weight: number }> = [];
  for (const f of features) {
    const v = weights.features[f];
    if (!v) continue;
    const weight = (v[a] ?? 0) - (b >= 0 ? (v[b] ?? 0) : 0);
    if (weight > 0) out.push({ cue: f, weight });
  }
  return out.sort((x, y) => y.weight - x.weight).slice(0, count);
}

export const STATE_INDEX = { H1, B, C, F, T };
