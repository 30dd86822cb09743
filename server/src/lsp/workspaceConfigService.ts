/**
 * `.newsprint.json` for open documents: found above the document like the
 * checker finds it, rewritten when a person ignores a finding or turns a
 * rule off, and forgotten when it changes on disk.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleId } from '../rules/finding';
import { CONFIG_FILE, EMPTY_CONFIG, withIgnored, withRuleOff, type WorkspaceConfig } from '../workspaceConfig';
import { ConfigFinder, relativeKey, type FoundConfig } from '../workspaceConfigFiles';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class WorkspaceConfigService {
  private readonly finder = new ConfigFinder();
  private folders: string[] = [];

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(uriToPath).filter((p): p is string => p !== undefined);
  }

  changed(): void {
    this.finder.clear();
  }

  /** The config that applies to a document; virtual and untitled documents get none. */
  forDocument(uri: string): { found: FoundConfig; relative: string } | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const found = this.finder.forFile(path);
    return { found, relative: relativeKey(found.root, path) };
  }

  /** Where a new config file goes: the workspace folder holding the document, else its folder. */
  private targetFor(path: string, found: FoundConfig): string {
    if (found.path) return found.path;
    const folder = this.folders.filter((f) => path.startsWith(f + '/') || path.startsWith(f + '\\')).sort((a, b) => b.length - a.length)[0];
    return join(folder ?? dirname(path), CONFIG_FILE);
  }

  private write(uri: string, update: (config: WorkspaceConfig, relative: string) => string): string {
    const path = uriToPath(uri);
    if (!path) throw new Error('only files on disk can be configured');
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

  ignore(uri: string, rule: RuleId, fingerprint: string, text: string): string {
    return this.write(uri, (config, file) => withIgnored(config, { rule, fingerprint, file, text }));
  }

  ruleOff(uri: string, rule: RuleId, scope: 'file' | 'workspace'): string {
    return this.write(uri, (config, file) => withRuleOff(config, rule, scope === 'file' ? file : undefined));
  }
}
