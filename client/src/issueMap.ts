/**
 * The issue map in the explorer: issues → pages → articles, each article
 * with its byline, jumps and open problems, a click revealing it in its
 * page. The server indexes and judges; this view asks it for the map
 * (newsprint/issueMap) and asks again when told it changed.
 */
import { t } from '@vscode/l10n';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { articleText, issueText, pageText, problemsOnly, readIssueMap, type NodeText } from './issueMapText';
import { IssueMapChangedNotification, IssueMapRequest, type IssueMap, type IssueMapArticle, type IssueMapIssue, type IssueMapPage } from './protocol';

export const ISSUE_MAP_VIEW = 'newsprint.issueMap';
export const ISSUE_MAP_COMMANDS = {
  refresh: 'newsprint.refreshIssueMap',
  problemsOnly: 'newsprint.issueMap.problemsOnly',
  showAll: 'newsprint.issueMap.showAll',
  followJump: 'newsprint.followJump',
} as const;

/** The context key the view's welcome messages depend on. */
const STATE_KEY = 'newsprint.issueMap.state';
/** The context key that picks the filter button's icon: on, the map shows only what needs attention. */
const FILTER_KEY = 'newsprint.issueMap.problemsOnly';
type ViewState = 'starting' | 'indexing' | 'empty' | 'ready' | 'stopped' | 'noFolder';

type Node =
  | { readonly kind: 'issue'; readonly issue: IssueMapIssue }
  | { readonly kind: 'page'; readonly page: IssueMapPage }
  | { readonly kind: 'article'; readonly article: IssueMapArticle };

interface Range {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

const toRange = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/**
 * What a click on a page or an article runs: VS Code's own vscode.open, with
 * the range to select. A command of our own with arguments would be looked
 * up in the extension host's cache of the tree's last render, and a click
 * that lands while the tree redraws would find it gone (“Actual command not
 * found”); an API command's arguments travel with the item instead.
 */
function openAt(title: string, uri: string, range: Range): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { selection: toRange(range), preview: true };
  return { title, command: 'vscode.open', arguments: [vscode.Uri.parse(uri), options] };
}

/** Opens a page and selects a range in it, centred. */
export async function reveal(uri: string, range: Range): Promise<void> {
  const selection = toRange(range);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function item(text: NodeText, collapsible: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const t = new vscode.TreeItem(text.label, collapsible);
  t.description = text.description;
  t.iconPath = new vscode.ThemeIcon(text.icon.id, text.icon.color ? new vscode.ThemeColor(text.icon.color) : undefined);
  t.tooltip = new vscode.MarkdownString(text.tooltip);
  return t;
}

export class IssueMapView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[];
  private map: IssueMap = { issues: [], indexing: false };
  private client: LanguageClient | undefined;
  private fetching = false;
  private problemsOnly = false;
  private again = false;

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.view = vscode.window.createTreeView(ISSUE_MAP_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [
      this.view,
      this.changed,
      vscode.commands.registerCommand(ISSUE_MAP_COMMANDS.refresh, () => this.fetch(true)),
      vscode.commands.registerCommand(ISSUE_MAP_COMMANDS.problemsOnly, () => this.filter(true)),
      vscode.commands.registerCommand(ISSUE_MAP_COMMANDS.showAll, () => this.filter(false)),
      vscode.commands.registerCommand(ISSUE_MAP_COMMANDS.followJump, (node?: Node) => this.followJump(node)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.setState(this.stateOf())),
    ];
    this.setState(vscode.workspace.workspaceFolders?.length ? 'starting' : 'noFolder');
  }

  /** Hooks a new language client: what it registers is disposed with the client. */
  attach(client: LanguageClient): vscode.Disposable[] {
    this.client = client;
    return [
      client.onNotification(IssueMapChangedNotification, () => void this.fetch(false)),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) void this.fetch(false);
        else if (e.newState === State.Stopped) this.setState('stopped');
      }),
    ];
  }

  private stateOf(): ViewState {
    if (!vscode.workspace.workspaceFolders?.length) return 'noFolder';
    if (this.map.issues.length > 0) return 'ready';
    return this.map.indexing ? 'indexing' : 'empty';
  }

  private setState(state: ViewState): void {
    void vscode.commands.executeCommand('setContext', STATE_KEY, state);
    // An empty message, not undefined: the property is a string, and '' hides it.
    this.view.message = state === 'ready' && this.map.indexing ? t('Indexing the workspace’s pages…') : '';
  }

  /** Asks the server for the map; requests that arrive meanwhile are folded into one more. */
  async fetch(rescan: boolean): Promise<void> {
    const client = this.client;
    if (!client || client.state !== State.Running) return;
    if (this.fetching && !rescan) {
      this.again = true;
      return;
    }
    this.fetching = true;
    try {
      const map = readIssueMap(await client.sendRequest(IssueMapRequest, rescan ? { rescan } : {}));
      if (map) {
        // Redrawing replaces every item, and a click on an item being replaced is lost ("command not found"):
        // an unchanged map is not redrawn.
        const same = JSON.stringify(map) === JSON.stringify(this.map);
        this.map = map;
        if (!same) this.changed.fire(undefined);
        this.setState(this.stateOf());
      } else this.output.warn('Ignored an issue map of unexpected shape from the server.');
    } catch (err) {
      this.output.warn(`The issue map could not be fetched: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.fetching = false;
      if (this.again) {
        this.again = false;
        void this.fetch(false);
      }
    }
  }

  private async followJump(node?: Node): Promise<void> {
    const target = node?.kind === 'article' ? node.article.jumps.find((j) => j.target)?.target : undefined;
    if (target) await reveal(target.uri, target.range);
  }

  private filter(problemsOnly: boolean): void {
    this.problemsOnly = problemsOnly;
    void vscode.commands.executeCommand('setContext', FILTER_KEY, problemsOnly);
    this.view.description = problemsOnly ? t('problems only') : '';
    this.changed.fire(undefined);
  }

  /** The page a file holds when it holds one (a one-file issue's pages are in its outline instead): what the status item names. */
  pageOf(uri: string): string | undefined {
    const pages = this.map.issues.flatMap((i) => i.pages.filter((p) => p.uri === uri));
    return pages.length === 1 ? pages[0]!.label : undefined;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return (this.problemsOnly ? problemsOnly(this.map) : this.map).issues.map((issue) => ({ kind: 'issue', issue }));
    if (node.kind === 'issue') return node.issue.pages.map((page) => ({ kind: 'page', page }));
    if (node.kind === 'page') return node.page.articles.map((article) => ({ kind: 'article', article }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
    if (node.kind === 'issue') {
      const tree = item(issueText(node.issue), this.map.issues.length === 1 ? Expanded : Collapsed);
      tree.id = `issue:${node.issue.id}`;
      tree.contextValue = 'issue';
      return tree;
    }
    if (node.kind === 'page') {
      const tree = item(pageText(node.page), Expanded);
      tree.id = `page:${node.page.uri}#${node.page.range.start.line}`;
      tree.contextValue = 'page';
      tree.command = openAt(t('Open Page'), node.page.uri, node.page.range);
      return tree;
    }
    const a = node.article;
    const tree = item(articleText(a), None);
    tree.id = `article:${a.uri}#${a.range.start.line}`;
    // Articles with somewhere to jump to get the inline “follow jump” button.
    tree.contextValue = a.jumps.some((j) => j.target) ? 'article.jump' : 'article';
    tree.command = openAt(t('Reveal Article'), a.uri, a.selection);
    tree.accessibilityInformation = { label: `${a.name}, ${tree.description as string}` };
    return tree;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
