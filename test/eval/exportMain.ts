/**
 * npm run eval:export [corpus folder] [--json report.json]: exports every
 * issue of a corpus of one article per file, in both renderings, clean and
 * damaged, and prints how many source articles came out as exactly one
 * record equal to them, what went wrong with the others, and pages/s.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadSegmenter } from '../../server/src/jieba/load';
import { DICT_DIR } from '../helpers/repo';
import { evalExport, OUTCOMES, type ExportEvalResult, type ExportScore } from './exportAccuracy';
import { RENDERINGS, type Rendering } from './spec';
import { formatTable } from './table';
import { Words } from './words';

const ratio = (a: number, b: number) => (b === 0 ? '–' : `${(a / b).toFixed(3)} (${a}/${b})`);

export function formatExportReport(result: ExportEvalResult): string {
  const rs = Object.keys(result.scores) as Rendering[];
  const rows: Array<[string, ...string[]]> = [];
  const section = (label: string, pick: (s: { clean: ExportScore; damaged: ExportScore }) => ExportScore) => {
    const row = (name: string, f: (s: ExportScore) => string) => rows.push([name, ...rs.map((r) => f(pick(result.scores[r])))]);
    rows.push([label, ...rs.map(() => '')]);
    row('  pages / source articles / records', (s) => `${s.pages} / ${s.articles} / ${s.records}`);
    row('  exact after whitespace', (s) => ratio(s.outcomes.exact, s.articles));
    row('  exact after whitespace and punctuation width', (s) => ratio(s.outcomes.exact + s.outcomes.punctuation, s.articles));
    for (const o of OUTCOMES.slice(2)) row(`    ${o}`, (s) => `${s.outcomes[o]}`);
    row('  jumped articles joined exactly', (s) => ratio(s.jumps.joined, s.jumps.of));
    row('  pages/s (one thread)', (s) => (s.seconds === 0 ? '–' : (s.pages / s.seconds).toFixed(0)));
  };
  section('clean pages', (s) => s.clean);
  section('damaged pages', (s) => s.damaged);
  const head = [
    `Newsprint export eval: ${result.corpus}`,
    `${result.issues} issues; a record is exact when it equals its source article (deck lines, then body lines) once whitespace is taken out`,
    '',
  ];
  return head.join('\n') + '\n' + formatTable(['', ...rs.map((r) => (r === 'epaper' ? 'e-paper' : 'PDF-like'))], rows);
}

export function main(argv: readonly string[]): void {
  const args = [...argv];
  let json = resolve('test/eval/out/export-report.json');
  let seed = 1;
  const paths: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--json') json = resolve(args.shift() ?? json);
    else if (a === '--seed') seed = Number(args.shift());
    else paths.push(a);
  }
  const dir = paths[0] ?? '../shared/corpus-dev/rmrb-2019-02';
  const status = loadSegmenter(DICT_DIR, 'trimmed');
  if (!status.ready) throw new Error(status.message);
  const result = evalExport(dir, RENDERINGS, new Words(), status.segmenter, seed);
  process.stdout.write(formatExportReport(result));
  for (const r of Object.keys(result.scores) as Rendering[]) {
    for (const c of result.scores[r].clean.cases.slice(0, 20)) process.stdout.write(`  ${r} clean ${c.outcome} ${c.id}: ${c.note}\n`);
  }
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, JSON.stringify(result, null, 1) + '\n');
  process.stdout.write(`\nreport: ${json}\n`);
}
