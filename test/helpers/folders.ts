/** Temporary folders for a test file, each removed once the file's tests are done. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** A maker of fresh folders named `newsprint-<name>-…`; call it at the top level of a test file. */
export function temporaryFolders(name: string): () => string {
  const made: string[] = [];
  after(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), `newsprint-${name}-`));
    made.push(d);
    return d;
  };
}
