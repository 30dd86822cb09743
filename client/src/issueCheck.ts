/**
 * Newsprint: Check the Whole Issue. The server reads every page of the
 * issue, the closed ones too, and publishes their findings, so the Problems
 * panel lists the whole issue; this picks the issue, asks, and shows the
 * panel with what was found.
 */
import { t } from '@vscode/l10n';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient } from 'vscode-languageclient/node';
import { chooseIssue } from './issueChoice';
import { CHECK_ISSUE_COMMAND, readCheckIssueResult } from './protocol';

export const CHECK_ISSUE = 'newsprint.checkIssue';

export class IssueCheckCommand implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly command = vscode.commands.registerCommand(CHECK_ISSUE, (arg?: unknown) => this.run(arg));

  constructor(private readonly output: vscode.LogOutputChannel) {}

  attach(client: LanguageClient): vscode.Disposable[] {
    this.client = client;
    return [];
  }

  private async run(arg: unknown): Promise<void> {
    const client = this.client;
    if (client?.state !== State.Running) {
      void vscode.window.showErrorMessage(t('The Newsprint language server is not running, so the issue cannot be checked. Run “Newsprint: Restart Language Server”.'));
      return;
    }
    const uri = await chooseIssue(client, arg, t('Check the Whole Issue: which issue?'));
    if (!uri) return;
    let answer: unknown;
    try {
      answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Newsprint: checking the issue…') }, () =>
        client.sendRequest(ExecuteCommandRequest.type, { command: CHECK_ISSUE_COMMAND, arguments: [{ uri }] }),
      );
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.output.error(`Checking the issue failed: ${reason}`);
      void vscode.window.showErrorMessage(t`Newsprint could not check the issue: ${reason}`);
      return;
    }
    const result = readCheckIssueResult(answer);
    if (!result) {
      void vscode.window.showInformationMessage(
        t('This file is not a page of an issue Newsprint has indexed. Pages are files named like 01.txt or A03.txt, or files that open with a page line (第1版).'),
      );
      return;
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const pages = result.pages === 1 ? t('1 page') : t`${result.pages} pages`;
    const problems = result.problems === 1 ? t('1 problem') : t`${result.problems} problems`;
    void vscode.window.showInformationMessage(t`Checked ${pages} of ${result.issue}: ${problems}, listed in the Problems panel. They stay up to date while you work.`);
  }

  dispose(): void {
    this.command.dispose();
  }
}
