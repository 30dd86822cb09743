/**
 * Code actions. Quick fixes are built from a diagnostic's data alone; fix-all
 * (source.fixAll.newsprint, and per rule) is one versioned edit of sorted,
 * non-overlapping changes from the current analysis.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { isDiagnosticData, SOURCE } from '../diagnostics';
import { fixAllEdits } from '../fixes/edits';
import { rebuildEdits } from '../fixes/recipes';
import { FIX_ALL_KIND, IGNORE_COMMAND, RULE_OFF_COMMAND } from '../protocol';
import type { RuleId, TextEdit } from '../rules/finding';
import type { LineIndex } from '../text/positions';


export interface IgnoreArgs {
  readonly uri: string;
  readonly rule: RuleId;
  readonly fingerprint: string;
  readonly text: string;
}

export interface RuleOffArgs {
  readonly uri: string;
  readonly rule: RuleId;
  readonly scope: 'file' | 'workspace';
}

function versioned(uri: string, version: number, edits: LspTextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

/** What code actions need of the document: its text and offset–position conversion. */
export interface DocumentText {
  getText(range?: Range): string;
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}

function toLsp(edits: readonly TextEdit[], position: (offset: number) => Position): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: position(e.start), end: position(e.end) }, newText: e.newText }));
}

export function fixAllAction(uri: string, version: number, analysis: Analysis, index: LineIndex, rule?: RuleId): CodeAction | undefined {
  const edits = fixAllEdits(analysis.findings, rule);
  if (edits.length === 0) return undefined;
  return {
    title: rule ? `Fix all ${rule} problems in this file` : 'Fix all Newsprint problems',
    kind: rule ? CodeActionKind.QuickFix : FIX_ALL_KIND,
    edit: versioned(uri, version, toLsp(edits, (o) => index.position(o))),
  };
}

function quickFixes(uri: string, version: number, diagnostic: Diagnostic, document: DocumentText): CodeAction[] {
  const data = diagnostic.data;
  if (diagnostic.source !== SOURCE || !isDiagnosticData(data)) return [];
  const actions: CodeAction[] = data.fixes.map((fix, i) => {
    const edits = fix.recipe
      ? toLsp(rebuildEdits({ kind: fix.recipe.kind, span: { start: document.offsetAt(fix.recipe.range.start), end: document.offsetAt(fix.recipe.range.end) } }, document.getText()), (o) => document.positionAt(o))
      : fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
    return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0 && fix.safe, edit: versioned(uri, version, edits) };
  });
  const ignore: IgnoreArgs = { uri, rule: data.rule, fingerprint: data.fingerprint, text: document.getText(diagnostic.range) };
  actions.push({
    title: `Ignore this ${data.rule} finding`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: 'Ignore this finding', command: IGNORE_COMMAND, arguments: [ignore] },
  });
  for (const scope of ['file', 'workspace'] as const) {
    const args: RuleOffArgs = { uri, rule: data.rule, scope };
    actions.push({
      title: `Turn off ${data.rule} for this ${scope}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Turn off ${data.rule}`, command: RULE_OFF_COMMAND, arguments: [args] },
    });
  }
  return actions;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(params: CodeActionParams, version: number, analysis: Analysis, index: LineIndex, document: DocumentText): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const rules = new Set<RuleId>();
    for (const d of params.context.diagnostics) {
      actions.push(...quickFixes(uri, version, d, document));
      if (isDiagnosticData(d.data)) rules.add(d.data.rule);
    }
    for (const rule of rules) {
      const count = analysis.findings.filter((f) => f.rule === rule && f.fixes.some((x) => x.safe)).length;
      if (count < 2) continue;
      const all = fixAllAction(uri, version, analysis, index, rule);
      if (all) actions.push(all);
    }
  }
  // Fix-all only when asked for by kind (the Source Action menu, codeActionsOnSave): the lightbulb never shows
  // source actions, and a page full of half-width marks makes its edit large.
  if (only !== undefined && wants(only, FIX_ALL_KIND)) {
    const all = fixAllAction(uri, version, analysis, index);
    if (all) actions.push(all);
  }
  return actions;
}
