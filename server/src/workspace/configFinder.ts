/**
 * Finding and reading `.newsprint.json` above a page file, for the checker
 * and the server alike: from the file's folder up to a root (the workspace
 * folder in the editor, so a file above it, in the home folder, is never
 * read or written), from its resolved path however it was given. A config
 * file that cannot be read or parsed is reported, and nothing of it applies.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { t } from '../l10n/t';
import { CONFIG_FILE, EMPTY_CONFIG, parseWorkspaceConfig, type WorkspaceConfig } from './configFile';

export interface FoundConfig {
  readonly config: WorkspaceConfig;
  /** Folder holding the config file, or the file's own folder when there is none. */
  readonly root: string;
  readonly path?: string;
  /** What was wrong with it, for people. */
  readonly problems: string[];
  /** Set when nothing of the file applies: it cannot be read, or is not JSON. */
  readonly unusable?: boolean;
}

/** Whether `dir` is `root` or inside it. */
function within(dir: string, root: string): boolean {
  const rel = relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/** What identifies a version of a file on disk, to tell a cached read from a stale one. */
function stamp(path: string): string | undefined {
  try {
    const st = statSync(path);
    return `${st.isFile() ? 'f' : 'd'}:${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    return undefined;
  }
}

function read(path: string, dir: string): FoundConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? t('is a folder, not a file; nothing of it applies') : t`cannot be read (${code ?? 'error'}); nothing of it applies`;
    return { config: EMPTY_CONFIG, root: dir, path, problems: [why], unusable: true };
  }
  // Told by the parser, not read from its words: they are in the display language.
  const { config, problems, unusable } = parseWorkspaceConfig(text);
  return { config, root: dir, path, problems, ...(unusable ? { unusable } : {}) };
}

export class ConfigFinder {
  private readonly cache = new Map<string, { found: FoundConfig; stamp: string | undefined }>();

  /** Forget what was read, after a config file changed on disk. */
  clear(): void {
    this.cache.clear();
  }

  /**
   * The config of a file, however its path is spelt (`01.txt` and `.` walk
   * up from where they really are), looked for up to `root` and no further;
   * without a root, up to the top of the file system.
   */
  forFile(file: string, root?: string): FoundConfig {
    const start = dirname(resolve(file));
    const stop = root === undefined ? undefined : resolve(root);
    const key = `${start}\0${stop ?? ''}`;
    const cached = this.cache.get(key);
    // A config read before is used while it is unchanged on disk: a hand edit or a pull with no watcher to tell is still seen.
    if (cached && (!cached.found.path || stamp(cached.found.path) === cached.stamp)) return cached.found;
    let dir = start;
    let found: FoundConfig | undefined;
    while (!stop || within(dir, stop)) {
      const path = join(dir, CONFIG_FILE);
      if (stamp(path) !== undefined) {
        found = read(path, dir);
        break;
      }
      const up = dirname(dir);
      if (up === dir || (stop !== undefined && dir === stop)) break;
      dir = up;
    }
    const result = found ?? { config: EMPTY_CONFIG, root: start, problems: [] };
    this.cache.set(key, { found: result, stamp: result.path ? stamp(result.path) : undefined });
    return result;
  }
}

/** A file's path relative to a config file's folder, with forward slashes: how `.newsprint.json` names files. */
export function relativeKey(root: string, file: string): string {
  return relative(root, resolve(file)).split(sep).join('/');
}
