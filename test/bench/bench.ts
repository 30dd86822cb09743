/**
 * The benchmark: one table, every figure a median of repeated runs, with the
 * machine noted. Reproduce with `npm run bench`.
 */
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { cachedSegmenter } from '../../server/src/segment/segmenter';
import { loadJieba } from '../../server/src/jieba/nodejieba';
import { CORPUS_PAGE, DICT_DIR } from '../helpers/repo';
import { inProcess } from './inProcess';
import { coldStart, typing } from './protocol';
import { scale } from './scale';

/** The corpus page repeated to about 1 MB, as one file of an issue: page lines between the pages. */
function issueOf(page: string, bytes: number): string {
  let text = '';
  for (let n = 1; Buffer.byteLength(text, 'utf8') < bytes; n++) text += `第${n}版 要闻\n\n${page}\n`;
  return text;
}

function row(what: string, figure: string, target: string, note = ''): string {
  return `| ${what} | ${figure} | ${target} | ${note} |`;
}

async function main(): Promise<void> {
  const page = readFileSync(CORPUS_PAGE, 'utf8');
  const issue = issueOf(page, 1_000_000);
  const jieba = loadJieba({ dictDir: DICT_DIR, dictionary: 'trimmed' }).segmenter;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);

  const ip = inProcess(issue, () => cachedSegmenter(jieba), 15);
  const cold = await coldStart(7);
  const t = await typing(issue, 50);
  const y = await scale();

  const lines = [
    '| measure | figure | target | note |',
    '|---|---|---|---|',
    row(
      `1. analysis in process, ${ip.megabytes.toFixed(2)} MB (${ip.findings} findings)`,
      `${ip.analysisMsPerMb.toFixed(1)} ms/MB; plain scan ${ip.scanMsPerMb.toFixed(1)} ms/MB; ratio ${(ip.analysisMsPerMb / ip.scanMsPerMb).toFixed(1)}`,
      'ratio ≤ 6',
      'median of 15 cold runs',
    ),
    row('2. cold start to first diagnostics (corpus page, dictionary included)', `${cold.toFixed(0)} ms`, '≤ 400 ms', 'median of 7'),
    row(
      `3. typing on a ${t.megabytes.toFixed(2)} MB issue file, edit → diagnostics`,
      `median ${t.medianMs.toFixed(1)} ms, p95 ${t.p95Ms.toFixed(1)} ms`,
      'median ≤ 15 ms',
      `50 edits; opening took ${t.openMs.toFixed(0)} ms`,
    ),
    row('4. server RSS after start / after the 1 MB file', `${t.rssStartMb.toFixed(0)} MB / ${t.rssLoadedMb.toFixed(0)} MB`, '≤ 120 MB', ''),
    row(
      `5. indexing a year of an 8-page daily (${y.files} files, ${y.megabytes.toFixed(0)} MB), then workspace symbols`,
      `${y.indexSeconds.toFixed(1)} s; query ${y.symbolMs.toFixed(1)} ms`,
      '≤ 15 s; ≤ 50 ms',
      `median of 5 queries, up to ${y.symbols} symbols each`,
    ),
  ];
  console.log(lines.join('\n'));
}

void main();
