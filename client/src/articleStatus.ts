/**
 * The status bar item for the article under the cursor: its 字数, and in
 * the tooltip its headline, kind, byline, page and jumps, from the outline
 * the server gives (document symbols), so the editor shows what the page
 * model read and counts nothing itself.
 */
import { t } from '@vscode/l10n';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './language';
import { statusText } from './articleStatusText';
import { containing, pageSymbols } from './pageSymbols';

/** What the outline's detail says of an article: kind · byline · 585字 · → 2版. */
const COUNT = /(\d+)字/;

/** Where the page is known: by the Issue Map, for a file that holds one page. */
export interface PageNames {
  pageOf(uri: string): string | undefined;
  readonly onDidChangeTreeData: vscode.Event<unknown>;
}

export class ArticleStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newsprint.article', vscode.StatusBarAlignment.Right, 101);
  private readonly disposables: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(private readonly pages: PageNames) {
    this.item.name = t('Newsprint: article under the cursor');
    this.disposables = [
      this.item,
      vscode.window.onDidChangeTextEditorSelection(() => this.schedule()),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      // A file switched to Newspaper text is closed and opened again under its new language, in the same editor.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      // The map arrives after the first outline, and names the page of a one-page file.
      pages.onDidChangeTreeData(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
    ];
    this.schedule();
  }

  /** Moving the cursor fires on every key: the outline is asked for once it rests. */
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 150);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const symbols = await pageSymbols(editor.document.uri);
    if (generation !== this.generation) return;
    const { article, page } = containing(symbols, editor.selection.active);
    const count = article ? COUNT.exec(article.detail)?.[1] : undefined;
    if (!article || count === undefined) {
      this.item.hide();
      return;
    }
    const pageName = page?.name ?? this.pages.pageOf(editor.document.uri.toString());
    this.item.text = `$(book) ${statusText(count, article.detail, pageName)}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${article.name.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`)}**\n\n`);
    tooltip.appendText(article.detail);
    if (pageName) tooltip.appendText(`\n${t`On ${pageName}`}`);
    tooltip.appendMarkdown(`\n\n${t('字数 counts the headline, subheadings and running text, without continuation markers, credits and the source line.')}`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: t`${article.name}: ${count} characters` };
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
