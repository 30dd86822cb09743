/**
 * The edits Newsprint makes to `.newsprint.json`, on its text: only the keys
 * it owns change (one more entry under `ignore`, one rule's level), and the
 * rest of the file stays as the person wrote it, comments, unknown keys and
 * layout included.
 */
// The ES module build: the UMD one that `main` names loads its parts with a require esbuild cannot follow.
import { applyEdits, modify, parse, type FormattingOptions } from 'jsonc-parser/lib/esm/main.js';
import type { RuleId } from '../rules/finding';
import type { IgnoredFinding } from './configFile';

/** The file's own indentation and line ends, so an inserted entry looks like the rest. */
function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent ? indent.length : 2, eol };
}

function edited(text: string, path: Array<string | number>, value: unknown, isArrayInsertion = false): string {
  const source = text.trim() === '' ? '{}' : text;
  const out = applyEdits(source, modify(source, path, value, { formattingOptions: formattingOf(source), isArrayInsertion }));
  return /\r?\n$/.test(out) ? out : out + formattingOf(source).eol;
}

/** The text with one more ignored finding; unchanged when the same one is there already. */
export function withIgnored(text: string, entry: IgnoredFinding): string {
  const current = (parse(text, [], { allowTrailingComma: true }) as { ignore?: unknown } | undefined)?.ignore;
  const list = Array.isArray(current) ? (current as Array<Partial<IgnoredFinding>>) : [];
  if (list.some((i) => i && i.fingerprint === entry.fingerprint && i.file === entry.file && i.page === entry.page)) return text;
  if (current !== undefined && !Array.isArray(current)) return edited(text, ['ignore'], [entry]);
  return edited(text, ['ignore', -1], entry, true);
}

/** The text with a rule turned off for the workspace, or for one file (relative to the config file) when `file` is given. */
export function withRuleOff(text: string, rule: RuleId, file?: string): string {
  return edited(text, file === undefined ? ['rules', rule] : ['files', file, 'rules', rule], 'off');
}
