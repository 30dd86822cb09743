/** The page a file holds, from its name: 01.txt, A02.txt, 第二版.txt, page-3.txt, 2版.txt. */
import { parsePageRef, type PageRef } from '../text/numerals';

const PATTERNS = [/^(?:page|p|pg)[-_ ]?([A-Za-z]?\d{1,3})$/i, /^(第?[A-Za-z]?[0-9]{1,3}|第?[零〇一二两三四五六七八九十]{1,4})[版页]?$/];

/** A compiled pattern over file names: a RegExp, or the adapter of a linear-time engine. */
export interface NamePattern {
  exec(base: string): ArrayLike<string | undefined> | null;
}

export function pageRefFromFileName(fileName: string, pattern?: NamePattern): PageRef | undefined {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .replace(/\.np$/, '');
  if (pattern) {
    const m = pattern.exec(base);
    const page = m ? (m[1] ?? m[0]) : undefined;
    return page === undefined ? undefined : parsePageRef(page);
  }
  for (const re of PATTERNS) {
    const m = re.exec(base);
    if (m) {
      const ref = parsePageRef(m[1]!);
      if (ref) return { ...ref, label: base };
    }
  }
  return undefined;
}
