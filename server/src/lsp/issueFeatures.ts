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
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IssueMap } from '../issue/issueMap';
import { ISSUE_MAP_CHANGED, ISSUE_MAP_REQUEST, type IssueMapChangedParams, type IssueMapParams } from '../protocol';
import { linkAt, jumpHover, jumpTarget, markerLinks } from '../issue/navigation';
import { jumpNotes, withJumps } from '../issue/outlineJumps';
import { articleSymbols, type ArticleSymbol } from '../issue/workspaceSymbols';
import type { OutlineEntry } from '../outline';
import { PAGE_FILE_GLOB, type IndexerEvents, type IssueIndexer } from './issueIndexer';

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
  readonly documents: TextDocuments<TextDocument>;
  readonly indexer: IssueIndexer;
  readonly guard: Guard;
  readonly capabilities: ClientCapabilities;
}

export function registerIssueFeatures({ connection, documents, indexer, guard, capabilities }: IssueFeatureDeps): void {
  const linkSupport = capabilities.textDocument?.definition?.linkSupport === true;

  /** The index holds the open document as it is now, so positions compare with current lines. */
  const current = async (uri: string): Promise<boolean> => {
    const doc = documents.get(uri);
    if (!doc) return false;
    await indexer.current(doc);
    return true;
  };

  connection.onDefinition(
    guard('definition', null as Location[] | LocationLink[] | null, async (params) => {
      if (!(await current(params.textDocument.uri))) return null;
      const link = linkAt(indexer.index, params.textDocument.uri, params.position);
      const t = link && jumpTarget(link);
      if (!t) return null;
      if (linkSupport) return [{ originSelectionRange: t.origin, targetUri: t.uri, targetRange: t.range, targetSelectionRange: t.selection }];
      return [{ uri: t.uri, range: t.selection }];
    }),
  );

  connection.onHover(
    guard('hover', null as Hover | null, async (params) => {
      if (!(await current(params.textDocument.uri))) return null;
      const link = linkAt(indexer.index, params.textDocument.uri, params.position);
      if (!link) return null;
      return { contents: { kind: MarkupKind.Markdown, value: jumpHover(link) }, range: link.marker.range };
    }),
  );

  connection.onDocumentLinks(
    guard('document links', [] as DocumentLink[], async (params) => {
      if (!(await current(params.textDocument.uri))) return [];
      return markerLinks(indexer.index, params.textDocument.uri).map((l) => ({ range: l.range, target: l.target, tooltip: l.tooltip }));
    }),
  );

  connection.onWorkspaceSymbol(
    guard('workspace symbols', [] as SymbolInformation[], (params) =>
      articleSymbols(indexer.index, params.query).map((s) => ({ name: s.name, kind: SYMBOL_KIND[s.kind], location: { uri: s.uri, range: s.range }, containerName: s.container })),
    ),
  );

  connection.onRequest(
    ISSUE_MAP_REQUEST,
    guard('issue map', { issues: [], indexing: false } as IssueMap, (params: IssueMapParams | undefined) => {
      if (params?.rescan) indexer.rescan();
      return indexer.map();
    }),
  );
}

/** Page files changed on disk come as didChangeWatchedFiles: asked for here when the client lets servers register watchers. */
export async function watchPageFiles(connection: Connection, capabilities: ClientCapabilities): Promise<void> {
  if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration !== true) return;
  await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: PAGE_FILE_GLOB }] });
}

/** The outline with the notes of its jumps: → 2版, ← 1版. */
export function outlineWithJumps(indexer: IssueIndexer, uri: string, entries: OutlineEntry[]): OutlineEntry[] {
  const file = indexer.index.get(uri);
  const links = indexer.index.linksOf(uri);
  return file && links ? withJumps(entries, jumpNotes(links, file.uri)) : entries;
}

export interface RefreshHooks {
  /** Pull clients: ask for every open document's diagnostics again. */
  readonly refresh: () => void;
  /** Push clients: analyse and publish this document again. */
  readonly push: (doc: TextDocument) => void;
  readonly pull: () => boolean;
  /** The outline's jump notes may have changed: have the client ask for symbols again. */
  readonly outline: () => void;
}

/**
 * What the server does when the index changes: tells the client the map
 * changed (throttled), and refreshes the diagnostics of open pages whose
 * jumps may have changed with another page.
 */
export function issueEvents(connection: Connection, documents: TextDocuments<TextDocument>, hooks: RefreshHooks): IndexerEvents {
  let mapTimer: ReturnType<typeof setTimeout> | undefined;
  let lastIndexing = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const toPush = new Set<string>();
  return {
    mapChanged(indexing) {
      lastIndexing = indexing;
      if (mapTimer) return;
      mapTimer = setTimeout(() => {
        mapTimer = undefined;
        void connection.sendNotification(ISSUE_MAP_CHANGED, { indexing: lastIndexing } satisfies IssueMapChangedParams);
      }, 250);
    },
    linked(uris) {
      for (const u of uris) toPush.add(u);
      if (refreshTimer) return;
      // One refresh for a burst of changes: a scan or a paste touches many pages at once.
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        if (hooks.pull()) hooks.refresh();
        else {
          for (const u of toPush) {
            const doc = documents.get(u);
            if (doc) hooks.push(doc);
          }
        }
        toPush.clear();
        hooks.outline();
      }, 50);
    },
  };
}
