/**
 * Code actions. Quick fixes are the fixes of the finding a diagnostic's data
 * names, found in the server's own analysis of the version, never rebuilt
 * from the range a client sends back with it; fix-all (source.fixAll.newsprint,
 * and per rule) is the session's fix-all of the current version as one
 * versioned edit of sorted, non-overlapping changes.
 */
import {
  CodeActionKind,
  CodeActionTriggerKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { isDiagnosticData, SOURCE } from '../diagnostics';
import type { FixAllResult } from '../fixes/fixAll';
import type { CrossPageFinding } from '../issue/crossPage';
import { issueFindingFixes } from '../issue/issueFixes';
import { rebuildEdits } from '../fixes/recipes';
import { FIX_ALL_KIND, IGNORE_COMMAND, RULE_OFF_COMMAND } from '../protocol';
import type { RuleId, TextEdit } from '../rules/finding';
import type { PagedAnalysis } from '../pagedAnalysis';
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

/** Edits as LSP has them, each placed on the page it falls on: no index of the whole text is made for them. */
function toLsp(edits: readonly TextEdit[], analysis: PagedAnalysis): LspTextEdit[] {
  return edits.map((e) => ({ range: analysis.range(e.start, e.end), newText: e.newText }));
}

/** What the server does for fix-all: the session's fix-all of this version, of one rule or all. */
export type FixAllOf = (rule?: RuleId) => FixAllResult | undefined;

/** Which fix-all: of one rule or all (a quick fix in the Ctrl+. menu), or the source action (Fix All, on save). */
export type FixAllScope = { readonly rule: RuleId } | { readonly rule?: undefined; readonly quickFix: boolean };

/**
 * How a fix-all's edit is offered. `annotate`: the client takes change
 * annotations; `confirm`: a person asked for it (not a save), so the edit
 * asks to be previewed first (VS Code's refactor preview).
 */
export interface FixAllPreview {
  readonly annotate: boolean;
  readonly confirm: boolean;
}

export const FIX_ALL_ANNOTATION = 'newsprint.fixAll';

function fixAllTitle(scope: FixAllScope): string {
  if (scope.rule) return t`Fix all ${scope.rule} problems in this file`;
  return scope.quickFix ? t('Fix all Newsprint problems in this file') : t('Fix all Newsprint problems');
}

export function fixAllAction(view: DocumentView, result: FixAllResult | undefined, scope: FixAllScope, preview?: FixAllPreview): CodeAction | undefined {
  if (!result || result.edits.length === 0) return undefined;
  const edits = toLsp(result.edits, view.analysis);
  const title = fixAllTitle(scope);
  const kind = scope.rule || scope.quickFix ? CodeActionKind.QuickFix : FIX_ALL_KIND;
  if (!preview?.annotate) return { title, kind, edit: versioned(view.uri, view.version, edits) };
  const edit: WorkspaceEdit = {
    documentChanges: [{ textDocument: { uri: view.uri, version: view.version }, edits: edits.map((e) => ({ ...e, annotationId: FIX_ALL_ANNOTATION })) }],
    changeAnnotations: {
      [FIX_ALL_ANNOTATION]: {
        label: title,
        description:
          edits.length === 1
            ? t('1 change, each safe: nothing but line breaks, spaces and punctuation width')
            : t`${edits.length} changes, each safe: nothing but line breaks, spaces and punctuation width`,
        needsConfirmation: preview.confirm,
      },
    },
  };
  return { title, kind, edit };
}

function quickFixes(view: DocumentView, diagnostic: Diagnostic, cross: readonly CrossPageFinding[]): CodeAction[] {
  const data: unknown = diagnostic.data;
  if (diagnostic.source !== SOURCE || !isDiagnosticData(data)) return [];
  const { uri, version, text } = view;
  // Found by its fingerprint, on the page of the line sent back (lines are the same in every client's columns).
  const own = view.analysis.locate(data.fingerprint, diagnostic.range.start.line);
  const actions: CodeAction[] = (own?.fixes ?? issueFindingFixes(view.analysis.pages(), data.rule, data.fingerprint, diagnostic.range.start.line)).map((fix, i) => {
    const edits = toLsp(fix.recipe ? rebuildEdits(fix.recipe, text) : fix.edits, view.analysis);
    return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0 && fix.safe, edit: versioned(uri, version, edits) };
  });
  const span = own?.span ?? cross.find((f) => f.fingerprint === data.fingerprint)?.span;
  const shown = span ? text.slice(span.start, span.end) : '';
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
  /** Whether the edit, once worked out, asks to be previewed. */
  readonly confirm?: boolean;
}

export function isFixAllData(value: unknown): value is FixAllData {
  const d = value as Partial<FixAllData> | null | undefined;
  return (
    !!d &&
    typeof d.uri === 'string' &&
    typeof d.version === 'number' &&
    (d.rule === undefined || typeof d.rule === 'string') &&
    (d.confirm === undefined || typeof d.confirm === 'boolean')
  );
}

/** A resolved fix-all action: its edit, for the version it was offered for (none when the document has moved on). */
export function resolveFixAll(action: CodeAction, data: FixAllData, view: DocumentView | undefined, fixAllOf: FixAllOf, annotate = false): CodeAction {
  if (!view || view.version !== data.version) return action;
  const scope: FixAllScope = data.rule ? { rule: data.rule } : { quickFix: true };
  const resolved = fixAllAction(view, fixAllOf(data.rule), scope, { annotate, confirm: data.confirm === true });
  return resolved?.edit ? { ...action, edit: resolved.edit } : action;
}

/**
 * Every action for the request. `resolvable`: the client resolves actions'
 * edits on demand, so the per-rule fix-all the light bulb lists is worked
 * out only when chosen (a page's fix-all analyses it again).
 */
export function codeActions(
  params: CodeActionParams,
  view: DocumentView,
  cross: readonly CrossPageFinding[],
  fixAllOf: FixAllOf,
  resolvable = false,
  annotate = false,
): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  // A save's fix-all (triggerKind Automatic) applies as it always did; one a person asks for is previewed first.
  const preview: FixAllPreview = { annotate, confirm: params.context.triggerKind !== CodeActionTriggerKind.Automatic };
  if (wants(only, CodeActionKind.QuickFix)) {
    const rules = new Set<RuleId>();
    for (const d of params.context.diagnostics) {
      actions.push(...quickFixes(view, d, cross));
      if (isDiagnosticData(d.data)) rules.add(d.data.rule);
    }
    const fixable = (rule?: RuleId) => view.analysis.count((f) => (rule === undefined || f.rule === rule) && f.fixes.some((x) => x.safe));
    const offer = (scope: FixAllScope) => {
      if (resolvable) {
        const data: FixAllData = { uri: view.uri, version: view.version, ...(scope.rule ? { rule: scope.rule } : {}), confirm: preview.confirm };
        actions.push({ title: fixAllTitle(scope), kind: CodeActionKind.QuickFix, data });
        return;
      }
      const all = fixAllAction(view, fixAllOf(scope.rule), scope, preview);
      if (all) actions.push(all);
    };
    for (const rule of rules) if (fixable(rule) >= 2) offer({ rule });
    // Beside each rule's fix-all, the whole file's: what Fix All does, from the menu a person already has open.
    if (rules.size > 0 && fixable() >= 2) offer({ quickFix: true });
  }
  // Fix-all only when asked for by kind (the Source Action menu, codeActionsOnSave): the lightbulb never shows
  // source actions, and a page full of half-width marks makes its edit large.
  if (only !== undefined && wants(only, FIX_ALL_KIND)) {
    const all = fixAllAction(view, fixAllOf(), { quickFix: false }, preview);
    if (all) actions.push(all);
  }
  return actions;
}
