/**
 * What the benchmark reads: distinct real pages, never copies of one page
 * (caches keyed by line text would make every copy after the first nearly
 * free). The dev month of ../shared/corpus-dev in the PDF-like rendering, its
 * damage planted as `npm run eval` plants it; without ../shared, pages made
 * from the bundled ones with every line made distinct, and the report says so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from '../eval/corpus';
import { plantIssue, seedOf } from '../eval/plant';
import { renderPage } from '../eval/render';
import { pageSpec } from '../eval/spec';
import { Words } from '../eval/words';
import { CORPUS_PAGE, ROOT } from '../helpers/repo';

/** NEWSPRINT_BENCH_CORPUS names another month (a missing folder shows what the bench does without ../shared). */
export const DEV_MONTH = process.env.NEWSPRINT_BENCH_CORPUS ?? join(ROOT, '..', 'shared', 'corpus-dev', 'rmrb-2019-02');

export interface BenchPage {
  /** Folder and file name as an archive would hold it: 20190201/03.txt. */
  readonly day: string;
  readonly page: number;
  readonly text: string;
}

export interface BenchTexts {
  /** Where the text came from, for the report. */
  readonly source: string;
  readonly real: boolean;
  readonly pages: readonly BenchPage[];
}

function devMonth(): BenchPage[] {
  const corpus = readCorpus(DEV_MONTH);
  const words = new Words();
  const joinDeck = (a: { id: string }) => seedOf('join', a.id, 1) % 10 < 3;
  const pages: BenchPage[] = [];
  for (const issue of corpus.issues) {
    const specs = issue.pages.map((p) => pageSpec('pdf', p.date, p.page, p.articles, joinDeck));
    // The damaged pages, as eval checks them: an editor opens text that has something to find.
    plantIssue(specs, seedOf('pdf', issue.date, 1), words);
    for (const s of specs) pages.push({ day: issue.date, page: s.page, text: renderPage(s, 'pdf').text });
  }
  return pages;
}

/** The bundled pages, each line of each copy made distinct by its copy's number written into it. */
function generated(count: number): BenchPage[] {
  const own = readdirSync(join(ROOT, 'test', 'pages'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'test', 'pages', f), 'utf8'));
  const templates = [readFileSync(CORPUS_PAGE, 'utf8'), ...own];
  const pages: BenchPage[] = [];
  for (let k = 0; k < count; k++) {
    const text = templates[k % templates.length]!.split('\n')
      .map((line, i) => (line.trim().length > 4 ? `${line.slice(0, 2)}${k}${i}${line.slice(2)}` : line))
      .join('\n');
    pages.push({ day: `day-${String(Math.floor(k / 16) + 1).padStart(2, '0')}`, page: (k % 16) + 1, text });
  }
  return pages;
}

export function benchTexts(): BenchTexts {
  if (existsSync(DEV_MONTH)) return { source: `the dev month ${DEV_MONTH}, PDF-like rendering, damage planted as eval plants it`, real: true, pages: devMonth() };
  return { source: `${DEV_MONTH} is absent: 432 distinct pages generated from the bundled ones, every line made distinct`, real: false, pages: generated(432) };
}

/** Pages one after another under page lines, as a one-file issue, until the file holds `bytes`. */
export function oneFileIssue(pages: readonly BenchPage[], bytes: number, from = 0): { text: string; pages: number } {
  let text = '';
  let n = 0;
  while (Buffer.byteLength(text, 'utf8') < bytes && from + n < pages.length) {
    text += `第${n + 1}版 要闻\n\n${pages[from + n]!.text}\n`;
    n++;
  }
  return { text, pages: n };
}
