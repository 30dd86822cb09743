/**
 * The status bar item shown beside a newspaper page: whether the server runs
 * and whether word segmentation is loaded. It only displays what the server
 * and the client report; clicking it opens the output.
 */
import { t } from '@vscode/l10n';
import * as vscode from 'vscode';
import { DOCUMENT_SELECTOR } from './language';
import type { StatusParams } from './protocol';

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[];
  /** Whether the running server has said anything about segmentation since it started. */
  private reported = false;

  constructor(command: string) {
    this.item = vscode.window.createStatusBarItem('newsprint.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Newsprint';
    this.item.command = command;
    this.starting();
    this.disposables = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.updateVisibility()),
      // Changing a document's language closes it and opens it again under the new id.
      vscode.workspace.onDidOpenTextDocument(() => this.updateVisibility()),
      vscode.workspace.onDidCloseTextDocument(() => this.updateVisibility()),
    ];
    this.updateVisibility();
  }

  starting(): void {
    this.reported = false;
    this.set('$(loading~spin) Newsprint', t('Starting the Newsprint language server…'), t('Newsprint: starting'));
  }

  /** The server answered initialize; until it reports on segmentation, say only that it runs. */
  running(): void {
    if (!this.reported) this.set('$(check) Newsprint', t('The Newsprint language server is running.'), t('Newsprint: running'));
  }

  /** What the server reports about word segmentation. */
  segmentation(params: StatusParams): void {
    this.reported = true;
    switch (params.segmentation) {
      case 'loading':
        this.set('$(loading~spin) Newsprint', params.message, t('Newsprint: loading the dictionary'));
        break;
      case 'ready':
        this.set('$(check) Newsprint', params.message, t('Newsprint: ready'));
        break;
      case 'unavailable':
        this.set(`$(warning) ${t('Newsprint: no segmentation')}`, params.message, t('Newsprint: word segmentation unavailable'));
        break;
    }
  }

  /** The server is not running: it gave up after crashes, failed to start, or was never found. */
  stopped(reason: string): void {
    this.set(`$(error) ${t('Newsprint: stopped')}`, reason, t('Newsprint: language server stopped'), new vscode.ThemeColor('statusBarItem.errorBackground'));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private set(text: string, message: string, label: string, background?: vscode.ThemeColor): void {
    this.item.text = text;
    const click = t('Click to show the Newsprint output.');
    this.item.tooltip = message ? `${message}\n\n${click}` : click;
    this.item.accessibilityInformation = { label: message ? `${label}. ${message}` : label, role: 'button' };
    this.item.backgroundColor = background;
  }

  private updateVisibility(): void {
    const document = vscode.window.activeTextEditor?.document;
    // Focus moving to the output the item itself opened must not hide the item.
    if (document?.uri.scheme === 'output') return;
    if (document && vscode.languages.match(DOCUMENT_SELECTOR, document) > 0) this.item.show();
    else this.item.hide();
  }
}
