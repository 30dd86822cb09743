/** Finding and reading `.newsprint.json` above a page file, for the checker and the server alike. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CONFIG_FILE, EMPTY_CONFIG, parseWorkspaceConfig, type WorkspaceConfig } from './workspaceConfig';

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

  forFile(file: string): FoundConfig {
    const start = dirname(file);
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

export function relativeKey(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
