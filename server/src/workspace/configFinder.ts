/** Finding and reading `.newsprint.json` above a page file, for the checker and the server alike. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, EMPTY_CONFIG, parseWorkspaceConfig, type WorkspaceConfig } from './configFile';

export interface FoundConfig {
  readonly config: WorkspaceConfig;
  /** Folder holding the config file, or the file's own folder when there is none. */
  readonly root: string;
  readonly path?: string;
  readonly problems: string[];
}

export class ConfigFinder {
  private readonly cache = new Map<string, FoundConfig>();

  /** Forget what was read, after a config file changed on disk. */
  clear(): void {
    this.cache.clear();
  }

  /** The config of a file, however its path is spelt: `01.txt` and `.` walk up from where they really are. */
  forFile(file: string): FoundConfig {
    const start = dirname(resolve(file));
    let dir = start;
    for (;;) {
      const cached = this.cache.get(dir);
      if (cached) return cached;
      const path = join(dir, CONFIG_FILE);
      if (existsSync(path)) {
        const { config, problems } = parseWorkspaceConfig(readFileSync(path, 'utf8'));
        const found = { config, root: dir, path, problems };
        this.cache.set(dir, found);
        return found;
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    const none = { config: EMPTY_CONFIG, root: start, problems: [] };
    this.cache.set(start, none);
    return none;
  }
}

/** A file's path relative to a config file's folder, with forward slashes: how `.newsprint.json` names files. */
export function relativeKey(root: string, file: string): string {
  return relative(root, resolve(file)).split(sep).join('/');
}
