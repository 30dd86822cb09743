/**
 * Which issue a command acts on: the Issue Map item it was run from, the
 * page in the editor, or one picked from the issues indexed. Export Issue…
 * and Check the Whole Issue ask the same way.
 */
import { t } from '@vscode/l10n';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { issueTarget } from './exportChoices';
import { readIssueMap } from './issueMapText';
import { LANGUAGE_ID } from './language';
import { IssueMapRequest } from './protocol';

/** A page's URI or an issue's id, as the server takes either; undefined when there is none or the person cancelled. */
export async function chooseIssue(client: LanguageClient, arg: unknown, title: string): Promise<string | undefined> {
  const given = issueTarget(arg) ?? (arg instanceof vscode.Uri ? arg.toString() : undefined);
  if (given) return given;
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor.document.uri.toString();
  const map = readIssueMap(await client.sendRequest(IssueMapRequest, {}));
  const issues = map?.issues ?? [];
  if (issues.length === 0) {
    void vscode.window.showInformationMessage(
      map?.indexing
        ? t('Newsprint is still indexing the workspace’s pages: try again in a moment.')
        : t('No newspaper issue in this workspace: open a folder of page files (01.txt, 02.txt…).'),
    );
    return undefined;
  }
  if (issues.length === 1) return issues[0]!.id;
  const picked = await vscode.window.showQuickPick(
    issues.map((i) => ({ label: i.name, description: t`${i.pages.length} pages · ${i.pages.reduce((n, p) => n + p.articles.length, 0)} articles`, id: i.id })),
    { title, placeHolder: t('Pick the issue') },
  );
  return picked?.id;
}
