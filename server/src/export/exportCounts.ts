/** What an export did, counted: said on the checker's stderr and in the editor's message, so nothing is dropped unsaid. */
import type { RuleId } from '../rules/finding';
import type { DroppedKind, ExportedIssue } from './exportedIssue';

export interface ExportCounts {
  issues: number;
  pages: number;
  articles: number;
  /** Records made of parts on two or more pages. */
  joined: number;
  /** Records missing a jump's other part. */
  incomplete: number;
  notes: number;
  dropped: Record<DroppedKind, number>;
  /** Certain fixes applied, by rule. */
  fixes: Partial<Record<RuleId, number>>;
}

export function emptyCounts(): ExportCounts {
  return { issues: 0, pages: 0, articles: 0, joined: 0, incomplete: 0, notes: 0, dropped: { furniture: 0, 'page-line': 0, marker: 0, 'repeated-headline': 0 }, fixes: {} };
}

export function addIssue(into: ExportCounts, issue: ExportedIssue): ExportCounts {
  into.issues++;
  into.pages += issue.pages.length;
  into.articles += issue.articles.length;
  into.notes += issue.notes.length;
  for (const a of issue.articles) {
    if (a.pages.length > 1) into.joined++;
    if (!a.complete) into.incomplete++;
    into.notes += a.notes.length;
  }
  for (const d of issue.dropped) into.dropped[d.kind]++;
  for (const f of issue.files) for (const [rule, n] of Object.entries(f.fixes) as Array<[RuleId, number]>) into.fixes[rule] = (into.fixes[rule] ?? 0) + n;
  return into;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const FIX_WORDS: Partial<Record<RuleId, (n: number) => string>> = {
  'broken-wrap': (n) => `${plural(n, 'cut')} joined`,
  'spaced-headline': (n) => `${plural(n, 'spread headline')} closed up`,
  // One fix per page and pass: it widens every half-width mark of the page at once.
  'halfwidth-punctuation': (n) => `${plural(n, 'punctuation fix', 'punctuation fixes')} (half-width marks made full width)`,
};

/** One line for people: exported 15 articles from 2 pages of 1 issue (6 joined across pages, …); left out …; certain fixes: …. */
export function describeCounts(c: ExportCounts): string {
  const about = [`${c.joined} joined across pages`, `${c.incomplete} missing a jump's other part`, plural(c.notes, 'note')];
  const left = [
    plural(c.dropped.marker, 'continuation marker'),
    plural(c.dropped['repeated-headline'], 'repeated headline'),
    plural(c.dropped.furniture, 'furniture line'),
    ...(c.dropped['page-line'] ? [plural(c.dropped['page-line'], 'page line')] : []),
  ];
  const fixes = (Object.entries(c.fixes) as Array<[RuleId, number]>).map(([rule, n]) => FIX_WORDS[rule]?.(n) ?? `${n} ${rule} fixed`);
  return `exported ${plural(c.articles, 'article')} from ${plural(c.pages, 'page')} of ${plural(c.issues, 'issue')} (${about.join(', ')}); left out ${left.join(', ')}; certain fixes: ${fixes.length > 0 ? fixes.join(', ') : 'none needed'}`;
}
