/**
 * npm run eval:heldout [corpus folder]: how the reader does on days it was
 * not fitted on. The month is split into its first and second half by date;
 * each half is read with weights fitted on the other (train.ts, same seeds
 * and passes), and the two scores are added into one table. The shipped
 * weights are fitted on the whole month, so `npm run eval` reads pages they
 * were fitted on; this is the nearer guess at a month or a paper nobody here
 * has, which is what the result is checked on. Takes two fittings (~1 min).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadSegmenter } from '../../server/src/jieba/load';
import { DICT_DIR } from '../helpers/repo';
import { readCorpus } from './corpus';
import { trainCrf } from './crf';
import { runEval, type EvalResult } from './main';
import { emptyScore, merge } from './score';
import { RENDERINGS } from './spec';
import { formatReport } from './table';
import { buildExamples, TRAINING } from './train';

export interface HeldOutOptions {
  readonly seed?: number;
  readonly epochs?: number;
  readonly l2?: number;
  /** Called as each half is read. */
  readonly log?: (line: string) => void;
}

/** The corpus's days in two halves by date, each scored with weights fitted on the other, the scores added. */
export function runHeldOut(dir: string, options: HeldOutOptions = {}): EvalResult {
  const status = loadSegmenter(DICT_DIR, 'trimmed');
  if (!status.ready) throw new Error(status.message);
  const t0 = performance.now();
  const days = [...new Set(readCorpus(dir).issues.map((i) => Number(i.date.slice(6))))].sort((a, b) => a - b);
  if (days.length < 2) throw new Error(`${dir}: held out needs issues of two days at least`);
  const middle = days[Math.ceil(days.length / 2) - 1]!;
  const halves: Array<[number, number]> = [
    [days[0]!, middle],
    [days.find((d) => d > middle)!, days[days.length - 1]!],
  ];
  const scores = Object.fromEntries(RENDERINGS.map((r) => [r, { clean: emptyScore(), damaged: emptyScore() }])) as EvalResult['scores'];
  let issues = 0;
  let skipped = 0;
  halves.forEach(([from, to], k) => {
    const [fitFrom, fitTo] = halves[1 - k]!;
    const only = (date: string) => Number(date.slice(6)) >= fitFrom && Number(date.slice(6)) <= fitTo;
    const examples = buildExamples(dir, status.segmenter, TRAINING.seeds, [], only);
    const weights = trainCrf(examples, { epochs: options.epochs ?? TRAINING.epochs, l2: options.l2 ?? TRAINING.l2 });
    const result = runEval(dir, { ...(options.seed !== undefined ? { seed: options.seed } : {}), days: [from, to], weights });
    for (const r of RENDERINGS) {
      merge(scores[r].clean, result.scores[r].clean);
      merge(scores[r].damaged, result.scores[r].damaged);
    }
    issues = result.issues;
    skipped = result.skipped;
    options.log?.(`days ${from}–${to} read with weights fitted on days ${fitFrom}–${fitTo}`);
  });
  return { corpus: dir, issues, skipped, seconds: (performance.now() - t0) / 1000, scores };
}

export function main(argv: readonly string[]): void {
  const args = [...argv];
  let json = resolve('test/eval/out/heldout.json');
  let seed = 1;
  let epochs = TRAINING.epochs;
  let l2 = TRAINING.l2;
  const paths: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--json') json = resolve(args.shift() ?? json);
    else if (a === '--seed') seed = Number(args.shift());
    else if (a === '--epochs') epochs = Number(args.shift());
    else if (a === '--l2') l2 = Number(args.shift());
    else paths.push(a);
  }
  const dir = paths[0] ?? '../shared/corpus-dev/rmrb-2019-02';
  const result = runHeldOut(dir, { seed, epochs, l2, log: (l) => process.stdout.write(`${l}\n`) });
  process.stdout.write(`held out: each half of the month read with weights fitted on the other half (${epochs} passes)\n`);
  process.stdout.write(formatReport(result));
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, JSON.stringify(result, null, 1) + '\n');
}
