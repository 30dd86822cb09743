/**
 * npm run eval [corpus folder] [--json report.json]: builds pages from a
 * corpus of one article per file in two renderings, plants labelled damage
 * with a fixed seed, checks them as the checker would and prints what it got
 * right: per rule precision and recall, article starts, decks, false alarms
 * on clean pages, and the precision of what fix-all would apply.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_PROFILE } from '../../server/src/model/profile';
import type { ReaderWeights } from '../../server/src/model/weights';
import { loadSegmenter } from '../../server/src/jieba/load';
import { DICT_DIR } from '../helpers/repo';
import { checkIssue } from './check';
import { readCorpus } from './corpus';
import { plantIssue, seedOf } from './plant';
import { renderPage, type RenderedPage } from './render';
import { emptyScore, merge, scorePage, type Score } from './score';
import { RENDERINGS, pageSpec, type Rendering } from './spec';
import { formatReport } from './table';
import { Words } from './words';

export interface EvalResult {
  readonly corpus: string;
  readonly issues: number;
  readonly skipped: number;
  readonly seconds: number;
  readonly scores: Record<Rendering, { clean: Score; damaged: Score }>;
}

export interface EvalOptions {
  readonly seed?: number;
  readonly renderings?: readonly Rendering[];
  /** Write every page and its truth under this folder, to read or to check by hand. */
  readonly dump?: string;
  /** Score only the issues of these days of the month (held-out days, against weights fitted on the others). */
  readonly days?: readonly [number, number];
  /** Read with these weights instead of the shipped ones. */
  readonly weights?: ReaderWeights;
}

function dumpIssue(dir: string, kind: string, pages: readonly RenderedPage[]): void {
  for (const p of pages) {
    const base = join(dir, p.rendering, kind, p.date);
    mkdirSync(base, { recursive: true });
    const name = String(p.page).padStart(2, '0');
    writeFileSync(join(base, `${name}.txt`), p.text);
    writeFileSync(join(base, `${name}.truth.json`), JSON.stringify({ ...p.truth, halfwidth: p.truth.halfwidth.size }, null, 1));
  }
}

/** Both renderings of every issue, clean and damaged. */
export function buildIssues(corpusDir: string, rendering: Rendering, words: Words, seed = 1) {
  const corpus = readCorpus(corpusDir);
  const joinDeck = (a: { id: string }) => seedOf('join', a.id, seed) % 10 < 3;
  const issues = corpus.issues.map((issue) => {
    const specs = () => issue.pages.map((p) => pageSpec(rendering, p.date, p.page, p.articles, joinDeck));
    const clean = specs().map((s) => renderPage(s, rendering));
    const damagedSpecs = specs();
    plantIssue(damagedSpecs, seedOf(rendering, issue.date, seed), words);
    const damaged = damagedSpecs.map((s) => renderPage(s, rendering));
    return { date: issue.date, clean, damaged };
  });
  return { issues, skipped: corpus.skipped };
}

export function runEval(corpusDir: string, options: EvalOptions = {}): EvalResult {
  const t0 = performance.now();
  const status = loadSegmenter(DICT_DIR, 'trimmed');
  if (!status.ready) throw new Error(status.message);
  const words = new Words();
  const profile = options.weights ? { ...DEFAULT_PROFILE, weights: options.weights } : undefined;
  const scores = {} as Record<Rendering, { clean: Score; damaged: Score }>;
  let issues = 0;
  let skipped = 0;
  for (const rendering of options.renderings ?? RENDERINGS) {
    const built = buildIssues(corpusDir, rendering, words, options.seed);
    issues = built.issues.length;
    skipped = built.skipped.length;
    const clean = emptyScore();
    const damaged = emptyScore();
    const score = (pages: RenderedPage[], into: Score) => {
      for (const checked of checkIssue(pages, status.segmenter, profile)) {
        const s = emptyScore();
        scorePage(checked, s);
        merge(into, s);
      }
    };
    for (const issue of built.issues) {
      const day = Number(issue.date.slice(6));
      if (options.days && (day < options.days[0] || day > options.days[1])) continue;
      if (options.dump) {
        dumpIssue(options.dump, 'clean', issue.clean);
        dumpIssue(options.dump, 'damaged', issue.damaged);
      }
      score(issue.clean, clean);
      score(issue.damaged, damaged);
    }
    scores[rendering] = { clean, damaged };
  }
  return { corpus: corpusDir, issues, skipped, seconds: (performance.now() - t0) / 1000, scores };
}

export function main(argv: readonly string[]): void {
  const args = [...argv];
  let json = resolve('test/eval/out/report.json');
  let seed = 1;
  let dump: string | undefined;
  let days: [number, number] | undefined;
  let weights: ReaderWeights | undefined;
  const paths: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--json') json = resolve(args.shift() ?? json);
    else if (a === '--seed') seed = Number(args.shift());
    else if (a === '--dump') dump = resolve(args.shift() ?? 'test/eval/out/pages');
    else if (a === '--days') days = (args.shift() ?? '1-31').split('-').map(Number) as [number, number];
    else if (a === '--weights') weights = JSON.parse(readFileSync(resolve(args.shift()!), 'utf8')) as ReaderWeights;
    else paths.push(a);
  }
  const dir = paths[0] ?? '../shared/corpus-dev/rmrb-2019-02';
  const result = runEval(dir, { seed, ...(dump ? { dump } : {}), ...(days ? { days } : {}), ...(weights ? { weights } : {}) });
  process.stdout.write(formatReport(result));
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, JSON.stringify(result, null, 1) + '\n');
  process.stdout.write(`\nreport: ${json}\n`);
}
