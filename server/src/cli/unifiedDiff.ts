/**
 * What `--diff` prints: a file's fix-all as a unified diff, git-style paths
 * (a/…, b/…), so it reads like any review and applies with `patch -p1` or
 * `git apply`. jsdiff does the diffing: its hunks and its "no newline at end
 * of file" are what patch tools expect.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

export function unifiedDiff(path: string, before: string, after: string): string {
  const name = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}
