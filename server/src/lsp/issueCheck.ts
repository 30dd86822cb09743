/**
 * “Check the whole issue”: the findings of every page of an issue in the
 * client's problems, not only those of the open pages. The closed pages are
 * read from disk and published here. An issue once checked stays checked
 * until the server stops: its closed pages are published again when one
 * changes on disk, when a change elsewhere alters what they link to, and
 * when an open page of it is closed.
 *
 * A checked issue's pages are all published, the open ones too, and a pull
 * for them answers with nothing: a client keeps pulled and published
 * diagnostics apart, and VS Code shows pulled ones only for pages in a tab,
 * while a page whose tab was closed may stay open without a tab. One
 * channel for the whole issue shows each finding once, whatever the tabs.
 */
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { CheckIssueResult } from '../protocol';
import type { DocumentView, WorkspaceSession } from '../workspace/session';
import { canonicalUri } from '../workspace/uris';
import type { IssueIndexer } from './issueIndexer';

export interface IssueCheckDeps {
  readonly connection: Connection;
  readonly session: WorkspaceSession;
  readonly indexer: IssueIndexer;
  /** A page's diagnostics as the server shows them: own findings and cross-page ones, capped. */
  readonly diagnostics: (view: DocumentView) => Diagnostic[];
  /** Whether the client pulls the open pages' diagnostics, and has it pull again: the checked issue's open pages answer with nothing from now on. */
  readonly pulls: () => boolean;
  readonly pullAgain: () => void;
}

/** Changes come in bursts (a scan, typing on a linked page): the closed pages are published once the burst rests. */
const SETTLE_MS = 300;

export class IssueCheck {
  private readonly checked = new Set<string>();
  /** The closed pages' analyses, by canonical URI: kept while their file and configuration stay as they were. */
  private readonly views = new Map<string, DocumentView>();
  /** What was last published for each closed page (by the URI as published): unchanged diagnostics are not sent again. */
  private readonly shown = new Map<string, string>();
  /** The pages published for each checked issue: one that left it (deleted, no page any more) is cleared. */
  private readonly pagesOf = new Map<string, Set<string>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: IssueCheckDeps) {}

  /** Checks the issue of a page (or the issue of that id); null when the index knows no such issue. */
  async check(uri: string): Promise<CheckIssueResult | null> {
    const { index } = this.deps.session;
    const id = index.issueIdFor(uri);
    const issue = id === undefined ? undefined : index.issue(id);
    if (!id || !issue) return null;
    this.checked.add(id);
    // Asked for, a check reads every closed page afresh, whatever the watcher said.
    for (const f of issue.files) this.views.delete(canonicalUri(f.uri));
    const result = await this.serialized(() => this.publish(id, this.deps.pulls()));
    if (this.deps.pulls()) this.deps.pullAgain();
    return result;
  }

  /**
   * Stops checking the issue of a page (or of that id): its closed pages are
   * cleared, and its open ones go back to being pulled where the client pulls.
   */
  async stop(uri: string): Promise<CheckIssueResult | null> {
    const { index } = this.deps.session;
    const id = index.issueIdFor(uri);
    if (id === undefined || !this.checked.has(id)) return null;
    return this.serialized(async () => {
      this.checked.delete(id);
      const issue = index.issue(id);
      const pulls = this.deps.pulls();
      for (const uri of this.pagesOf.get(id) ?? []) {
        this.views.delete(canonicalUri(uri));
        this.shown.delete(uri);
        // An open page in push mode keeps being published as ever.
        if (pulls || !this.deps.session.isOpen(uri)) await this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
      this.pagesOf.delete(id);
      if (pulls) this.deps.pullAgain();
      return issue ? { issue: issue.name, pages: issue.pages.length, files: issue.files.length, problems: 0 } : null;
    });
  }

  /** Whether a page's diagnostics are published, not pulled: its issue is checked. */
  covers(uri: string): boolean {
    const id = this.deps.session.index.issueIdOf(uri);
    return id !== undefined && this.checked.has(id);
  }

  /** Something in the session changed: the checked issues' closed pages are published again once it rests. */
  changed(): void {
    if (this.checked.size === 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.serialized(async () => {
        for (const id of [...this.checked]) await this.publish(id, false);
      });
    }, SETTLE_MS);
  }

  /** Files changed on disk: what was read of them is stale. */
  filesChanged(uris: readonly string[]): void {
    for (const u of uris) this.views.delete(canonicalUri(u));
    this.changed();
  }

  /** A page was opened in the editor: its live diagnostics stand for it now, published as each version settles. */
  opened(uri: string): void {
    this.views.delete(canonicalUri(uri));
    this.shown.delete(uri);
  }

  /** A page was closed: if its issue is checked, it is read from disk and shown again. */
  closed(uri: string): void {
    this.shown.delete(uri);
    if (this.covers(uri)) this.changed();
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const next = this.running.then(task, task);
    this.running = next.catch(() => undefined);
    return next;
  }

  /** Publishes the closed pages of an issue; `open`: the open ones too, when they were pulled until now. */
  private async publish(id: string, open: boolean): Promise<CheckIssueResult | null> {
    const { session, indexer, connection, diagnostics } = this.deps;
    const issue = session.index.issue(id);
    const before = this.pagesOf.get(id) ?? new Set<string>();
    const now = new Set<string>();
    if (!issue) this.checked.delete(id);
    let problems = 0;
    for (const file of issue?.files ?? []) {
      if (session.isOpen(file.uri)) {
        now.add(file.uri);
        // Published as each version settles; only the check that starts publishing them counts and sends them here.
        const live = open ? session.document(file.uri) : undefined;
        if (live) {
          const items = diagnostics(live);
          problems += items.length;
          await connection.sendDiagnostics({ uri: file.uri, version: live.version, diagnostics: items });
        }
        continue;
      }
      const key = canonicalUri(file.uri);
      let view = this.views.get(key);
      if (!view || view.config !== session.configOf(file.uri)) {
        view = await indexer.readView(file.uri);
        if (view) this.views.set(key, view);
        else this.views.delete(key);
      }
      // Opened while it was read: the editor's text stands for it.
      if (!view || session.isOpen(file.uri)) continue;
      now.add(file.uri);
      const items = diagnostics(view);
      problems += items.length;
      const json = JSON.stringify(items);
      if (this.shown.get(file.uri) === json) continue;
      this.shown.set(file.uri, json);
      await connection.sendDiagnostics({ uri: file.uri, diagnostics: items });
    }
    for (const uri of before) {
      if (now.has(uri) || session.isOpen(uri)) continue;
      this.shown.delete(uri);
      await connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    if (issue) this.pagesOf.set(id, now);
    else this.pagesOf.delete(id);
    return issue ? { issue: issue.name, pages: issue.pages.length, files: issue.files.length, problems } : null;
  }
}
