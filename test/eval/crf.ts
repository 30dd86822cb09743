/**
 * Fits the reader's weights as a linear-chain conditional random field over
 * the reader's states, by stochastic gradient with AdaGrad steps and an L2
 * penalty, with softmax-margin: while training, a wrong state's score is
 * raised by what the mistake would cost (a false join most), so the weights
 * keep their margin where mistakes damage copy. The grammar (which state may
 * follow which, which a line may take) is the decoder's own.
 */
import { STATES, type State } from '../../server/src/model/decoder';
import { EMISSION_LABELS, PRIOR_WEIGHTS, type ReaderWeights } from '../../server/src/model/weights';
import { Random } from '../helpers/random';

export interface Example {
  readonly name: string;
  readonly features: readonly (readonly string[])[];
  readonly allowed: readonly (readonly State[])[];
  readonly gold: readonly State[];
  /** How much the example counts: the project's own labelled pages of another paper count more. */
  readonly weight: number;
}

const S = STATES.length;
const EMIT = [0, 1, 1, 1, 2, 3, -1, -1];
const STEP = ['H1', 'H', 'H', 'H', 'B', 'C', 'F', 'T'];
const NEXT: readonly (readonly number[])[] = [
  [1, 4, 0, 6, 7],
  [2, 4, 0, 6, 7],
  [3, 4, 0, 6, 7],
  [4, 0, 6, 7],
  [4, 5, 0, 6, 7],
  [4, 5, 0, 6, 7],
  [6, 0, 4, 7],
  [7, 0, 4, 6],
];
const FIRST = [0, 4, 6, 7];

/** Every transition key the grammar can use, so each has a weight. */
function transitionKeys(): string[] {
  const keys = new Set<string>();
  for (let a = 0; a < S; a++) {
    for (const b of NEXT[a]!) keys.add(`${STEP[a]}>${STEP[b]}`);
    keys.add(`${STEP[a]}>$`);
  }
  for (const s of FIRST) keys.add(`^>${STEP[s]}`);
  return [...keys].sort();
}

function logSumExp(xs: Float64Array | number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (const x of xs) s += Math.exp(x - m);
  return m + Math.log(s);
}

export function costOf(gold: State, s: State): number {
  if (s === gold) return 0;
  if (s === 'C') return 2;
  if (gold === 'C' || s === 'H1' || gold === 'H1') return 1;
  return 0.5;
}

/** Passes and the pull towards 0 have no default here: they are `TRAINING`'s (train.ts), the one place they are chosen. */
export interface CrfOptions {
  readonly epochs: number;
  readonly rate?: number;
  readonly l2: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export function trainCrf(examples: readonly Example[], options: CrfOptions): ReaderWeights {
  const { epochs, l2 } = options;
  const rate = options.rate ?? 0.2;
  const L = EMISSION_LABELS.length;
  const featureIds = new Map<string, number>();
  for (const ex of examples) for (const fs of ex.features) for (const f of fs) if (!featureIds.has(f)) featureIds.set(f, featureIds.size);
  const tkeys = transitionKeys();
  const tIndex = new Map(tkeys.map((k, i) => [k, i]));
  for (const f of Object.keys(PRIOR_WEIGHTS)) if (!featureIds.has(f)) featureIds.set(f, featureIds.size);
  const W = new Float64Array(featureIds.size * L);
  for (const [f, v] of Object.entries(PRIOR_WEIGHTS)) v.forEach((x, l) => (W[featureIds.get(f)! * L + l] = x));
  const GW = new Float64Array(featureIds.size * L);
  const T = new Float64Array(tkeys.length);
  const GT = new Float64Array(tkeys.length);
  const trans = (a: number, b: number) => tIndex.get(`${STEP[a]}>${STEP[b]}`)!;
  const startKey = (s: number) => tIndex.get(`^>${STEP[s]}`)!;
  const endKey = (s: number) => tIndex.get(`${STEP[s]}>$`)!;
  const ids = examples.map((ex) => ex.features.map((fs) => Int32Array.from(fs.map((f) => featureIds.get(f)!))));
  const rnd = new Random(options.seed ?? 11);
  const order = examples.map((_, i) => i);
  const gradW = new Map<number, number>();
  const gradT = new Float64Array(tkeys.length);

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = rnd.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    let lines = 0;
    for (const k of order) {
      const ex = examples[k]!;
      const n = ex.gold.length;
      if (n === 0) continue;
      const feats = ids[k]!;
      const goldIdx = ex.gold.map((g) => STATES.indexOf(g));
      // Local scores with the softmax-margin cost on wrong states.
      const local = feats.map((fs, i) => {
        const e = new Float64Array(L);
        for (const f of fs) for (let l = 0; l < L; l++) e[l]! += W[f * L + l]!;
        const out = new Float64Array(S).fill(-Infinity);
        for (const st of ex.allowed[i]!) {
          const s = STATES.indexOf(st);
          out[s] = (EMIT[s]! >= 0 ? e[EMIT[s]!]! : 0) + costOf(ex.gold[i]!, st);
        }
        return out;
      });
      const alpha = local.map(() => new Float64Array(S).fill(-Infinity));
      for (const s of FIRST) alpha[0]![s] = local[0]![s]! + T[startKey(s)]!;
      const buf: number[] = [];
      for (let i = 1; i < n; i++) {
        for (let b = 0; b < S; b++) {
          if (local[i]![b] === -Infinity) continue;
          buf.length = 0;
          for (let a = 0; a < S; a++) if (alpha[i - 1]![a]! > -Infinity && NEXT[a]!.includes(b)) buf.push(alpha[i - 1]![a]! + T[trans(a, b)]!);
          alpha[i]![b] = buf.length ? logSumExp(buf) + local[i]![b]! : -Infinity;
        }
      }
      const beta = local.map(() => new Float64Array(S).fill(-Infinity));
      for (let s = 0; s < S; s++) beta[n - 1]![s] = T[endKey(s)]!;
      for (let i = n - 2; i >= 0; i--) {
        for (let a = 0; a < S; a++) {
          buf.length = 0;
          for (const b of NEXT[a]!) if (local[i + 1]![b]! > -Infinity && beta[i + 1]![b]! > -Infinity) buf.push(T[trans(a, b)]! + local[i + 1]![b]! + beta[i + 1]![b]!);
          beta[i]![a] = buf.length ? logSumExp(buf) : -Infinity;
        }
      }
      const endScores = Array.from({ length: S }, (_, s) => alpha[n - 1]![s]! + T[endKey(s)]!);
      const logZ = logSumExp(endScores);
      if (!Number.isFinite(logZ)) continue;
      // The gold path's score, for the loss reported.
      let gold = T[startKey(goldIdx[0]!)]! + local[0]![goldIdx[0]!]!;
      for (let i = 1; i < n; i++) gold += T[trans(goldIdx[i - 1]!, goldIdx[i]!)]! + local[i]![goldIdx[i]!]!;
      gold += T[endKey(goldIdx[n - 1]!)]!;
      loss += (logZ - gold) * ex.weight;
      lines += n;
      gradW.clear();
      gradT.fill(0);
      const w = ex.weight;
      for (let i = 0; i < n; i++) {
        const g = goldIdx[i]!;
        const eg = EMIT[g]!;
        const post = new Float64Array(L);
        for (let s = 0; s < S; s++) {
          if (EMIT[s]! < 0 || alpha[i]![s] === -Infinity) continue;
          post[EMIT[s]!]! += Math.exp(alpha[i]![s]! + beta[i]![s]! - logZ);
        }
        for (const f of feats[i]!) {
          for (let l = 0; l < L; l++) {
            const d = (l === eg ? 1 : 0) - post[l]!;
            if (d !== 0) gradW.set(f * L + l, (gradW.get(f * L + l) ?? 0) + d * w);
          }
        }
      }
      // Transition counts: gold minus expected.
      gradT[startKey(goldIdx[0]!)]! += w;
      gradT[endKey(goldIdx[n - 1]!)]! += w;
      for (let i = 1; i < n; i++) gradT[trans(goldIdx[i - 1]!, goldIdx[i]!)]! += w;
      for (const s of FIRST) if (alpha[0]![s]! > -Infinity) gradT[startKey(s)]! -= w * Math.exp(alpha[0]![s]! + beta[0]![s]! - logZ);
      for (let s = 0; s < S; s++) if (alpha[n - 1]![s]! > -Infinity) gradT[endKey(s)]! -= w * Math.exp(endScores[s]! - logZ);
      for (let i = 1; i < n; i++) {
        for (let a = 0; a < S; a++) {
          if (alpha[i - 1]![a] === -Infinity) continue;
          for (const b of NEXT[a]!) {
            if (local[i]![b] === -Infinity || beta[i]![b] === -Infinity) continue;
            const p = Math.exp(alpha[i - 1]![a]! + T[trans(a, b)]! + local[i]![b]! + beta[i]![b]! - logZ);
            gradT[trans(a, b)]! -= w * p;
          }
        }
      }
      for (const [idx, gv] of gradW) {
        const g = gv - l2 * W[idx]!;
        GW[idx]! += g * g;
        W[idx]! += (rate * g) / Math.sqrt(GW[idx]! + 1e-8);
      }
      for (let idx = 0; idx < tkeys.length; idx++) {
        const g = gradT[idx]! - l2 * T[idx]!;
        if (g === 0) continue;
        GT[idx]! += g * g;
        T[idx]! += (rate * g) / Math.sqrt(GT[idx]! + 1e-8);
      }
    }
    options.log?.(`pass ${epoch + 1}: loss ${(loss / Math.max(1, lines)).toFixed(4)} per line`);
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const features: Record<string, number[]> = {};
  for (const [f, id] of [...featureIds.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const v = Array.from({ length: L }, (_, l) => round(W[id * L + l]!));
    if (v.some((x) => Math.abs(x) >= 0.001)) features[f] = v;
  }
  const transitions: Record<string, number> = {};
  tkeys.forEach((k, i) => (transitions[k] = round(T[i]!)));
  return { features, transitions };
}
