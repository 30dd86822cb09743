/**
 * Reads a folder in the corpus-dev format: one article per file,
 * `YYYYMMDD/YYYYMMDD-PP-NN.txt` (PP the page, NN the article's order on it),
 * lines 1–3 the deck (引题, 主题, 副题; kicker and subhead often empty), then
 * one paragraph a line. Nothing here knows what the analysis does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface SourceArticle {
  /** The file's name without extension: 20190201-01-03. */
  readonly id: string;
  readonly date: string;
  readonly page: number;
  readonly order: number;
  readonly kicker: string;
  readonly main: string;
  readonly sub: string;
  /** Body lines as the file holds them, indents kept; whitespace-only lines are ''. */
  readonly body: readonly string[];
}

export interface SourcePage {
  readonly date: string;
  readonly page: number;
  readonly articles: readonly SourceArticle[];
}

export interface SourceIssue {
  readonly date: string;
  readonly pages: readonly SourcePage[];
}

export interface Corpus {
  readonly issues: readonly SourceIssue[];
  /** Files left out, and why (an advertisement has a headline and no text). */
  readonly skipped: ReadonlyArray<{ readonly id: string; readonly reason: string }>;
}

const NAME = /^(\d{8})-(\d{1,3})-(\d{1,3})\.txt$/;
const BLANK = /^[\s\u3000\u00a0]*$/;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (NAME.test(name)) out.push(full);
  }
}

export function parseArticle(id: string, text: string): SourceArticle | string {
  const m = NAME.exec(`${id}.txt`);
  if (!m) return 'not named YYYYMMDD-PP-NN';
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const deck = (i: number) => (lines[i] ?? '').trim();
  const body = lines.slice(3).map((l) => (BLANK.test(l) ? '' : l.replace(/[\s\u00a0]+$/, '')));
  while (body.length > 0 && body[0] === '') body.shift();
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  if (body.length === 0) return 'no text under the headline';
  if (deck(1) === '') return 'no main headline';
  return { id, date: m[1]!, page: Number(m[2]), order: Number(m[3]), kicker: deck(0), main: deck(1), sub: deck(2), body };
}

export function readCorpus(dir: string): Corpus {
  const files: string[] = [];
  walk(dir, files);
  const skipped: Array<{ id: string; reason: string }> = [];
  const byPage = new Map<string, SourceArticle[]>();
  for (const file of files) {
    const id = basename(file, '.txt');
    const parsed = parseArticle(id, readFileSync(file, 'utf8'));
    if (typeof parsed === 'string') {
      skipped.push({ id, reason: parsed });
      continue;
    }
    const key = `${parsed.date}-${String(parsed.page).padStart(3, '0')}`;
    let list = byPage.get(key);
    if (!list) byPage.set(key, (list = []));
    list.push(parsed);
  }
  const issues = new Map<string, SourcePage[]>();
  for (const key of [...byPage.keys()].sort()) {
    const articles = byPage.get(key)!.sort((a, b) => a.order - b.order);
    const { date, page } = articles[0]!;
    let pages = issues.get(date);
    if (!pages) issues.set(date, (pages = []));
    pages.push({ date, page, articles });
  }
  return { issues: [...issues.entries()].map(([date, pages]) => ({ date, pages })), skipped };
}
