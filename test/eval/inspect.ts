/**
 * node test/eval/run.mjs inspect FILE [FROM-TO]: how the reader reads each
 * line of a page: its state, how sure it is, and the cues that weighed most.
 * With EXPLAIN=line (and STATES=a,b, default B,C), every cue's weight for
 * one state against another at that line. For looking into a case the eval
 * lists. With WEIGHTS=file, read with those weights (a held-out half's, from
 * `train --days a-b --out file`) instead of the shipped ones.
 */
import { readFileSync } from 'node:fs';
import { conventionsFor } from '../../server/src/model/conventions';
import { Decoder, STATES, margin, rival, strongestCues } from '../../server/src/model/decoder';
import { DEFAULT_PROFILE } from '../../server/src/model/profile';
import { pageInputs, splitPages, type PageInputs } from '../../server/src/model/readPage';
import { readUnits } from '../../server/src/model/units';
import { EMISSION_LABELS, type ReaderWeights } from '../../server/src/model/weights';
import { loadSegmenter } from '../../server/src/jieba/load';
import { splitLines } from '../../server/src/text/lines';
import { DICT_DIR } from '../helpers/repo';

function explain(inputs: PageInputs, i: number, a: string, b: string, weights: ReaderWeights): void {
  const idx = (s: string) => EMISSION_LABELS.indexOf(s as (typeof EMISSION_LABELS)[number]);
  const rows = inputs.features[i]!.map((f) => {
    const v = weights.features[f];
    return { f, d: v ? (v[idx(a)] ?? 0) - (v[idx(b)] ?? 0) : 0 };
  }).sort((x, y) => y.d - x.d);
  console.log(`${a} − ${b} at line ${inputs.units[i]!.line.index + 1}: total ${rows.reduce((n, r) => n + r.d, 0).toFixed(2)}`);
  for (const r of rows) console.log(`  ${r.d.toFixed(2).padStart(6)} ${r.f}`);
}

export function main(argv: readonly string[]): void {
  const [file, range] = argv;
  const [from, to] = (range ?? '1-100000').split('-').map(Number);
  const text = readFileSync(file!, 'utf8');
  const status = loadSegmenter(DICT_DIR, 'trimmed');
  if (!status.ready) throw new Error(status.message);
  const units = readUnits(text, splitLines(text), conventionsFor(), undefined);
  const weights = process.env.WEIGHTS ? (JSON.parse(readFileSync(process.env.WEIGHTS, 'utf8')) as ReaderWeights) : DEFAULT_PROFILE.weights;
  const decoder = new Decoder(weights);
  const want = process.env.EXPLAIN ? Number(process.env.EXPLAIN) : undefined;
  const [a, b] = (process.env.STATES ?? 'B,C').split(',');
  for (const part of splitPages(units)) {
    const inputs = pageInputs(part.units, status.segmenter);
    const reading = decoder.decode(inputs);
    part.units.forEach((u, i) => {
      const line = u.line.index + 1;
      if (line === want) explain(inputs, i, a!, b!, weights);
      if (line < from! || line > to!) return;
      const s = reading.states[i]!;
      const other = rival(reading, i, [s]);
      const mm = reading.maxMarginals[i]!;
      const alts = STATES.map((x, k) => [x, mm[k]!] as const)
        .filter(([, v]) => v > -Infinity)
        .map(([x, v]) => `${x}${(v - reading.best).toFixed(1)}`)
        .join(' ');
      const cues = strongestCues(weights, inputs.features[i]!, s, other, 5)
        .map((c) => `${c.cue}(${c.weight.toFixed(1)})`)
        .join(' ');
      console.log(
        `${String(line).padStart(4)} ${s.padEnd(2)} ${margin(reading, i, [s]).toFixed(1).padStart(6)} vs ${other ?? '-'}  ${u.text.slice(0, 24)}\n        ${alts}\n        ${cues}`,
      );
    });
  }
}
