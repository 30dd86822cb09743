/**
 * The Newsprint language server: protocol wiring only. It speaks plain LSP
 * over stdio (`node server.js --stdio`) or IPC, so any editor can use it;
 * every decision about newspaper text is made by the analysis it calls.
 */
import { join } from 'node:path';
import {
  createConnection,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { outline } from './outline';
import { isRuleId } from './rules/finding';
import { codeActions, type IgnoreArgs, type RuleOffArgs } from './lsp/codeActions';
import { FIX_ALL_KIND, IGNORE_COMMAND, RULE_OFF_COMMAND } from './protocol';
import { DocumentAnalyses, type DocumentAnalysis } from './lsp/documentAnalyses';
import { foldingRanges } from './lsp/folding';
import { ISSUE_CAPABILITIES, issueEvents, outlineWithJumps, registerIssueFeatures, watchPageFiles } from './lsp/issueFeatures';
import { IssueIndexer } from './lsp/issueIndexer';
import { SegmentationService } from './lsp/segmentation';
import { SettingsStore } from './lsp/settings';
import { SymbolRegistration } from './lsp/symbolRegistration';
import { toDocumentSymbol } from './lsp/symbols';
import { WorkspaceConfigService } from './lsp/workspaceConfigService';
import { CONFIG_FILE } from './workspaceConfig';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let pullDiagnostics = false;
let refreshSupport = false;
let workspaceFolderEvents = false;
let folders: string[] = [];
let settings: SettingsStore;
let analyses: DocumentAnalyses;
let indexer: IssueIndexer;
let symbols: SymbolRegistration;
let clientCapabilities: ClientCapabilities = {};
// NEWSPRINT_DICT_DIR points at another dictionary folder (tests use it to make loading fail).
const segmentation = new SegmentationService(connection, process.env.NEWSPRINT_DICT_DIR ?? join(__dirname, 'dict'));
const configs = new WorkspaceConfigService();

/** A handler that logs instead of taking the server down, and answers with a fallback. */
function guard<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => Promise<R> | R): (...args: P) => Promise<R> {
  return async (...args: P) => {
    try {
      return await fn(...args);
    } catch (err) {
      connection.console.error(`Newsprint: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  };
}

/** A page's own findings, then the cross-page ones the issue index has for it. */
function diagnosticsOf(result: DocumentAnalysis): Diagnostic[] {
  return [...result.diagnostics, ...indexer.diagnostics(result)];
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
  refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
  workspaceFolderEvents = caps.workspace?.workspaceFolders === true;
  settings = new SettingsStore(connection, caps.workspace?.configuration === true);
  analyses = new DocumentAnalyses(settings, segmentation, configs);
  clientCapabilities = caps;
  symbols = SymbolRegistration.for(connection, caps);
  indexer = new IssueIndexer(
    { connection, documents, analyses, settings, segmentation, configs },
    issueEvents(connection, documents, {
      pull: () => pullDiagnostics,
      refresh: () => {
        if (refreshSupport) void connection.languages.diagnostics.refresh();
      },
      push: schedulePush,
      outline: () => symbols.renew(),
    }),
  );
  registerIssueFeatures({ connection, documents, indexer, guard, capabilities: caps });
  folders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
  configs.setFolders(folders);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      ...symbols.capability(),
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: [IGNORE_COMMAND, RULE_OFF_COMMAND] },
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
  indexer.setFolders(folders);
  indexer.rescan();
  void watchPageFiles(connection, clientCapabilities).catch((err: unknown) => connection.console.warn(`Newsprint: cannot watch page files: ${String(err)}`));
  if (!workspaceFolderEvents) return;
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const removed = new Set(e.removed.map((f) => f.uri));
    folders = folders.filter((f) => !removed.has(f)).concat(e.added.map((f) => f.uri));
    configs.setFolders(folders);
    indexer.setFolders(folders);
    refreshAll();
  });
});

/** Diagnostics changed for reasons other than an edit: settings, config file, ignores. */
function refreshAll(): void {
  analyses.invalidate();
  configs.changed();
  indexer.rescan();
  if (pullDiagnostics) {
    if (refreshSupport) void connection.languages.diagnostics.refresh();
  } else {
    for (const doc of documents.all()) schedulePush(doc);
  }
}

const pending = new Map<string, ReturnType<typeof setImmediate>>();

/**
 * Push mode: analyse once the edits already received have been applied (setImmediate runs after the I/O
 * that brought them, without setTimeout's extra millisecond), and publish only if the version is still current.
 */
function schedulePush(doc: TextDocument): void {
  if (pullDiagnostics) return;
  const timer = pending.get(doc.uri);
  if (timer) clearImmediate(timer);
  pending.set(
    doc.uri,
    setImmediate(
      guard('diagnostics', undefined, async () => {
        pending.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (!current) return;
        const result = await analyses.get(current);
        if (documents.get(doc.uri)?.version !== result.version) return;
        await connection.sendDiagnostics({ uri: doc.uri, version: result.version, diagnostics: diagnosticsOf(result) });
      }),
    ),
  );
}

documents.onDidChangeContent((e) => {
  schedulePush(e.document);
  indexer.documentChanged(e.document);
});
documents.onDidClose((e) => {
  analyses.forget(e.document.uri);
  indexer.documentClosed(e.document.uri);
  const timer = pending.get(e.document.uri);
  if (timer) clearImmediate(timer);
  pending.delete(e.document.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((change) => {
  settings.update(change.settings);
  refreshAll();
});

connection.onDidChangeWatchedFiles((change) => {
  if (change.changes.some((c) => c.uri.endsWith(CONFIG_FILE))) refreshAll();
  else indexer.filesChanged(change.changes);
});

connection.languages.diagnostics.on(async (params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] };
  let result: DocumentAnalysis;
  try {
    result = await analyses.get(doc);
  } catch (err) {
    connection.console.error(`Newsprint: diagnostics failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] };
  }
  // An edit arrived meanwhile: these diagnostics describe an old version. Ask the client to pull again.
  if (token.isCancellationRequested || documents.get(doc.uri)?.version !== result.version) {
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer version', { retriggerRequest: true });
  }
  return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(result) };
});

connection.onDocumentSymbol(
  guard('document symbols', [], async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const result = await analyses.get(doc);
    await indexer.current(doc);
    return outlineWithJumps(indexer, doc.uri, outline(result.analysis.model)).map((e) => toDocumentSymbol(e, result.index));
  }),
);

connection.onFoldingRanges(
  guard('folding ranges', [], async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { analysis, index } = await analyses.get(doc);
    return foldingRanges(analysis.model, index);
  }),
);

connection.onCodeAction(
  guard('code actions', [], async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const { analysis, index, version } = await analyses.get(doc);
    // Fixes carry ranges of the version they were computed for; a stale request gets none.
    if (version !== doc.version) return [];
    return codeActions(params, version, analysis, index, doc);
  }),
);

connection.onExecuteCommand(
  guard('command', undefined, (params) => {
    const arg = params.arguments?.[0] as Partial<IgnoreArgs & RuleOffArgs> | undefined;
    if (!arg || typeof arg.uri !== 'string' || typeof arg.rule !== 'string' || !isRuleId(arg.rule)) return;
    let written: string;
    if (params.command === IGNORE_COMMAND && typeof arg.fingerprint === 'string') {
      written = configs.ignore(arg.uri, arg.rule, arg.fingerprint, String(arg.text ?? ''));
    } else if (params.command === RULE_OFF_COMMAND && (arg.scope === 'file' || arg.scope === 'workspace')) {
      written = configs.ruleOff(arg.uri, arg.rule, arg.scope);
    } else return;
    connection.console.info(`Newsprint: updated ${written}`);
    refreshAll();
  }),
);

process.on('uncaughtException', (err) => connection.console.error(`Newsprint: unexpected error: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`Newsprint: unexpected rejection: ${String(err)}`));

documents.listen(connection);
connection.listen();
