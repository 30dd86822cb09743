/**
 * Newsprint: Export Issue… and Export This Article. The server reads the
 * pages and makes the files (newsprint/exportIssue, newsprint/exportArticle);
 * this asks the person what and where, shows progress with a Cancel
 * button, asks before replacing a file, writes, and says what was done.
 */
import { t } from '@vscode/l10n';
import * as vscode from 'vscode';
import { State, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { ARTICLE_FORMATS, articleTarget, ISSUE_FORMATS, lastFirst, type FormatChoice } from './exportChoices';
import { chooseIssue } from './issueChoice';
import { existingFiles, overInput, planFiles, writeFileAtomically, writeFiles } from './exportWriter';
import { LANGUAGE_ID } from './language';
import { ExportArticleRequest, ExportIssueRequest, type ExportIssueResult } from './protocol';

export const EXPORT_COMMANDS = {
  issue: 'newsprint.exportIssue',
  article: 'newsprint.exportArticle',
} as const;

/** What the commands remember between runs, per workspace. */
const LAST_FORMAT = 'newsprint.export.format';
const LAST_ARTICLE_FORMAT = 'newsprint.export.articleFormat';
const LAST_FOLDER = 'newsprint.export.folder';

let tokens = 0;

export class ExportCommands implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly state: vscode.Memento,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables = [
      vscode.commands.registerCommand(EXPORT_COMMANDS.issue, (arg?: unknown) => this.exportIssue(arg)),
      vscode.commands.registerCommand(EXPORT_COMMANDS.article, (arg?: unknown) => this.exportArticle(arg)),
    ];
  }

  attach(client: LanguageClient): vscode.Disposable[] {
    this.client = client;
    return [];
  }

  private running(): LanguageClient | undefined {
    if (this.client?.state === State.Running) return this.client;
    void vscode.window.showErrorMessage(t('The Newsprint language server is not running, so nothing can be exported. Run “Newsprint: Restart Language Server”.'));
    return undefined;
  }

  private async chooseFormat(): Promise<FormatChoice | undefined> {
    const last = this.state.get<string>(LAST_FORMAT);
    const items = lastFirst(ISSUE_FORMATS, last ? (c) => `${c.format}/${c.per}` === last : undefined).map((c) => ({ label: c.label, detail: c.detail, choice: c }));
    const picked = await vscode.window.showQuickPick(items, { title: t('Export Issue: format'), placeHolder: t('Export the issue as…') });
    if (picked) await this.state.update(LAST_FORMAT, `${picked.choice.format}/${picked.choice.per}`);
    return picked?.choice;
  }

  private defaultFolder(): vscode.Uri | undefined {
    const last = this.state.get<string>(LAST_FOLDER);
    return last ? vscode.Uri.parse(last) : vscode.workspace.workspaceFolders?.[0]?.uri;
  }

  private async exportIssue(arg: unknown): Promise<void> {
    const client = this.running();
    if (!client) return;
    const uri = await chooseIssue(client, arg, t('Export Issue: which issue?'));
    if (!uri) return;
    const choice = await this.chooseFormat();
    if (!choice) return;
    const defaultUri = this.defaultFolder();
    const folders = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: t('Export Here'),
      title: t`Export Issue as ${choice.label}: the folder to write to`,
      ...(defaultUri ? { defaultUri } : {}),
    });
    const folder = folders?.[0];
    if (!folder) return;
    await this.state.update(LAST_FOLDER, folder.toString());
    const done = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Newsprint: exporting'), cancellable: true },
      async (progress, token) => {
        const workDoneToken = `newsprint-export-${++tokens}`;
        const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
          if (v.kind === 'report' && v.message) progress.report({ message: v.message });
        });
        let result: ExportIssueResult;
        try {
          result = await client.sendRequest(ExportIssueRequest, { uri, format: choice.format, per: choice.per, workDoneToken }, token);
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          this.output.warn(`Export Issue of ${uri}: ${token.isCancellationRequested ? 'cancelled' : reason}`);
          if (token.isCancellationRequested) void vscode.window.showInformationMessage(t('Export cancelled: nothing was written.'));
          else void vscode.window.showErrorMessage(t`Newsprint could not export the issue: ${reason}`);
          return undefined;
        } finally {
          listening.dispose();
        }
        return this.write(result, folder, progress, token);
      },
    );
    // Said once the progress has closed, so it does not stand there while the person reads.
    if (!done) return;
    const open = t('Open');
    const notes = t('Show Notes');
    const answer = await vscode.window.showInformationMessage(done.message, open, ...(done.notes ? [notes] : []));
    if (answer === open) await vscode.window.showTextDocument(done.first, { preview: true });
    else if (answer === notes) this.output.show(true);
  }

  /** Writes the export's files, after asking before replacing any; what to tell the person when all went well. */
  private async write(
    result: ExportIssueResult,
    folder: vscode.Uri,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
  ): Promise<{ message: string; first: vscode.Uri; notes: boolean } | undefined> {
    const files = planFiles(folder, result.files);
    if (files.length === 0) {
      void vscode.window.showInformationMessage(t`Nothing to export: ${result.issue} has no articles.`);
      return undefined;
    }
    const input = overInput(files, result.inputs);
    if (input) {
      void vscode.window.showErrorMessage(
        t`Nothing exported: ${input.target.fsPath} is one of the pages being exported, and export never changes its pages. Choose another folder.`,
      );
      return undefined;
    }
    const existing = await existingFiles(files);
    if (existing.length > 0) {
      const replace = t('Replace');
      const answer = await vscode.window.showWarningMessage(
        t`${existing.length} of the ${files.length} files of ${result.issue} exist already in ${folder.fsPath} (${existing[0]!.target.fsPath.slice(folder.fsPath.length + 1)}${existing.length > 1 ? ', …' : ''}). Replace them?`,
        { modal: true },
        replace,
      );
      if (answer !== replace) return undefined;
    }
    const done = await writeFiles(files, token, (n) => progress.report({ message: t`writing ${n} of ${files.length} files`, increment: 100 / files.length }));
    this.output.info(
      `Export of ${result.issue} to ${folder.toString()}: ${result.summary}; wrote ${done.written} files${existing.length > 0 ? ` (${existing.length} replaced)` : ''}.`,
    );
    for (const n of [...result.skipped, ...result.notes]) this.output.info(`  ${n}`);
    for (const f of done.failed) this.output.error(`  cannot write ${f}`);
    if (done.stopped) {
      void vscode.window.showWarningMessage(t`Export of ${result.issue} cancelled after ${done.written} of ${files.length} files; each file written is whole.`);
      return undefined;
    }
    if (done.failed.length > 0) {
      void vscode.window
        .showErrorMessage(t`Export of ${result.issue}: ${done.failed.length} of ${files.length} files could not be written (${done.failed[0] ?? ''}).`, t('Show Output'))
        .then((a) => a && this.output.show(true));
      return undefined;
    }
    return {
      message:
        existing.length > 0
          ? t`Exported ${result.issue} to ${folder.fsPath}: ${result.summary.replace(/^exported /, '')}; ${existing.length} files replaced.`
          : t`Exported ${result.issue} to ${folder.fsPath}: ${result.summary.replace(/^exported /, '')}.`,
      first: files[0]!.target,
      notes: result.notes.length + result.skipped.length > 0,
    };
  }

  private async exportArticle(arg: unknown): Promise<void> {
    const client = this.running();
    if (!client) return;
    const editor = vscode.window.activeTextEditor;
    const target =
      articleTarget(arg) ??
      (editor?.document.languageId === LANGUAGE_ID
        ? { uri: editor.document.uri.toString(), position: { line: editor.selection.active.line, character: editor.selection.active.character } }
        : undefined);
    if (!target) {
      void vscode.window.showInformationMessage(
        t('Export This Article works on the article at the cursor: open a page and click in an article (or on it in the Outline or the Issue Map) first.'),
      );
      return;
    }
    const last = this.state.get<string>(LAST_ARTICLE_FORMAT);
    const items = lastFirst(ARTICLE_FORMATS, last ? (c) => c.format === last : undefined).map((c) => ({ label: c.label, detail: c.detail, choice: c }));
    const picked = await vscode.window.showQuickPick(items, { title: t('Export This Article: format'), placeHolder: t('Export the article as…') });
    if (!picked) return;
    await this.state.update(LAST_ARTICLE_FORMAT, picked.choice.format);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Newsprint: reading the article’s pages'), cancellable: true },
      (_, token) =>
        client.sendRequest(ExportArticleRequest, { ...target, format: picked.choice.format }, token).then(
          (r) => r,
          (err: unknown) => {
            const reason = err instanceof Error ? err.message : String(err);
            this.output.warn(`Export This Article at ${target.uri} line ${target.position.line + 1}: ${token.isCancellationRequested ? 'cancelled' : reason}`);
            if (!token.isCancellationRequested) void vscode.window.showErrorMessage(t`Newsprint could not export the article: ${reason}`);
            return undefined;
          },
        ),
    );
    if (result === undefined) return;
    if (result === null) {
      this.output.info(`Export This Article at ${target.uri} line ${target.position.line + 1}: no article there`);
      void vscode.window.showInformationMessage(t('No article at the cursor: it is on page furniture or an empty page.'));
      return;
    }
    const folder = this.defaultFolder() ?? vscode.Uri.joinPath(vscode.Uri.parse(target.uri), '..');
    const name = `${result.issue}-${result.id}.${picked.choice.extension}`;
    const chosen = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder, name),
      filters: { [picked.choice.label]: [picked.choice.extension] },
      saveLabel: t('Export'),
      title: t`Export “${result.name}” (${result.pages.join('–')})`,
    });
    if (!chosen) return;
    if (chosen.toString() === target.uri) {
      void vscode.window.showErrorMessage(t('Nothing exported: that is the page itself, and export never changes its pages.'));
      return;
    }
    try {
      await writeFileAtomically({ target: chosen, content: result.file.content });
    } catch (err) {
      void vscode.window.showErrorMessage(t`Newsprint could not write ${chosen.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    await this.state.update(LAST_FOLDER, vscode.Uri.joinPath(chosen, '..').toString());
    for (const n of result.notes) this.output.info(`Export of ${result.issue} ${result.id}: ${n}`);
    const open = t('Open');
    const exported =
      result.notes.length === 0
        ? t`Exported “${result.name}” (${result.pages.join('–')}) to ${chosen.fsPath}.`
        : result.notes.length === 1
          ? t`Exported “${result.name}” (${result.pages.join('–')}) to ${chosen.fsPath}, with 1 note.`
          : t`Exported “${result.name}” (${result.pages.join('–')}) to ${chosen.fsPath}, with ${result.notes.length} notes.`;
    const answer = await vscode.window.showInformationMessage(exported, open);
    if (answer === open) await vscode.window.showTextDocument(chosen, { preview: true });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
