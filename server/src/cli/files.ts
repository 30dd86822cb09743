/**
 * Which files the checker reads: the paths given, and files with a page
 * extension found in folders below them (which of those are pages is
 * decided once their text is read, by the rule the server uses).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hasPageExtension } from '../workspace/pageFiles';
import type { CheckTarget } from './checkIssue';

export interface Collected {
  readonly files: CheckTarget[];
  readonly errors: string[];
}

export function collectFiles(paths: readonly string[]): Collected {
  const files: CheckTarget[] = [];
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
      } else if (st.isFile() && hasPageExtension(name)) files.push({ path: full, named: false });
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
    else files.push({ path: p, named: true });
  }
  return { files, errors };
}
