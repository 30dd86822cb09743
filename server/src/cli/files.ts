/**
 * Which files the checker reads: the paths given, and files with a page
 * extension found in folders below them, walked as the server's index walks
 * them (which of those are pages is decided once their text is read). A
 * path named on the command line that is not a regular file or a folder (a
 * FIFO, a device) is refused: reading it could wait forever.
 */
import { stat } from 'node:fs/promises';
import { walkPageFiles } from '../workspace/pageWalk';
import type { CheckTarget } from './checkIssue';
import { t } from '../l10n/t';

/** The checker's walk goes as deep as the server's; it has no cap on files, a person chose the folder. */
const WALK = { maxFiles: Number.MAX_SAFE_INTEGER, maxDepth: 12 };

export interface Collected {
  readonly files: CheckTarget[];
  readonly errors: string[];
  /** Left out of folders, with why: symbolic links. */
  readonly skipped: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

export async function collectFiles(paths: readonly string[]): Promise<Collected> {
  const files: CheckTarget[] = [];
  const errors: string[] = [];
  const skipped: Array<{ path: string; reason: string }> = [];
  const named = new Set<string>();
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      errors.push(t`${p}: no such file or folder`);
      continue;
    }
    if (st.isDirectory()) {
      const walked = await walkPageFiles(p, WALK);
      for (const f of walked.files) if (!named.has(f)) files.push({ path: f, named: false });
      skipped.push(...walked.skipped);
    } else if (st.isFile()) {
      files.push({ path: p, named: true });
      named.add(p);
    } else errors.push(t`${p}: not a regular file (a pipe, socket or device); skipped`);
  }
  return { files, errors, skipped };
}
