/**
 * Which files form an issue. The pages of one folder are one issue (01.txt,
 * 02.txt, A03.txt…); a file that holds several pages separated by page lines
 * is an issue of its own, so a folder of one-file issues keeps them apart.
 */
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

function comparePages(a: IssuePage, b: IssuePage): number {
  const ra = a.page.ref;
  const rb = b.page.ref;
  if (ra && rb) {
    const s = (ra.section ?? '').localeCompare(rb.section ?? '');
    if (s !== 0) return s;
    if (ra.number !== rb.number) return ra.number - rb.number;
  } else if (ra || rb) return ra ? -1 : 1;
  return a.file.uri < b.file.uri ? -1 : a.file.uri > b.file.uri ? 1 : a.pageIndex - b.pageIndex;
}

export function makeIssue(id: string, files: readonly IndexedFile[]): Issue {
  const pages: IssuePage[] = [];
  for (const file of files) file.pages.forEach((page, pageIndex) => pages.push({ file, page, pageIndex }));
  pages.sort(comparePages);
  return { id, name: nameOf(id), files, pages };
}
