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
function matches(query: string, name: string): boolean {
  let i = 0;
  for (const ch of name) {
    if (i < query.length && ch === query[i]) i++;
  }
  return i === query.length;
}

export function articleSymbols(index: IssueIndex, query: string, limit = 2000): ArticleSymbol[] {
  const q = Array.from(normalizeHeadline(query));
  const out: ArticleSymbol[] = [];
  for (const issue of index.issues()) {
    for (const { file, page } of issue.pages) {
      for (const a of page.articles) {
        // Teaser boxes point at articles elsewhere; they are not articles themselves.
        if (a.kind === 'teaser') continue;
        if (q.length > 0 && !matches(q.join(''), normalizeHeadline(a.name))) continue;
        out.push({ name: a.name, kind: a.kind, uri: file.uri, range: a.selection, container: `${issue.name} · ${page.label}` });
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}
