/**
 * The benchmark: one table, every protocol figure next to a do-nothing LSP
 * server measured in the same run, the two interleaved (A B A B) so that
 * whatever else the machine does falls on both. Reproduce with `npm run bench`
 * (`-- --no-year` leaves out the year of pages, `-- --rounds N` repeats less or more,
 * `-- --profile DIR` writes CPU profiles instead: see profile.ts).
 */
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { cachedSegmenter } from '../../server/src/segment/segmenter';
import { loadJieba } from '../../server/src/jieba/nodejieba';
import { DICT_DIR, ROOT } from '../helpers/repo';
import { runChecker, runFloorChecker, writeIssueFiles, writePageFiles, type Archive } from './checker';
import { inProcess } from './inProcess';
import { profileChecker, profileServer } from './profile';
import { SERVER_NODE_ARGS } from '../../server/src/protocol';
import { coldStart, openPages, typing, type Server, type TypingRun } from './protocol';
import { scale } from './scale';
import { median, percentile } from './stats';
import { benchTexts, oneFileIssue } from './texts';

const FLOOR_SERVER = join(ROOT, 'test', 'out', 'bench', 'floorServer.js');
const FLOOR_CHECKER = join(ROOT, 'test', 'out', 'bench', 'floorChecker.js');
// NEWSPRINT_BENCH_ROOT measures another checkout's build instead (an earlier commit, for a before and after under the same floor).
const BUILT = process.env.NEWSPRINT_BENCH_ROOT ?? ROOT;
const NEWSPRINT: Server = { script: join(BUILT, 'server', 'out', 'server.js'), newsprint: true, nodeArgs: SERVER_NODE_ARGS };
const FLOOR: Server = { script: FLOOR_SERVER, newsprint: false };
const CHECKER = join(BUILT, 'server', 'out', 'cli.js');

function row(what: string, newsprint: string, floor: string, ratio: string, target: string): string {
  return `| ${what} | ${newsprint} | ${floor} | ${ratio} | ${target} |`;
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Runs `a` then `b`, `rounds` times: each gets the same share of whatever else the machine is doing. */
async function interleaved<T>(rounds: number, a: () => Promise<T> | T, b: () => Promise<T> | T): Promise<{ a: T[]; b: T[] }> {
  const out = { a: [] as T[], b: [] as T[] };
  for (let i = 0; i < rounds; i++) {
    out.a.push(await a());
    out.b.push(await b());
  }
  return out;
}

async function main(argv: readonly string[]): Promise<void> {
  const rounds = Number(argv[argv.indexOf('--rounds') + 1]) || 5;
  const texts = benchTexts();
  const pages = texts.pages;
  const issue = oneFileIssue(pages, 1_000_000);
  const issueMb = Buffer.byteLength(issue.text, 'utf8') / 1e6;
  const profile = argv.indexOf('--profile');
  if (profile >= 0) {
    const dir = argv[profile + 1] ?? join(ROOT, 'test', 'out', 'profiles');
    await profileServer(dir, pages[pages.length - 1]!.text, issue.text, 50);
    await profileServer(dir, pages[pages.length - 1]!.text, issue.text, 50, false);
    profileChecker(dir, pages);
    console.log(`profiles in ${dir}`);
    return;
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(`Newsprint: ${BUILT}`);
  console.log(`Text: ${texts.source}; ${pages.length} pages; the one-file issue is ${issue.pages} of them, ${issueMb.toFixed(2)} MB\n`);

  const jieba = loadJieba({ dictDir: DICT_DIR, dictionary: 'trimmed' }).segmenter;
  const ip = inProcess(issue.text, () => cachedSegmenter(jieba), Math.max(3, rounds));

  const coldPage = { uri: 'file:///bench/cold/01.txt', text: pages[1]!.text };
  const cold = await interleaved(
    rounds + 2,
    () => coldStart(FLOOR, coldPage.uri, coldPage.text),
    () => coldStart(NEWSPRINT, coldPage.uri, coldPage.text),
  );
  const single = pages.slice(2, 23).map((p, i) => ({ uri: `file:///bench/pages/${p.day}/${String(p.page).padStart(2, '0')}-${i}.txt`, text: p.text }));
  const opened = await interleaved(
    Math.max(2, Math.ceil(rounds / 2)),
    () => openPages(FLOOR, single),
    () => openPages(NEWSPRINT, single),
  );
  // The warm-up page is not in the issue: nothing of the file is cached when it opens.
  const warm = pages[pages.length - 1]!.text;
  const typed = await interleaved<TypingRun>(
    rounds,
    () => typing(FLOOR, warm, issue.text, 50),
    () => typing(NEWSPRINT, warm, issue.text, 50),
  );

  const base = join(tmpdir(), 'newsprint-bench-archive');
  const archives: Array<{ name: string; archive: Archive }> = [
    { name: 'one page per file', archive: writePageFiles(join(base, 'pages'), pages) },
    { name: 'one-file issues of ~1 MB', archive: writeIssueFiles(join(base, 'issues'), pages, 1_000_000) },
  ];
  const checked = [];
  for (const { name, archive } of archives) {
    const t = await interleaved(
      Math.max(2, Math.ceil(rounds / 2)),
      () => runFloorChecker(FLOOR_CHECKER, archive),
      () => runChecker(CHECKER, archive),
    );
    checked.push({ name, archive, floor: median(t.a), newsprint: median(t.b) });
  }
  rmSync(base, { recursive: true, force: true });

  const coldFirst = { a: median(cold.a.map((c) => c.firstMs)), b: median(cold.b.map((c) => c.firstMs)) };
  const coldDict = { a: median(cold.a.map((c) => c.dictionaryMs)), b: median(cold.b.map((c) => c.dictionaryMs)) };
  const openOne = { a: median(opened.a.flat()), b: median(opened.b.flat()) };
  const openIssue = { a: median(typed.a.map((t) => t.openMs)), b: median(typed.b.map((t) => t.openMs)) };
  const edits = { a: typed.a.flatMap((t) => t.editMs), b: typed.b.flatMap((t) => t.editMs) };
  const editMedian = { a: median(edits.a), b: median(edits.b) };
  const editP95 = { a: percentile(edits.a, 95), b: percentile(edits.b, 95) };
  const bytes = { a: median(typed.a.map((t) => t.bytesPerEdit)), b: median(typed.b.map((t) => t.bytesPerEdit)) };
  const rss = { a: median(typed.a.map((t) => t.rssMb)), b: median(typed.b.map((t) => t.rssMb)) };
  const pair = (what: string, x: { a: number; b: number }, target: string, unit = ms) => row(what, unit(x.b), unit(x.a), ratio(x.b, x.a), target);

  const lines = [
    '| measure | Newsprint | floor | ratio | target |',
    '|---|---|---|---|---|',
    row(
      `analysis in process, ${issueMb.toFixed(2)} MB (${ip.findings} findings), per MB`,
      ms(ip.analysisMsPerMb),
      `${ms(ip.scanMsPerMb)} (line scan)`,
      ratio(ip.analysisMsPerMb, ip.scanMsPerMb),
      '',
    ),
    pair(`cold start → first diagnostics (one page)`, coldFirst, ''),
    pair(`cold start → diagnostics with the dictionary`, coldDict, '≤ 2×'),
    pair(`open one page → diagnostics (median of ${single.length - 1} pages)`, openOne, ''),
    pair(`open the ${issueMb.toFixed(2)} MB issue file → diagnostics`, openIssue, '≤ 2×'),
    pair('keystroke → diagnostics, median', editMedian, '≤ 1.5×'),
    pair('keystroke → diagnostics, p95', editP95, '≤ 1.5×'),
    pair('bytes the server sends per keystroke', bytes, '', (x) => `${(x / 1024).toFixed(1)} KB`),
    pair('server RSS after the 1 MB file and 50 edits', rss, '≤ 120 MB', (x) => `${x.toFixed(0)} MB`),
    ...checked.map((c) =>
      row(
        `checker on the month, ${c.name} (${c.archive.files} files, ${c.archive.pages} pages), spawn to exit`,
        `${(c.archive.pages / (c.newsprint / 1000)).toFixed(0)} pages/s (${ms(c.newsprint)})`,
        `${(c.archive.pages / (c.floor / 1000)).toFixed(0)} pages/s (${ms(c.floor)})`,
        ratio(c.newsprint, c.floor),
        '≥ 1,000 pages/s',
      ),
    ),
  ];
  console.log(`${lines.join('\n')}\n\nFigures are medians of ${rounds} rounds (cold start ${rounds + 2}); ratios are Newsprint's time over the floor's.`);
  if (!argv.includes('--no-year')) {
    const y = await scale();
    console.log(
      `\nIndexing a year of an 8-page daily (${y.files} files, ${y.megabytes.toFixed(0)} MB): ${y.indexSeconds.toFixed(1)} s; workspace symbols ${y.symbolMs.toFixed(1)} ms (up to ${y.symbols} symbols).`,
    );
  }
}

void main(process.argv.slice(2));
