/**
 * The one way Newsprint writes a file: the checker's --fix, Ignore and Turn
 * off all come here. A file is read with a snapshot of what it was, and
 * replaced only if it still is: through a temporary file created exclusively
 * under a random name in the same folder (so nothing planted there can be
 * followed), with the file's mode and owner, then renamed over it. A page is
 * never left half written, a symbolic link stays a link to the file it names,
 * and what cannot be done without harm is not done and said why: a file
 * with other hard links, a read-only file, a file that changed meanwhile.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  accessSync,
  constants,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { t } from '../l10n/t';

/** What a file was when it was read: a write goes through only if it still is. */
export interface FileSnapshot {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly dev: number;
}

export type WriteResult = { readonly written: true; readonly path: string } | { readonly written: false; readonly reason: string };

function snapshotOf(st: Stats): FileSnapshot {
  return { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, dev: st.dev };
}

const same = (a: FileSnapshot, b: FileSnapshot) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.dev === b.dev;

/** A file's bytes and its snapshot, taken from the one open file, so they agree. */
export function readWithSnapshot(path: string): { bytes: Buffer; snapshot: FileSnapshot } {
  const fd = openSync(path, 'r');
  try {
    const snapshot = snapshotOf(fstatSync(fd));
    return { bytes: readFileSync(fd), snapshot };
  } finally {
    closeSync(fd);
  }
}

/** The snapshot of a file as it is now, or undefined when there is none. */
export function currentSnapshot(path: string): FileSnapshot | undefined {
  try {
    return snapshotOf(statSync(path));
  } catch {
    return undefined;
  }
}

/** The file a path names: itself, or what a symbolic link at the path points to. */
function target(path: string): string {
  try {
    return lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
  } catch {
    return path;
  }
}

function temporaryName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomBytes(8).toString('hex')}.newsprint-tmp`);
}

/** Why a file may not be replaced, if it may not. */
function refusal(st: Stats, path: string): string | undefined {
  if (!st.isFile()) return t`${path} is not a regular file`;
  if (st.nlink > 1) return t`${path} has ${st.nlink} hard links, and rewriting it would split them`;
  // Mode bits, not only access(): root may write anywhere, but a file marked read-only is left as it is.
  if ((st.mode & 0o222) === 0) return t`${path} is read-only`;
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return t`${path} is not writable`;
  }
  return undefined;
}

/** Makes a folder and the folders above it, for files written under a new one (an export's --out). */
export function makeFolder(path: string): void {
  mkdirSync(path, { recursive: true });
}

export interface ReplaceOptions {
  /** What the file was when read; the write is refused if it is no longer. Without it, the file must not exist yet. */
  readonly expect?: FileSnapshot;
}

/**
 * Replaces (or creates) the file at `path` with `content`. Refusals are
 * returned, never thrown; errors of the file system (a full disk) are
 * thrown, with the temporary file already gone.
 */
export function replaceFile(path: string, content: string | Uint8Array, options: ReplaceOptions = {}): WriteResult {
  const file = target(path);
  let st: Stats | undefined;
  try {
    st = statSync(file);
  } catch {
    st = undefined;
  }
  if (options.expect) {
    if (!st) return { written: false, reason: t`${path} is gone since it was read` };
    if (!same(snapshotOf(st), options.expect)) return { written: false, reason: t`${path} changed on disk since it was read` };
  } else if (st) return { written: false, reason: t`${path} appeared on disk meanwhile` };
  const refused = st ? refusal(st, path) : undefined;
  if (refused) return { written: false, reason: refused };

  let tmp = '';
  let fd = -1;
  for (let attempt = 0; fd < 0; attempt++) {
    tmp = temporaryName(file);
    try {
      // Exclusive: whatever sits at the name (a file, a link planted there) is never opened, let alone followed.
      fd = openSync(tmp, 'wx', st ? 0o600 : 0o666);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw err;
    }
  }
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    if (st) {
      fchmodSync(fd, st.mode & 0o7777);
      if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || st.gid !== process.getgid?.())) {
        try {
          fchownSync(fd, st.uid, st.gid);
        } catch {
          closeSync(fd);
          fd = -1;
          unlinkSync(tmp);
          return { written: false, reason: t`${path} belongs to another user, and rewriting it would make it yours` };
        }
      }
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    // Checked again at the last moment: a line appended while the fix was worked out must not be lost.
    const now = currentSnapshot(file);
    if (options.expect ? !now || !same(now, options.expect) : now !== undefined) {
      unlinkSync(tmp);
      return { written: false, reason: t`${path} changed on disk while it was being fixed` };
    }
    renameSync(tmp, file);
  } catch (err) {
    if (fd >= 0) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or gone
    }
    throw err;
  }
  return { written: true, path: file };
}
