/**
 * Newsprint: Check the Whole Issue, and Stop Checking the Whole Issue. The
 * server reads every page of the issue, the closed ones too, and publishes
 * their findings, so the Problems panel lists the whole issue; this picks
 * the issue, asks, and shows the panel with what was found. Stopping clears
 * the closed pages' problems from the panel again.
 */
import { t } from '@vscode/l10n';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient } from 'vscode-languageclient/node';
import { chooseIssue } from './issueChoice';
import { CHECK_ISSUE_COMMAND, readCheckIssueResult } from './protocol';

export const CHECK_ISSUE = 'newsprint.checkIssue';
export const STOP_CHECKING_ISSUE = 'newsprint.stopCheckingIssue';
/** The context key that offers Stop Checking in the palette: some issue is being checked. */
const CHECKED_KEY = 'newsprint.issueChecked';

export class IssueCheckCommand implements vscode.Disposable {
  private client: LanguageClient | undefined;
  /** The issues checked, by name, with the page or id the server was given: what Stop Checking stops. */
  private readonly checked = new Map<string, string>();
  private readonly commands = [
    vscode.commands.registerCommand(CHECK_ISSUE, (arg?: unknown) => this.run(arg)),
    vscode.commands.registerCommand(STOP_CHECKING_ISSUE, () => this.stop()),
  ];

  constructor(private readonly output: vscode.LogOutputChannel) {}

  attach(client: LanguageClient): vscode.Disposable[] {
    this.client = client;
    // A new server checks nothing yet.
    this.checked.clear();
    void this.setChecked();
    return [];
  }

  private setChecked(): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', CHECKED_KEY, this.checked.size > 0);
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
    this.checked.set(result.issue, uri);
    void this.setChecked();
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const pages = result.pages === 1 ? t('1 page') : t`${result.pages} pages`;
    const problems = result.problems === 1 ? t('1 problem') : t`${result.problems} problems`;
    void vscode.window.showInformationMessage(t`Checked ${pages} of ${result.issue}: ${problems}, listed in the Problems panel. They stay up to date while you work.`);
  }

  private async stop(): Promise<void> {
    const client = this.client;
    if (client?.state !== State.Running || this.checked.size === 0) return;
    const stopped: string[] = [];
    for (const [issue, uri] of this.checked) {
      try {
        await client.sendRequest(ExecuteCommandRequest.type, { command: CHECK_ISSUE_COMMAND, arguments: [{ uri, stop: true }] });
        stopped.push(issue);
      } catch (err) {
        this.output.error(`Stopping the check of ${issue} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    for (const issue of stopped) this.checked.delete(issue);
    void this.setChecked();
    void vscode.window.showInformationMessage(t`Stopped checking ${stopped.join(', ')}: the Problems panel shows the open pages only.`);
  }

  dispose(): void {
    for (const c of this.commands) c.dispose();
  }
}
