/**
 * The fixes of findings the issue makes about a file, which no page's own
 * analysis holds: missing-byline on an article that jumps offers the page
 * rule's insertion. Found in the file's own page summaries, so a fix is never
 * older than the text; the editor's code actions and the checker's JSON both
 * take them from here.
 */
import type { IndexedPage } from './pageSummary';
import type { Fix, RuleId } from '../rules/finding';
import { insertSourceLine } from '../rules/missingByline';

/** `line`: the finding's first line, which tells apart findings of like text on different pages. */
export function issueFindingFixes(pages: readonly IndexedPage[], rule: RuleId, fingerprint: string, line: number): Fix[] {
  if (rule !== 'missing-byline') return [];
  for (const page of pages) {
    for (const a of page.articles) {
      const u = a.unsourced;
      if (u && u.fingerprint === fingerprint && u.range.start.line === line) return [insertSourceLine(u.insert.at, u.insert.text)];
    }
  }
  return [];
}
