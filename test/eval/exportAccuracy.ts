/**
 * Export's accuracy on a corpus of one article per file: each issue's pages
 * are built as the eval builds them, exported as the checker exports a
 * folder, and each source article is looked for among the records. Since
 * every source file is one article, a record equal to it (after whitespace)
 * is the export getting it right; the rest are sorted by what went wrong,
 * from where the records start and end among the articles' lines.
 */
import type { ExportedArticle, ExportedIssue } from '../../server/src/export/exportedIssue';
import { fixedOffset } from '../../server/src/export/certainFixes';
import { exportIssue } from '../../server/src/export/exportIssue';
import { toNinjs } from '../../server/src/export/formats/ninjs';
import { prepareFile, type PreparedFile } from '../../server/src/export/preparedFile';
import type { Segmenter } from '../../server/src/segment/segmenter';
import { parsePageRef } from '../../server/src/text/numerals';
import { splitLines } from '../../server/src/text/lines';
import { readCorpus, type SourceArticle } from './corpus';
import { buildIssues } from './main';
import type { RenderedPage } from './render';
import type { Rendering } from './spec';
import type { Words } from './words';

/** What became of one source article. */
export type Outcome =
  /** One record, equal to the article after whitespace. */
  | 'exact'
  /** One record, equal once full- and half-width punctuation are read as one (the PDF-like rendering's ASCII marks the fixes left, or widened where the source had ASCII). */
  | 'punctuation'
  /** One record over the same lines, with different text (a deck line read as body, a paragraph left out or joined wrongly). */
  | 'differs'
  /** Read as two or more records. */
  | 'split'
  /** Its record runs on into the next article, or it starts inside the record of the one before. */
  | 'merged';

export const OUTCOMES: readonly Outcome[] = ['exact', 'punctuation', 'differs', 'split', 'merged'];

export interface ExportScore {
  pages: number;
  articles: number;
  records: number;
  outcomes: Record<Outcome, number>;
  /** Articles a planted jump cut in two (damaged pages), and those whose record is exact or exact but for punctuation. */
  jumps: { of: number; joined: number };
  /** Time spent exporting (fixes, reading, joining, ninjs), not building the pages. */
  seconds: number;
  /** A few articles of each outcome but exact, to read. */
  cases: Array<{ outcome: Outcome; id: string; note: string }>;
}

export function emptyExportScore(): ExportScore {
  return { pages: 0, articles: 0, records: 0, outcomes: { exact: 0, punctuation: 0, differs: 0, split: 0, merged: 0 }, jumps: { of: 0, joined: 0 }, seconds: 0, cases: [] };
}

const squeeze = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');
const HALF: Readonly<Record<string, string>> = { '，': ',', '；': ';', '：': ':', '（': '(', '）': ')', '！': '!', '？': '?' };
const narrow = (s: string) => s.replace(/[，；：（）！？]/g, (c) => HALF[c]!);

/**
 * The page's editor lines that the site's scrape put at the end of an
 * article's text (版式设计：某某): page furniture, which export rightly
 * leaves out of every record. Written here apart from the analysis's own
 * conventions, so that truth and the thing measured do not share mistakes.
 */
const FURNITURE_LINE = /^[\s\u3000\u00a0]*(?:版式设计|本版责编|责任编辑|本版编辑|图片编辑|美术编辑|制版)[：:]/;

/** A source article's text as the export should give it: its deck lines, then its body lines but page furniture. */
export function sourceText(a: SourceArticle): string {
  return squeeze([a.kicker, a.main, a.sub, ...a.body.filter((l) => !FURNITURE_LINE.test(l))].join(''));
}

/** A record's text: its headlines, then every body item (bylines, captions and credits in their places). */
export function recordText(r: ExportedArticle): string {
  return squeeze([...r.headlines, ...r.body].map((p) => p.text).join(''));
}

function uriOf(p: RenderedPage): string {
  return `file:///eval/${p.rendering}/${p.date}/${String(p.page).padStart(2, '0')}.txt`;
}

/** One issue's pages exported as the checker exports their folder; the time it took. */
export function exportPages(pages: readonly RenderedPage[], segmenter: Segmenter): { issue: ExportedIssue; prepared: PreparedFile[]; seconds: number } {
  const t0 = performance.now();
  const prepared = pages.map((p) => {
    const pageRef = parsePageRef(String(p.page));
    return prepareFile({ uri: uriOf(p), text: p.text, ...(pageRef ? { pageRef } : {}) }, segmenter);
  });
  const issue = exportIssue(`file:///eval/${pages[0]?.rendering}/${pages[0]?.date}`, pages[0]?.date ?? '', prepared);
  // Written out as the ninjs export writes it, so serialising is timed too.
  for (const a of issue.articles) JSON.stringify(toNinjs(issue, a));
  return { issue, prepared, seconds: (performance.now() - t0) / 1000 };
}

/** Which truth article each offset of a page's fixed text lies in: the articles' first lines, mapped through the fixes. */
function articleAt(page: RenderedPage, prepared: PreparedFile): (offset: number) => number {
  const lines = splitLines(page.text);
  const starts = page.truth.articles.map((a) => fixedOffset(prepared.fixed, lines[a.lines.first]!.start));
  return (offset) => {
    let k = -1;
    for (let i = 0; i < starts.length; i++) if (starts[i]! <= offset) k = i;
    return k;
  };
}

export function scoreIssue(pages: readonly RenderedPage[], sources: ReadonlyMap<string, SourceArticle>, segmenter: Segmenter, score: ExportScore): void {
  const exported = exportPages(pages, segmenter);
  score.seconds += exported.seconds;
  scoreExported(pages, sources, exported, score);
}

/** Scores an issue's export against the source articles its pages were built from. */
export function scoreExported(
  pages: readonly RenderedPage[],
  sources: ReadonlyMap<string, SourceArticle>,
  { issue, prepared }: { issue: ExportedIssue; prepared: readonly PreparedFile[] },
  score: ExportScore,
): void {
  score.pages += pages.length;
  score.records += issue.articles.length;
  const at = pages.map((p, i) => articleAt(p, prepared[i]!));
  /** A record's first and last piece, as (page, truth article) pairs. */
  const ends = (r: ExportedArticle) => {
    const origins = [...r.headlines, ...r.body].flatMap((p) => p.from);
    const first = origins[0]!;
    const last = origins[origins.length - 1]!;
    return { first: { page: first.page, article: at[first.page]!(first.span.start) }, last: { page: last.page, article: at[last.page]!(last.span.end - 1) } };
  };
  const spans = issue.articles.filter((r) => r.headlines.length + r.body.length > 0).map((r) => ({ r, ...ends(r) }));
  const case_ = (outcome: Outcome, id: string, note: string) => {
    if (score.cases.filter((c) => c.outcome === outcome).length < 12) score.cases.push({ outcome, id, note });
  };
  pages.forEach((page, p) => {
    page.truth.articles.forEach((truth, k) => {
      // A continued part is scored with the article it continues.
      if (truth.kind === 'continuation') return;
      const source = sources.get(truth.id);
      if (!source) return;
      score.articles++;
      const jumped = pages.some((q) => q.truth.articles.some((t) => t.id === `${truth.id}#2`));
      if (jumped) score.jumps.of++;
      const mine = spans.filter((s) => s.first.page === p && s.first.article === k);
      const want = sourceText(source);
      let outcome: Outcome;
      if (mine.length === 0) outcome = 'merged';
      else if (mine.length > 1) outcome = 'split';
      else {
        const got = recordText(mine[0]!.r);
        const last = mine[0]!.last;
        const runsOn = !jumped && (last.page !== p || last.article !== k);
        outcome = got === want ? 'exact' : narrow(got) === narrow(want) ? 'punctuation' : runsOn ? 'merged' : 'differs';
        if (outcome === 'differs') {
          let i = 0;
          while (i < got.length && got[i] === want[i]) i++;
          case_(outcome, truth.id, `from “${want.slice(Math.max(0, i - 6), i)}|”: record “${got.slice(i, i + 14)}”, source “${want.slice(i, i + 14)}”`);
        }
      }
      if (outcome !== 'exact' && outcome !== 'differs') case_(outcome, truth.id, `${mine.length} records start in it`);
      if (jumped && (outcome === 'exact' || outcome === 'punctuation')) score.jumps.joined++;
      score.outcomes[outcome]++;
    });
  });
}

export interface ExportEvalResult {
  readonly corpus: string;
  readonly issues: number;
  readonly scores: Record<Rendering, { clean: ExportScore; damaged: ExportScore }>;
}

/** Every article of a corpus by its id. */
export function sourceArticles(corpusDir: string): Map<string, SourceArticle> {
  const sources = new Map<string, SourceArticle>();
  for (const issue of readCorpus(corpusDir).issues) for (const page of issue.pages) for (const a of page.articles) sources.set(a.id, a);
  return sources;
}

export function evalExport(corpusDir: string, renderings: readonly Rendering[], words: Words, segmenter: Segmenter, seed = 1): ExportEvalResult {
  const sources = sourceArticles(corpusDir);
  const scores = {} as ExportEvalResult['scores'];
  let issues = 0;
  for (const rendering of renderings) {
    const built = buildIssues(corpusDir, rendering, words, seed);
    issues = built.issues.length;
    const clean = emptyExportScore();
    const damaged = emptyExportScore();
    for (const issue of built.issues) {
      scoreIssue(issue.clean, sources, segmenter, clean);
      scoreIssue(issue.damaged, sources, segmenter, damaged);
    }
    scores[rendering] = { clean, damaged };
  }
  return { corpus: corpusDir, issues, scores };
}
