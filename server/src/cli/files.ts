/** Which files the checker reads: the paths given, and page files found in folders below them. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Extensions of raw page text. */
export const PAGE_EXTENSIONS = ['.txt', '.newsprint', '.np'];

function isPageFile(name: string): boolean {
  return PAGE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}

export interface Collected {
  readonly files: string[];
  readonly errors: string[];
}

export function collectFiles(paths: readonly string[]): Collected {
  const files: string[] = [];
  const errors: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (err) {
      errors.push(`${dir}: cannot read folder: ${(err as Error).message}`);
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (depth < 12) walk(full, depth + 1);
      } else if (st.isFile() && isPageFile(name)) files.push(full);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      errors.push(`${p}: no such file or folder`);
      continue;
    }
    if (st.isDirectory()) walk(p, 0);
    else files.push(p);
  }
  return { files, errors };
}
