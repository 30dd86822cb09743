/**
 * Moving through a page as an editor reads it: article to article, problem
 * to problem among Newsprint's own findings (F8 goes through every
 * extension's), and from a continuation marker to the other half of its
 * article. All of it asks the server through VS Code's own providers, so
 * what it moves between is what the Outline and the Problems panel show.
 */
import { t } from '@vscode/l10n';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './language';
import { blocksOf, nextPlace, type At } from './navigationOrder';
import { containing, pageSymbols } from './pageSymbols';

export const NAVIGATION_COMMANDS = {
  nextArticle: 'newsprint.nextArticle',
  previousArticle: 'newsprint.previousArticle',
  nextProblem: 'newsprint.nextProblem',
  previousProblem: 'newsprint.previousProblem',
  otherHalf: 'newsprint.otherHalf',
} as const;

/** The server's symbol kinds for a page (in a one-file issue), furniture and a continuation marker (server/src/lsp/symbols.ts). */
const KINDS = { page: vscode.SymbolKind.Package, furniture: vscode.SymbolKind.Constant, marker: vscode.SymbolKind.Key };

export function registerNavigation(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(NAVIGATION_COMMANDS.nextArticle, () => moveToArticle(1)),
    vscode.commands.registerCommand(NAVIGATION_COMMANDS.previousArticle, () => moveToArticle(-1)),
    vscode.commands.registerCommand(NAVIGATION_COMMANDS.nextProblem, () => moveToProblem(1)),
    vscode.commands.registerCommand(NAVIGATION_COMMANDS.previousProblem, () => moveToProblem(-1)),
    vscode.commands.registerCommand(NAVIGATION_COMMANDS.otherHalf, otherHalf),
  ];
}

function pageEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor;
  void vscode.window.showInformationMessage(t('Open a newspaper page first.'));
  return undefined;
}

const at = (p: vscode.Position): At => ({ line: p.line, character: p.character });

function select(editor: vscode.TextEditor, range: vscode.Range): void {
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function moveToArticle(direction: 1 | -1): Promise<void> {
  const editor = pageEditor();
  if (!editor) return;
  const blocks = blocksOf(await pageSymbols(editor.document.uri), KINDS);
  const next = nextPlace(blocks, (b) => at(b.selectionRange.start), at(editor.selection.active), direction);
  if (next) select(editor, next.selectionRange);
  else void vscode.window.setStatusBarMessage(t('No other article on this page'), 3000);
}

async function moveToProblem(direction: 1 | -1): Promise<void> {
  const editor = pageEditor();
  if (!editor) return;
  const own = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'newsprint');
  const next = nextPlace(own, (d) => at(d.range.start), at(editor.selection.active), direction);
  if (!next) {
    void vscode.window.setStatusBarMessage(t('No other Newsprint problem in this file'), 3000);
    return;
  }
  select(editor, next.range);
  // What the problem is, where the cursor now is: the message VS Code shows on hover.
  await vscode.commands.executeCommand('editor.action.showHover');
}

/** The marker to follow: the one under the cursor, else the first of the article the cursor is in. */
function markerAt(symbols: readonly vscode.DocumentSymbol[], cursor: vscode.Position): vscode.DocumentSymbol | undefined {
  const markers = (containing(symbols, cursor).article?.children ?? []).filter((c) => c.kind === KINDS.marker);
  return markers.find((m) => m.range.contains(cursor)) ?? markers[0];
}

async function otherHalf(): Promise<void> {
  const editor = pageEditor();
  if (!editor) return;
  const marker = markerAt(await pageSymbols(editor.document.uri), editor.selection.active);
  if (!marker) {
    void vscode.window.showInformationMessage(t('This article does not jump: it has no continuation marker.'));
    return;
  }
  const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink> | undefined>(
    'vscode.executeDefinitionProvider',
    editor.document.uri,
    marker.selectionRange.start,
  );
  const target = found?.[0];
  if (!target) {
    void vscode.window.showInformationMessage(t`${marker.name}: its other half is not in this issue.`);
    return;
  }
  const uri = 'targetUri' in target ? target.targetUri : target.uri;
  const range = 'targetUri' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
  const shown = await vscode.window.showTextDocument(uri, { preview: false });
  select(shown, range);
}
