/** What an export did, counted: said on the checker's stderr and in the editor's message, so nothing is dropped unsaid. */
import type { RuleId } from '../rules/finding';
import type { DroppedKind, ExportedIssue } from './exportedIssue';
import { counted, t } from '../l10n/t';

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

// Functions, so each is worded when said, in the language chosen then.
const FIX_WORDS: Partial<Record<RuleId, (n: number) => string>> = {
  'broken-wrap': (n) => counted(n, t('{0} cut joined'), t('{0} cuts joined')),
  'spaced-headline': (n) => counted(n, t('{0} spread headline closed up'), t('{0} spread headlines closed up')),
  // One fix per page and pass: it widens every half-width mark of the page at once.
  'halfwidth-punctuation': (n) => counted(n, t('{0} punctuation fix (half-width marks made full width)'), t('{0} punctuation fixes (half-width marks made full width)')),
};

/** One line for people: exported 15 articles from 2 pages of 1 issue (6 joined across pages, …); left out …; certain fixes: …. */
export function describeCounts(c: ExportCounts): string {
  const about = [t`${c.joined} joined across pages`, t`${c.incomplete} missing a jump's other part`, counted(c.notes, t('{0} note'), t('{0} notes'))];
  const left = [
    counted(c.dropped.marker, t('{0} continuation marker'), t('{0} continuation markers')),
    counted(c.dropped['repeated-headline'], t('{0} repeated headline'), t('{0} repeated headlines')),
    counted(c.dropped.furniture, t('{0} furniture line'), t('{0} furniture lines')),
    ...(c.dropped['page-line'] ? [counted(c.dropped['page-line'], t('{0} page line'), t('{0} page lines'))] : []),
  ];
  const fixes = (Object.entries(c.fixes) as Array<[RuleId, number]>).map(([rule, n]) => FIX_WORDS[rule]?.(n) ?? t`${n} ${rule} fixed`);
  const articles = counted(c.articles, t('{0} article'), t('{0} articles'));
  const pages = counted(c.pages, t('{0} page'), t('{0} pages'));
  const issues = counted(c.issues, t('{0} issue'), t('{0} issues'));
  const comma = t(', ');
  return t`exported ${articles} from ${pages} of ${issues} (${about.join(comma)}); left out ${left.join(comma)}; certain fixes: ${fixes.length > 0 ? fixes.join(comma) : t('none needed')}`;
}
