/**
 * Page files open as Newspaper text: a plain-text file the server calls a
 * page (by `newsprint.pageFileNamePattern`, or a page line such as 第2版 要闻:
 * what the Issue Map counts) is switched to the language when it opens. The
 * built-in names are the manifest's filenamePatterns and need no asking.
 */
import { t } from '@vscode/l10n';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from './language';
import { PageTestRequest } from './protocol';

export class PageFileLanguage implements vscode.Disposable {
  private client: LanguageClient | undefined;
  /** Asked once per document: a person who switches a page back to plain text is not overruled. */
  private readonly asked = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.disposables = [vscode.workspace.onDidOpenTextDocument((d) => void this.consider(d))];
  }

  attach(client: LanguageClient): vscode.Disposable[] {
    this.client = client;
    // The files open before the server ran (a restored window) are looked at once it answers.
    return [
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) for (const d of vscode.workspace.textDocuments) void this.consider(d);
      }),
    ];
  }

  private async consider(document: vscode.TextDocument): Promise<void> {
    if (document.languageId !== 'plaintext' || document.uri.scheme !== 'file') return;
    const key = document.uri.toString();
    const client = this.client;
    if (this.asked.has(key) || client?.state !== State.Running) return;
    this.asked.add(key);
    try {
      const { page } = await client.sendRequest(PageTestRequest, { uri: key, text: document.getText(new vscode.Range(0, 0, 200, 0)) });
      if (page && document.languageId === 'plaintext' && !document.isClosed) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    } catch (err) {
      this.output.warn(`Could not tell whether ${key} is a page: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * After “Check This File as Newspaper Text”: offers to open the file so from
 * now on, with a files.associations entry in the workspace settings. A
 * pattern with a slash is matched against the whole path: anchored at the
 * folder's own name, it matches this file and not one of the same name in
 * a subfolder, and it still holds when the folder is checked out elsewhere.
 */
export async function offerToRemember(document: vscode.TextDocument): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder || document.uri.scheme !== 'file') return;
  const relative = vscode.workspace.asRelativePath(document.uri, false);
  const remember = t('Always open as Newspaper text');
  const answer = await vscode.window.showInformationMessage(t`Open ${relative} as Newspaper text every time in this workspace?`, remember);
  if (answer !== remember) return;
  const files = vscode.workspace.getConfiguration('files', document.uri);
  const anchored = `**/${folder.uri.path.slice(folder.uri.path.lastIndexOf('/') + 1)}/${relative}`;
  const associations = { ...(files.get<Record<string, string>>('associations') ?? {}), [anchored]: LANGUAGE_ID };
  await files.update('associations', associations, vscode.ConfigurationTarget.Workspace);
}
