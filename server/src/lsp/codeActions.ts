/**
 * Code actions. Quick fixes are built from a diagnostic's data alone, never
 * from the range a client sends back with it; fix-all (source.fixAll.newsprint,
 * and per rule) is the session's fix-all of the current version as one
 * versioned edit of sorted, non-overlapping changes.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { isDiagnosticData, SOURCE } from '../diagnostics';
import type { FixAllResult } from '../fixes/fixAll';
import type { CrossPageFinding } from '../issue/crossPage';
import { rebuildEdits } from '../fixes/recipes';
import { FIX_ALL_KIND, IGNORE_COMMAND, RULE_OFF_COMMAND } from '../protocol';
import type { RuleId, TextEdit } from '../rules/finding';
import type { LineIndex } from '../text/positions';
import type { DocumentView } from '../workspace/session';
import { t } from '../l10n/t';

export interface IgnoreArgs {
  readonly uri: string;
  readonly rule: RuleId;
  readonly fingerprint: string;
  readonly text: string;
  readonly page?: string;
}

export interface RuleOffArgs {
  readonly uri: string;
  readonly rule: RuleId;
  readonly scope: 'file' | 'workspace';
}

function versioned(uri: string, version: number, edits: LspTextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

function toLsp(edits: readonly TextEdit[], index: LineIndex): LspTextEdit[] {
  return edits.map((e) => ({ range: index.range(e.start, e.end), newText: e.newText }));
}

/** What the server does for fix-all: the session's fix-all of this version, of one rule or all. */
export type FixAllOf = (rule?: RuleId) => FixAllResult | undefined;

export function fixAllAction(view: DocumentView, result: FixAllResult | undefined, rule?: RuleId): CodeAction | undefined {
  if (!result || result.edits.length === 0) return undefined;
  return {
    title: rule ? t`Fix all ${rule} problems in this file` : t('Fix all Newsprint problems'),
    kind: rule ? CodeActionKind.QuickFix : FIX_ALL_KIND,
    edit: versioned(view.uri, view.version, toLsp(result.edits, view.analysis.lineIndex())),
  };
}

/** What the finding a diagnostic stands for covers, from the server's own analysis: the diagnostic names it by fingerprint. */
function coveredText(view: DocumentView, cross: readonly CrossPageFinding[], fingerprint: string): string {
  const own = view.analysis.findings().find((f) => f.fingerprint === fingerprint);
  const span = own?.span ?? cross.find((f) => f.fingerprint === fingerprint)?.span;
  return span ? view.text.slice(span.start, span.end) : '';
}

function quickFixes(view: DocumentView, diagnostic: Diagnostic, cross: readonly CrossPageFinding[]): CodeAction[] {
  const data: unknown = diagnostic.data;
  if (diagnostic.source !== SOURCE || !isDiagnosticData(data)) return [];
  const index = view.analysis.lineIndex();
  const { uri, version, text } = view;
  const actions: CodeAction[] = data.fixes.map((fix, i) => {
    const edits = fix.recipe
      ? toLsp(rebuildEdits({ kind: fix.recipe.kind, span: { start: index.offset(fix.recipe.range.start), end: index.offset(fix.recipe.range.end) } }, text), index)
      : fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
    return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0 && fix.safe, edit: versioned(uri, version, edits) };
  });
  // Found by its fingerprint (findings with one fingerprint cover the same text): the range sent back may be in other columns.
  const shown = coveredText(view, cross, data.fingerprint);
  const ignore: IgnoreArgs = { uri, rule: data.rule, fingerprint: data.fingerprint, text: shown, ...(data.page !== undefined ? { page: data.page } : {}) };
  actions.push({
    title: t`Ignore this ${data.rule} finding`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: t('Ignore this finding'), command: IGNORE_COMMAND, arguments: [ignore] },
  });
  for (const scope of ['file', 'workspace'] as const) {
    const args: RuleOffArgs = { uri, rule: data.rule, scope };
    actions.push({
      title: scope === 'file' ? t`Turn off ${data.rule} for this file` : t`Turn off ${data.rule} for this workspace`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: t`Turn off ${data.rule}`, command: RULE_OFF_COMMAND, arguments: [args] },
    });
  }
  return actions;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** What a fix-all action left for codeAction/resolve carries: its edit is worked out only if it is chosen. */
export interface FixAllData {
  readonly uri: string;
  readonly version: number;
  readonly rule?: RuleId;
}

export function isFixAllData(value: unknown): value is FixAllData {
  const d = value as Partial<FixAllData> | null | undefined;
  return !!d && typeof d.uri === 'string' && typeof d.version === 'number' && (d.rule === undefined || typeof d.rule === 'string');
}

/** A resolved fix-all action: its edit, for the version it was offered for (none when the document has moved on). */
export function resolveFixAll(action: CodeAction, data: FixAllData, view: DocumentView | undefined, fixAllOf: FixAllOf): CodeAction {
  if (!view || view.version !== data.version) return action;
  const resolved = fixAllAction(view, fixAllOf(data.rule), data.rule);
  return resolved?.edit ? { ...action, edit: resolved.edit } : action;
}

/**
 * Every action for the request. `resolvable`: the client resolves actions'
 * edits on demand, so the per-rule fix-all the light bulb lists is worked
 * out only when chosen (a page's fix-all analyses it again).
 */
export function codeActions(params: CodeActionParams, view: DocumentView, cross: readonly CrossPageFinding[], fixAllOf: FixAllOf, resolvable = false): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const rules = new Set<RuleId>();
    for (const d of params.context.diagnostics) {
      actions.push(...quickFixes(view, d, cross));
      if (isDiagnosticData(d.data)) rules.add(d.data.rule);
    }
    const findings = view.analysis.findings();
    for (const rule of rules) {
      const count = findings.filter((f) => f.rule === rule && f.fixes.some((x) => x.safe)).length;
      if (count < 2) continue;
      if (resolvable) {
        const data: FixAllData = { uri: view.uri, version: view.version, rule };
        actions.push({ title: t`Fix all ${rule} problems in this file`, kind: CodeActionKind.QuickFix, data });
        continue;
      }
      const all = fixAllAction(view, fixAllOf(rule), rule);
      if (all) actions.push(all);
    }
  }
  // Fix-all only when asked for by kind (the Source Action menu, codeActionsOnSave): the lightbulb never shows
  // source actions, and a page full of half-width marks makes its edit large.
  if (only !== undefined && wants(only, FIX_ALL_KIND)) {
    const all = fixAllAction(view, fixAllOf());
    if (all) actions.push(all);
  }
  return actions;
}
