/**
 * Which files form an issue. The pages of one folder are one issue (01.txt,
 * 02.txt, A03.txt…); a file that holds several pages separated by page lines
 * is an issue of its own, so a folder of one-file issues keeps them apart.
 */
import type { PageRef } from '../text/numerals';
import type { IndexedFile, IndexedPage } from './pageSummary';

export interface IssuePage {
  readonly file: IndexedFile;
  readonly page: IndexedPage;
  /** Which page of its file: 0 unless the file holds several. */
  readonly pageIndex: number;
}

export interface Issue {
  /** The folder's URI, or the file's for a one-file issue. */
  readonly id: string;
  /** The folder's or file's name: what people call the issue (cjrb-2026-01-08). */
  readonly name: string;
  readonly files: readonly IndexedFile[];
  /** In page order: by section, then number; pages with no number last. */
  readonly pages: readonly IssuePage[];
}

/** The URI of the folder holding a file, or the URI itself when it has no path (untitled:Untitled-1). */
export function folderOf(uri: string): string {
  const cut = uri.lastIndexOf('/');
  return cut > uri.indexOf(':') + 1 ? uri.slice(0, cut) : uri;
}

function nameOf(id: string): string {
  const base = id.slice(id.lastIndexOf('/') + 1) || id;
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

/**
 * Pages in page order: by section, then number; a file's page with no number
 * of its own (the text above a one-file issue's first page line) stands
 * right before the next page of its file that has one; pages with no number
 * at all come last.
 */
function sortKeys(file: IndexedFile): Array<PageRef | undefined> {
  const keys: Array<PageRef | undefined> = file.pages.map((p) => p.ref);
  for (let i = keys.length - 2; i >= 0; i--) keys[i] ??= keys[i + 1];
  return keys;
}

function comparePages(a: IssuePage & { key?: PageRef }, b: IssuePage & { key?: PageRef }): number {
  const ra = a.key;
  const rb = b.key;
  if (ra && rb) {
    const s = (ra.section ?? '').localeCompare(rb.section ?? '');
    if (s !== 0) return s;
    if (ra.number !== rb.number) return ra.number - rb.number;
  } else if (ra || rb) return ra ? -1 : 1;
  return a.file.uri < b.file.uri ? -1 : a.file.uri > b.file.uri ? 1 : a.pageIndex - b.pageIndex;
}

export function makeIssue(id: string, files: readonly IndexedFile[]): Issue {
  const pages: Array<IssuePage & { key?: PageRef }> = [];
  for (const file of files) {
    const keys = sortKeys(file);
    file.pages.forEach((page, pageIndex) => {
      const key = keys[pageIndex];
      pages.push({ file, page, pageIndex, ...(key ? { key } : {}) });
    });
  }
  pages.sort(comparePages);
  return { id, name: nameOf(id), files, pages: pages.map(({ file, page, pageIndex }) => ({ file, page, pageIndex })) };
}
