/**
 * Workspace symbols: every article of every issue by its headline, so
 * “Go to Symbol in Workspace” finds 熊征宇 on whichever page it stands.
 */
import type { Range } from '../text/positions';
import { normalizeHeadline } from './headlines';
import type { IssueIndex } from './issueIndex';
import type { IndexedArticle } from './pageSummary';

export interface ArticleSymbol {
  readonly name: string;
  readonly kind: IndexedArticle['kind'];
  readonly uri: string;
  readonly range: Range;
  /** The issue and page: cjrb-2026-01-08 · 2版. */
  readonly container: string;
}

/** Every character of the query, in order, somewhere in the name: how editors filter symbols too. */
function subsequence(query: string, name: string): boolean {
  let i = 0;
  for (let k = 0; k < name.length && i < query.length; k++) if (name[k] === query[i]) i++;
  return i === query.length;
}

/**
 * Articles whose headline holds the query, then those that hold its
 * characters in order, up to `limit`: a query over a year of pages answers
 * with the best matches first, not the first pages. 256 is what a symbol
 * picker can show usefully (rust-analyzer stops at 128); a person narrows the
 * query rather than scrolls.
 */
export function articleSymbols(index: IssueIndex, query: string, limit = 256): ArticleSymbol[] {
  const q = normalizeHeadline(query);
  const exact: ArticleSymbol[] = [];
  const loose: ArticleSymbol[] = [];
  for (const issue of index.issues()) {
    for (const { file, page } of issue.pages) {
      for (const a of page.articles) {
        // Teaser boxes point at articles elsewhere; they are not articles themselves.
        if (a.kind === 'teaser') continue;
        const contained = a.key.includes(q);
        if (!contained && (loose.length + exact.length >= limit || !subsequence(q, a.key))) continue;
        (contained ? exact : loose).push({ name: a.name, kind: a.kind, uri: file.uri, range: a.selection, container: `${issue.name} · ${page.label}` });
        if (exact.length >= limit) return exact;
      }
    }
  }
  return [...exact, ...loose].slice(0, limit);
}
