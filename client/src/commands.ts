/** The commands of the palette, menus and status item. Each only asks VS Code or the server to act. */
import { t } from '@vscode/l10n';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './language';
import { FIX_ALL_KIND } from './protocol';
import { offerToRemember } from './pageFiles';
import type { ServerController } from './serverController';

export const COMMANDS = {
  useForFile: 'newsprint.useForFile',
  fixAll: 'newsprint.fixAll',
  restartServer: 'newsprint.restartServer',
  showOutput: 'newsprint.showOutput',
} as const;

export function registerCommands(controller: ServerController, output: vscode.OutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.useForFile, useForFile),
    vscode.commands.registerCommand(COMMANDS.fixAll, fixAll),
    vscode.commands.registerCommand(COMMANDS.restartServer, () => controller.restart()),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
  ];
}

/** Menus pass the resource of the editor they belong to; the palette passes nothing. */
async function useForFile(resource?: unknown): Promise<void> {
  const document =
    resource instanceof vscode.Uri
      ? (vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource.toString()) ?? (await vscode.workspace.openTextDocument(resource)))
      : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage(t('Open a text file to check it as newspaper text.'));
    return;
  }
  if (document.languageId === LANGUAGE_ID) return;
  const checked = await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  void offerToRemember(checked);
}

async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(t('Fix All Problems works on a newspaper page: open one first.'));
    return;
  }
  await vscode.commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' });
}
