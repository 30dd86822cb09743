/**
 * Writing `.newsprint.json` when a person ignores a finding or turns a rule
 * off: the file above the page if there is one, else a new one at the root
 * of the workspace folder holding the page (or beside the page).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { RuleId } from '../rules/finding';
import { CONFIG_FILE, EMPTY_CONFIG, withIgnored, withRuleOff, type WorkspaceConfig } from './configFile';
import { relativeKey, type ConfigFinder, type FoundConfig } from './configFinder';

export class ConfigWriter {
  private folders: string[] = [];

  constructor(private readonly finder: ConfigFinder) {}

  /** Workspace folders, as paths: where a new config file goes. */
  setFolders(paths: readonly string[]): void {
    this.folders = [...paths];
  }

  private targetFor(path: string, found: FoundConfig): string {
    if (found.path) return found.path;
    const folder = this.folders.filter((f) => path.startsWith(f.endsWith(sep) ? f : f + sep)).sort((a, b) => b.length - a.length)[0];
    return join(folder ?? dirname(path), CONFIG_FILE);
  }

  private write(path: string, update: (config: WorkspaceConfig, relative: string) => string): string {
    const found = this.finder.forFile(path);
    const target = this.targetFor(path, found);
    const config = found.path ? found.config : EMPTY_CONFIG;
    const text = update(config, relativeKey(dirname(target), path));
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, target);
    this.finder.clear();
    return target;
  }

  /** Records an ignored finding for one file (and one page of a one-file issue); returns the config file written. */
  ignore(path: string, rule: RuleId, fingerprint: string, text: string, page?: string): string {
    return this.write(path, (config, file) => withIgnored(config, { rule, fingerprint, file, ...(page ? { page } : {}), text }));
  }

  ruleOff(path: string, rule: RuleId, scope: 'file' | 'workspace'): string {
    return this.write(path, (config, file) => withRuleOff(config, rule, scope === 'file' ? file : undefined));
  }
}
