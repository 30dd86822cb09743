/**
 * The issue features over LSP: go to definition and document links on
 * continuation markers, hover, workspace symbols, the outline's jump notes,
 * and the issue map for the editor's tree view. Handlers only translate; the
 * index and the functions of ../issue decide. The custom messages are
 * declared, with their direction, in ../protocol.ts.
 */
import {
  DidChangeWatchedFilesNotification,
  MarkupKind,
  SymbolKind,
  type ClientCapabilities,
  type Connection,
  type DocumentLink,
  type Hover,
  type Location,
  type LocationLink,
  type ServerCapabilities,
  type SymbolInformation,
} from 'vscode-languageserver';
import { linkAt, jumpHover, jumpTarget, markerLinks } from '../issue/navigation';
import { articleSymbols, type ArticleSymbol } from '../issue/workspaceSymbols';
import { ISSUE_MAP_CHANGED, ISSUE_MAP_REQUEST, PAGE_TEST_REQUEST, type IssueMapChangedParams, type IssueMapParams, type PageTestParams } from '../protocol';
import { CONFIG_FILE } from '../workspace/configFile';
import { PAGE_FILE_GLOB, pageTest } from '../workspace/pageFiles';
import { pathOf } from '../workspace/uris';
import type { SessionChange, WorkspaceSession } from '../workspace/session';
import type { IssueIndexer } from './issueIndexer';

export const ISSUE_CAPABILITIES: ServerCapabilities = {
  definitionProvider: true,
  hoverProvider: true,
  documentLinkProvider: { resolveProvider: false },
  workspaceSymbolProvider: true,
};

type Guard = <P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => Promise<R> | R) => (...args: P) => Promise<R>;

const SYMBOL_KIND: Record<ArticleSymbol['kind'], SymbolKind> = {
  article: SymbolKind.String,
  continuation: SymbolKind.String,
  commentary: SymbolKind.String,
  photo: SymbolKind.Object,
  teaser: SymbolKind.Event,
};

export interface IssueFeatureDeps {
  readonly connection: Connection;
  readonly session: WorkspaceSession;
  readonly indexer: IssueIndexer;
  /** Resolves once the settings are known: nothing is analysed before. */
  readonly ready: () => Promise<void>;
  readonly guard: Guard;
  readonly capabilities: ClientCapabilities;
}

export function registerIssueFeatures({ connection, session, indexer, ready, guard, capabilities }: IssueFeatureDeps): void {
  const linkSupport = capabilities.textDocument?.definition?.linkSupport === true;
  const index = session.index;

  /** Whether the document is open; its current version is in the index once asked for, so positions compare with current lines. */
  const current = async (uri: string): Promise<boolean> => {
    await ready();
    return session.document(uri) !== undefined;
  };

  connection.onDefinition(
    guard('definition', null as Location[] | LocationLink[] | null, async (params) => {
      if (!(await current(params.textDocument.uri))) return null;
      const link = linkAt(index, params.textDocument.uri, params.position);
      const t = link && jumpTarget(link);
      if (!t) return null;
      if (linkSupport) return [{ originSelectionRange: t.origin, targetUri: t.uri, targetRange: t.range, targetSelectionRange: t.selection }];
      return [{ uri: t.uri, range: t.selection }];
    }),
  );

  connection.onHover(
    guard('hover', null as Hover | null, async (params) => {
      if (!(await current(params.textDocument.uri))) return null;
      const link = linkAt(index, params.textDocument.uri, params.position);
      if (!link) return null;
      return { contents: { kind: MarkupKind.Markdown, value: jumpHover(link) }, range: link.marker.range };
    }),
  );

  connection.onDocumentLinks(
    guard('document links', [] as DocumentLink[], async (params) => {
      if (!(await current(params.textDocument.uri))) return [];
      return markerLinks(index, params.textDocument.uri).map((l) => ({ range: l.range, target: l.target, tooltip: l.tooltip }));
    }),
  );

  connection.onWorkspaceSymbol(
    guard('workspace symbols', [] as SymbolInformation[], async (params) => {
      await ready();
      return articleSymbols(index, params.query).map((s) => ({ name: s.name, kind: SYMBOL_KIND[s.kind], location: { uri: s.uri, range: s.range }, containerName: s.container }));
    }),
  );

  connection.onRequest(
    ISSUE_MAP_REQUEST,
    guard('issue map', { issues: [], indexing: false }, async (params: IssueMapParams | undefined) => {
      await ready();
      if (params?.rescan) indexer.rescan();
      return session.map(indexer.indexing);
    }),
  );

  connection.onRequest(
    PAGE_TEST_REQUEST,
    guard('page test', { page: false }, async (params: PageTestParams | undefined) => {
      // The workspace's pattern is known once its settings are.
      await ready();
      if (!params || typeof params.uri !== 'string' || typeof params.text !== 'string') return { page: false };
      const path = pathOf(params.uri) ?? params.uri;
      // A page line stands near the top: the beginning is enough, and a huge file costs nothing more.
      return { page: pageTest(path, params.text.slice(0, 65536), session.configOf(params.uri).pattern).page };
    }),
  );
}

/**
 * Page files and config files changed on disk come as didChangeWatchedFiles:
 * asked for here, by the server that reads them, when the client lets
 * servers register watchers. A client that cannot is covered by the config
 * being read again before each write, and by its modification time.
 */
export async function watchPageFiles(connection: Connection, capabilities: ClientCapabilities): Promise<void> {
  if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration !== true) return;
  await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: PAGE_FILE_GLOB }, { globPattern: `**/${CONFIG_FILE}` }] });
}

export interface RefreshHooks {
  /** Open documents whose diagnostics may differ: pulled again or published again. */
  readonly documents: (uris: readonly string[]) => void;
  /** The outline's jump notes may have changed: have the client ask for symbols again. */
  readonly outline: () => void;
  /** Page numbering changed in these folders: their files are read again. */
  readonly reread: (folders: readonly string[]) => void;
  readonly indexing: () => boolean;
}

/**
 * What the server does when the session changes: refreshes the documents it
 * names in one go (a scan or a paste touches many pages at once), tells the
 * client the map changed (throttled), and has the outline asked for again.
 */
export function sessionEvents(connection: Connection, hooks: RefreshHooks): { changed(change: SessionChange): void; mapChanged(): void } {
  let mapTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const toRefresh = new Set<string>();
  let outline = false;
  const mapChanged = () => {
    if (mapTimer) return;
    mapTimer = setTimeout(() => {
      mapTimer = undefined;
      void connection.sendNotification(ISSUE_MAP_CHANGED, { indexing: hooks.indexing() } satisfies IssueMapChangedParams);
    }, 250);
  };
  return {
    mapChanged,
    changed(change) {
      if (change.reread.length > 0) hooks.reread(change.reread);
      if (change.map) mapChanged();
      for (const u of change.documents) toRefresh.add(u);
      outline ||= change.links;
      if (refreshTimer || (toRefresh.size === 0 && !outline)) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        if (toRefresh.size > 0) hooks.documents([...toRefresh]);
        toRefresh.clear();
        if (outline) hooks.outline();
        outline = false;
      }, 50);
    },
  };
}
