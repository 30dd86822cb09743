/**
 * The Newsprint language server: protocol wiring only. It speaks plain LSP
 * over stdio (`node server.js --stdio`) or IPC, so any editor can use it;
 * every decision about newspaper text is made by the analysis, and every
 * decision about files and settings by the workspace session it feeds.
 */
import { join } from 'node:path';
import {
  createConnection,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineCache } from './model/readPage';
import { isRuleId } from './rules/finding';
import { codeActions, isFixAllData, resolveFixAll, type IgnoreArgs, type RuleOffArgs } from './lsp/codeActions';
import { DocumentDiagnostics } from './documentDiagnostics';
import { registerExportRequests } from './lsp/exportRequests';
import { foldingRanges } from './lsp/folding';
import { encodeTokens, TOKEN_TYPES } from './pageTokens';
import { ISSUE_CAPABILITIES, registerIssueFeatures, sessionEvents, watchPageFiles } from './lsp/issueFeatures';
import { IssueIndexer } from './lsp/issueIndexer';
import { SegmentationService } from './lsp/segmentation';
import { DEFAULT_SETTINGS, SettingsStore, type Settings } from './lsp/settings';
import { SymbolRegistration } from './lsp/symbolRegistration';
import { toDocumentSymbol } from './lsp/symbols';
import { CHECK_ISSUE_COMMAND, FIX_ALL_KIND, IGNORE_COMMAND, RULE_OFF_COMMAND, type CheckIssueResult } from './protocol';
import { IssueCheck } from './lsp/issueCheck';
import { CONFIG_FILE } from './workspace/configFile';
import { ConfigFinder } from './workspace/configFinder';
import { ConfigWriter } from './workspace/configWriter';
import { WorkspaceSession, type DocumentView } from './workspace/session';
import { pathOf } from './workspace/uris';
import { t } from './l10n/t';
import { useLocale } from './l10n/locale';
import { ruleDocHref } from './ruleDocs';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let pullDiagnostics = false;
let refreshSupport = false;
let workspaceFolderEvents = false;
let resolveEdits = false;
/** Whether the client takes change annotations: fix-all then asks to be previewed. */
let annotateEdits = false;
/** The client says so in initializationOptions; other editors have no such notion and are trusted. */
let trusted = true;
let folders: string[] = [];
let settingsStore: SettingsStore;
let symbols: SymbolRegistration;
let clientCapabilities: ClientCapabilities = {};
/** The settings of each workspace folder, and of the window for files outside every folder. */
const settingsByFolder = new Map<string, Settings>();
let windowSettings: Settings = DEFAULT_SETTINGS;
// NEWSPRINT_DICT_DIR points at another dictionary folder (tests use it to make loading fail).
const segmentation = new SegmentationService(connection, process.env.NEWSPRINT_DICT_DIR ?? join(__dirname, 'dict'));
const configs = new ConfigFinder();

/** Shared by every open document: pages of one issue repeat their furniture and each other's headlines. */
const session = new WorkspaceSession({
  segmenter: (wait) => segmentation.get(windowSettings.dictionary, windowSettings.userDictionary, wait),
  configs,
  lineCache: new LineCache(),
  trusted: () => trusted,
});
// The first pages were read and shown without words: once the dictionary is in, they are read again.
segmentation.onLoaded(() => session.segmenterChanged());
const writer = new ConfigWriter(configs, (path) => session.rootOf(path));
let published = new DocumentDiagnostics();
let indexer: IssueIndexer;
let issueCheck: IssueCheck;

let settingsKnown: () => void = () => undefined;
const settingsReady = new Promise<void>((resolve) => (settingsKnown = resolve));
const ready = () => settingsReady;

/** Set once the client asked the server to shut down: every request after that is refused, as LSP says. */
let shuttingDown = false;

function refuseAfterShutdown(): void {
  if (shuttingDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
}

/** A handler that logs instead of taking the server down, and answers with a fallback. */
function guard<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => Promise<R> | R): (...args: P) => Promise<R> {
  return async (...args: P) => {
    refuseAfterShutdown();
    try {
      return await fn(...args);
    } catch (err) {
      connection.console.error(`Newsprint: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  };
}

function maxProblemsFor(uri: string): number {
  const folder = folders.filter((f) => uri.startsWith(f.replace(/\/?$/, '/'))).sort((a, b) => b.length - a.length)[0];
  return (folder ? settingsByFolder.get(folder) : undefined)?.maxProblems ?? windowSettings.maxProblems;
}

/** A document's own findings, then the cross-page ones the index has for it, capped where they are shown. */
function diagnosticsOf(view: DocumentView): Diagnostic[] {
  return published.of(view, session.crossPage(view.uri), { max: maxProblemsFor(view.uri), name: 'newsprint.maxProblems' });
}

/** The session's view of an open document's current version, once the settings are known. */
async function viewOf(uri: string): Promise<DocumentView | undefined> {
  await ready();
  return session.document(uri);
}

/** Asks the client for the settings of every folder and of the window, and hands them to the session. */
async function loadSettings(): Promise<void> {
  const [window = DEFAULT_SETTINGS, ...perFolder] = await Promise.all([settingsStore.get(undefined), ...folders.map((f) => settingsStore.get(f))]);
  const dictionaryChanged = window.dictionary !== windowSettings.dictionary || window.userDictionary !== windowSettings.userDictionary;
  windowSettings = window;
  settingsByFolder.clear();
  folders.forEach((f, i) => settingsByFolder.set(f, perFolder[i]!));
  session.setSettings(undefined, windowSettings);
  folders.forEach((f, i) => session.setSettings(f, perFolder[i]!));
  // Another dictionary reads every page differently: the one case where pages on disk are read again.
  if (dictionaryChanged) {
    session.segmenterChanged();
    indexer?.rescan();
  }
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  // Before anything is analysed: findings are worded once, in the language the client asked for.
  const language = useLocale(params.locale);
  const caps = params.capabilities;
  pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
  refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
  workspaceFolderEvents = caps.workspace?.workspaceFolders === true;
  resolveEdits = caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
  annotateEdits = caps.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined;
  trusted = (params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false;
  const shows = pullDiagnostics ? caps.textDocument?.diagnostic : caps.textDocument?.publishDiagnostics;
  published = new DocumentDiagnostics(shows?.relatedInformation === true, shows?.codeDescriptionSupport === true ? ruleDocHref(language) : undefined);
  settingsStore = new SettingsStore(connection, caps.workspace?.configuration === true);
  clientCapabilities = caps;
  symbols = SymbolRegistration.for(connection, caps);
  const events = sessionEvents(connection, {
    documents: (uris) => {
      if (pullDiagnostics && refreshSupport) void connection.languages.diagnostics.refresh();
      for (const u of uris) {
        const doc = documents.get(u);
        if (doc && publishes(u)) scheduleSettle(doc);
      }
    },
    outline: () => symbols.renew(),
    reread: () => indexer.rescan(),
    indexing: () => indexer.indexing,
  });
  indexer = new IssueIndexer(connection, session, () => events.mapChanged());
  issueCheck = new IssueCheck({
    connection,
    session,
    indexer,
    diagnostics: diagnosticsOf,
    pulls: () => pullDiagnostics,
    pullAgain: () => {
      if (refreshSupport) void connection.languages.diagnostics.refresh();
    },
  });
  session.onChange((c) => {
    events.changed(c);
    issueCheck.changed();
  });
  session.onWarning((problem) => {
    const message = t`Newsprint: ${problem}`;
    connection.console.warn(message);
    void connection.window.showWarningMessage(message);
  });
  registerIssueFeatures({ connection, session, indexer, ready, guard, capabilities: caps });
  registerExportRequests({ connection, documents, session, ready });
  folders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
  session.setFolders(folders);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      ...symbols.capability(),
      foldingRangeProvider: true,
      semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [] }, full: true },
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: resolveEdits },
      executeCommandProvider: { commands: [IGNORE_COMMAND, RULE_OFF_COMMAND, CHECK_ISSUE_COMMAND] },
      ...ISSUE_CAPABILITIES,
      // A page's diagnostics depend on the other pages of its issue.
      ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'newsprint', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'newsprint', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  symbols.renew();
  void loadSettings()
    .catch((err: unknown) => connection.console.error(`Newsprint: reading settings failed: ${String(err)}`))
    .finally(() => {
      settingsKnown();
      indexer.setFolders(folders);
      indexer.rescan();
    });
  void watchPageFiles(connection, clientCapabilities).catch((err: unknown) => connection.console.warn(`Newsprint: cannot watch page files: ${String(err)}`));
  if (!workspaceFolderEvents) return;
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const removed = new Set(e.removed.map((f) => f.uri));
    folders = folders.filter((f) => !removed.has(f)).concat(e.added.map((f) => f.uri));
    session.setFolders(folders);
    indexer.setFolders(folders);
    void loadSettings().finally(() => indexer.rescan());
  });
});

const pending = new Map<string, ReturnType<typeof setImmediate>>();

/** Whether a document's diagnostics are published rather than pulled: in push mode, and for the pages of a checked issue. */
function publishes(uri: string): boolean {
  return !pullDiagnostics || issueCheck.covers(uri);
}

/**
 * Settles a document's new version once the edits already received have been applied (setImmediate runs
 * after the I/O that brought them, without setTimeout's extra millisecond), so the index and the pages
 * linked to it hear of it even when no request comes; in push mode, publishes if the version is still current.
 */
function scheduleSettle(doc: TextDocument): void {
  const timer = pending.get(doc.uri);
  if (timer) clearImmediate(timer);
  pending.set(
    doc.uri,
    setImmediate(
      () =>
        void guard('diagnostics', undefined, async () => {
          pending.delete(doc.uri);
          const view = await viewOf(doc.uri);
          if (!view || !publishes(doc.uri) || documents.get(doc.uri)?.version !== view.version) return;
          await connection.sendDiagnostics({ uri: doc.uri, version: view.version, diagnostics: diagnosticsOf(view) });
        })(),
    ),
  );
}

documents.onDidOpen((e) => issueCheck.opened(e.document.uri));
documents.onDidChangeContent((e) => {
  session.openDocument(e.document.uri, e.document.version, e.document.getText());
  scheduleSettle(e.document);
});
documents.onDidClose((e) => {
  const uri = e.document.uri;
  if (session.closeDocument(uri)) void indexer.readFromDisk(uri);
  const timer = pending.get(uri);
  if (timer) clearImmediate(timer);
  pending.delete(uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  issueCheck.closed(uri);
});

connection.onDidChangeConfiguration((change) => {
  settingsStore.update(change.settings);
  // Only what differs is recomputed: the session compares each file's configuration with what it had.
  void loadSettings().catch((err: unknown) => connection.console.error(`Newsprint: reading settings failed: ${String(err)}`));
});

connection.onDidChangeWatchedFiles((change) => {
  if (change.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE}`))) session.configChanged();
  const pages = change.changes.filter((c) => !c.uri.endsWith(`/${CONFIG_FILE}`));
  indexer.filesChanged(pages);
  issueCheck.filesChanged(pages.map((c) => c.uri));
});

connection.languages.diagnostics.on(async (params, token) => {
  refuseAfterShutdown();
  let view: DocumentView | undefined;
  try {
    view = await viewOf(params.textDocument.uri);
  } catch (err) {
    connection.console.error(`Newsprint: diagnostics failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] };
  }
  // A checked issue's pages are published, open or not: pulled too, they would show twice.
  if (!view || issueCheck.covers(view.uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] };
  // An edit arrived meanwhile: these diagnostics describe an old version. Ask the client to pull again.
  if (token.isCancellationRequested || documents.get(view.uri)?.version !== view.version) {
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer version', { retriggerRequest: true });
  }
  return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(view) };
});

connection.onDocumentSymbol(
  guard('document symbols', [], async (params) => {
    const view = await viewOf(params.textDocument.uri);
    if (!view) return [];
    return session.outline(view).map((e) => toDocumentSymbol(e, view.analysis));
  }),
);

connection.onFoldingRanges(
  guard('folding ranges', [], async (params) => {
    const view = await viewOf(params.textDocument.uri);
    return view ? foldingRanges(view.analysis.folds()) : [];
  }),
);

connection.languages.semanticTokens.on(
  guard('semantic tokens', { data: [] }, async (params) => {
    const view = await viewOf(params.textDocument.uri);
    return { data: view ? encodeTokens(view.analysis.tokens()) : [] };
  }),
);

connection.onCodeAction(
  guard('code actions', [], async (params) => {
    const view = await viewOf(params.textDocument.uri);
    // Fixes carry ranges of the version they were computed for; a stale request gets none.
    if (!view || view.version !== documents.get(view.uri)?.version) return [];
    return codeActions(params, view, session.crossPage(view.uri), (rule) => session.fixAll(view.uri, rule), resolveEdits, annotateEdits);
  }),
);

connection.onCodeActionResolve(
  guard('code action', {} as CodeAction, async (action) => {
    if (!isFixAllData(action.data)) return action;
    const view = await viewOf(action.data.uri);
    const data = action.data;
    return resolveFixAll(action, data, view, (rule) => session.fixAll(data.uri, rule), annotateEdits);
  }),
);

/** Ignore a finding, or turn a rule off: the commands that write .newsprint.json. */
function configCommand(command: string, arg: Partial<IgnoreArgs & RuleOffArgs> | undefined): void {
  if (!arg || typeof arg.uri !== 'string' || typeof arg.rule !== 'string' || !isRuleId(arg.rule)) return;
  const path = pathOf(arg.uri);
  if (!path) {
    void connection.window.showInformationMessage(t('Newsprint: only files on disk can have their findings ignored or rules turned off.'));
    return;
  }
  let result;
  if (command === IGNORE_COMMAND && typeof arg.fingerprint === 'string') {
    result = writer.ignore(path, arg.rule, arg.fingerprint, String(arg.text ?? ''), typeof arg.page === 'string' ? arg.page : undefined);
  } else if (command === RULE_OFF_COMMAND && (arg.scope === 'file' || arg.scope === 'workspace')) {
    result = writer.ruleOff(path, arg.rule, arg.scope);
  } else return;
  if (!result.written) {
    connection.console.warn(`Newsprint: ${result.reason}`);
    void connection.window.showErrorMessage(t`Newsprint could not update .newsprint.json: ${result.reason}.`);
    return;
  }
  connection.console.info(`Newsprint: updated ${result.path}`);
  // What the file reaches is configured again; only files whose configuration changed are shown again.
  session.configChanged();
}

connection.onExecuteCommand(
  guard('command', null as CheckIssueResult | null, async (params) => {
    const arg = params.arguments?.[0] as { uri?: unknown; stop?: unknown } | undefined;
    if (params.command !== CHECK_ISSUE_COMMAND) {
      configCommand(params.command, arg as Partial<IgnoreArgs & RuleOffArgs> | undefined);
      return null;
    }
    if (typeof arg?.uri !== 'string') return null;
    await ready();
    return arg.stop === true ? issueCheck.stop(arg.uri) : issueCheck.check(arg.uri);
  }),
);

connection.onShutdown(() => {
  shuttingDown = true;
});

process.on('uncaughtException', (err) => connection.console.error(`Newsprint: unexpected error: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`Newsprint: unexpected rejection: ${String(err)}`));

documents.listen(connection);
connection.listen();
