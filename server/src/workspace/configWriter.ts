/**
 * Writing `.newsprint.json` when a person ignores a finding or turns a rule
 * off: the file above the page within the workspace if there is one, else a
 * new one at the root of the workspace folder holding the page (or beside
 * the page). The file is read again just before, edited in place, and
 * written through the one safe write; a file that is not valid JSON is
 * never written over.
 */
import { existsSync, lstatSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RuleId } from '../rules/finding';
import { CONFIG_FILE, syntaxError } from './configFile';
import { withIgnored, withRuleOff } from './configEdits';
import { relativeKey, type ConfigFinder } from './configFinder';
import { readWithSnapshot, replaceFile, type FileSnapshot } from './safeWrite';
import { t } from '../l10n/t';

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

export type ConfigWrite = { readonly written: true; readonly path: string } | { readonly written: false; readonly reason: string };

export class ConfigWriter {
  constructor(
    private readonly finder: ConfigFinder,
    /** The workspace folder (a path) holding a file, where the search stops and a new config file goes. */
    private readonly rootOf: (path: string) => string | undefined,
  ) {}

  private targetFor(path: string): string {
    const root = this.rootOf(path);
    const found = this.finder.forFile(path, root);
    return found.path ?? join(root ?? dirname(path), CONFIG_FILE);
  }

  private write(path: string, update: (text: string, relative: string) => string): ConfigWrite {
    const target = this.targetFor(path);
    let text = '';
    let snapshot: FileSnapshot | undefined;
    if (isLink(target)) return { written: false, reason: t`${target} is a symbolic link; Newsprint writes only a config file of the workspace's own` };
    if (existsSync(target)) {
      // Read now, not from what was cached: a hand edit or another window's ignore since then is kept.
      let read: { bytes: Buffer; snapshot: FileSnapshot };
      try {
        read = readWithSnapshot(target);
      } catch (err) {
        return { written: false, reason: t`${target} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
      }
      text = read.bytes.toString('utf8');
      snapshot = read.snapshot;
      const broken = syntaxError(text.replace(/^\uFEFF/, ''));
      if (broken) return { written: false, reason: t`${target} is not valid JSON at ${broken}; fix it, and Newsprint will add to it` };
    }
    const bom = text.startsWith('\uFEFF');
    const body = update(bom ? text.slice(1) : text, relativeKey(dirname(target), path));
    const result = replaceFile(target, (bom ? '\uFEFF' : '') + body, snapshot ? { expect: snapshot } : {});
    this.finder.clear();
    return result.written ? { written: true, path: target } : result;
  }

  /** Records an ignored finding for one file (and one page of a one-file issue). */
  ignore(path: string, rule: RuleId, fingerprint: string, text: string, page?: string): ConfigWrite {
    return this.write(path, (current, file) => withIgnored(current, { rule, fingerprint, file, ...(page ? { page } : {}), text }));
  }

  ruleOff(path: string, rule: RuleId, scope: 'file' | 'workspace'): ConfigWrite {
    return this.write(path, (current, file) => withRuleOff(current, rule, scope === 'file' ? file : undefined));
  }
}
