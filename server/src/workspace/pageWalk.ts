/**
 * Walking a folder for files with a page extension, for the server's index
 * and the checker alike. Symbolic links are not followed (a repository's link
 * to a folder outside it, or to itself, leads nowhere), no folder is visited
 * twice, hidden folders and node_modules are left out, and the walk stops at
 * a depth and a number of files. Which of the files are pages is decided
 * once their text is read (pageFiles.ts).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { hasPageExtension } from './pageFiles';
import { t } from '../l10n/t';

export interface Walked {
  /** Files with a page extension, in name order, folder by folder. */
  readonly files: string[];
  /** What was left out and why, for the checker to list. */
  readonly skipped: Array<{ readonly path: string; readonly reason: string }>;
  /** Set when the walk stopped at the number of files. */
  readonly truncated: boolean;
}

export interface WalkOptions {
  readonly maxFiles: number;
  readonly maxDepth: number;
}

export async function walkPageFiles(root: string, options: WalkOptions): Promise<Walked> {
  const files: string[] = [];
  const skipped: Array<{ path: string; reason: string }> = [];
  const seen = new Set<string>();
  let truncated = false;
  const visit = async (dir: string, depth: number): Promise<void> => {
    let id: string;
    try {
      const st = await stat(dir);
      id = `${st.dev}:${st.ino}`;
    } catch {
      return;
    }
    // A folder reached twice (a bind mount, a loop) is read once.
    if (seen.has(id)) return;
    seen.add(id);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (files.length >= options.maxFiles) {
        truncated = true;
        return;
      }
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = join(dir, e.name);
      if (e.isSymbolicLink()) {
        if (hasPageExtension(e.name)) skipped.push({ path: full, reason: t('a symbolic link (name it to check the file it points to)') });
        continue;
      }
      if (e.isDirectory()) {
        if (depth < options.maxDepth) await visit(full, depth + 1);
      } else if (e.isFile() && hasPageExtension(e.name)) files.push(full);
    }
  };
  await visit(root, 0);
  return { files, skipped, truncated };
}
