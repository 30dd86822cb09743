/**
 * Which files are pages, and which page each one is: the one rule the
 * server's index and the checker share. A file is a page when its name
 * gives a page number (01.txt, A02.txt, 第二版.txt, or the workspace's
 * pattern), when its extension says it is newspaper text (.newsprint, .np,
 * .np.txt), or when it holds a page line (第2版 要闻).
 */
import { matchPageLine } from '../model/conventions';
import { pageRefFromFileName, type NamePattern } from '../model/pageNames';
import type { PageRef } from '../text/numerals';
import { t } from '../l10n/t';

/** Extensions of raw page text. */
export const PAGE_EXTENSIONS = ['.txt', '.newsprint', '.np'];
/** The same, as a glob for file watchers. */
export const PAGE_FILE_GLOB = '**/*.{txt,newsprint,np}';

/** Files of the language by their extension: pages even when their name gives no page number. */
const LANGUAGE_FILE = /\.(?:newsprint|np|np\.txt)$/i;

export function hasPageExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return PAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Whether the text holds a page line: short lines of their own, so long lines of other kinds of .txt are never matched against it. */
export function hasPageLine(text: string): boolean {
  for (const line of text.split(/\r\n|\r|\n/)) {
    const s = line.trim();
    if (s.length > 0 && s.length <= 30 && /[版A-Z]/.test(s) && matchPageLine(s)) return true;
  }
  return false;
}

/** The page a file's name gives, by the workspace's pattern or the built-in ones. */
export function pageRefOf(path: string, pattern?: NamePattern): PageRef | undefined {
  return pageRefFromFileName(path, pattern);
}

export type PageTest = { readonly page: true; readonly ref?: PageRef } | { readonly page: false; readonly reason: string };

/** Whether a file is a page, and if not, why not (for the checker's list of files it skipped). */
export function pageTest(path: string, text: string, pattern?: NamePattern): PageTest {
  const ref = pageRefOf(path, pattern);
  if (ref) return { page: true, ref };
  if (LANGUAGE_FILE.test(path) || hasPageLine(text)) return { page: true };
  return {
    page: false,
    reason: pattern ? t('its name does not match pageFileNamePattern and it holds no page line') : t('its name gives no page number and it holds no page line'),
  };
}
