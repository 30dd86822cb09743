/**
 * A client for protocol tests: spawns the built server over stdio and talks
 * JSON-RPC to it, as Neovim or Helix would. Waits on messages, never sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { WorkDoneProgress, type ClientCapabilities, type Diagnostic, type InitializeResult, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER } from './repo';

export interface Session {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly initialize: InitializeResult;
  /** Resolves with the next publishDiagnostics for a URI matching the predicate. */
  nextDiagnostics(uri: string, predicate?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  notifications: Array<{ method: string; params: unknown }>;
  /** What the client answers to workspace/configuration from now on. */
  setConfiguration(configuration: Record<string, unknown>): void;
  /** Resolves once the server has asked for the configuration `count` times in all, and been answered. */
  configurationAsked(count: number): Promise<void>;
  configurationRequests(): number;
  stderr(): string;
  /** Bytes the server has written to stdout so far: what the client had to read and parse. */
  bytesReceived(): number;
  /** Resolves once the server has said the dictionary loaded or failed: what a pull then gets is read with it, if it can be. */
  dictionaryLoaded(): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  readonly pull?: boolean;
  readonly configuration?: Record<string, unknown>;
  readonly rootUri?: string | null;
  readonly capabilities?: ClientCapabilities;
  /** Extra environment for the server process. */
  readonly env?: Record<string, string>;
  readonly initializationOptions?: unknown;
  /** The client's display language, as VS Code sends it in initialize (`zh-cn`). */
  readonly locale?: string;
  /** Say, as VS Code does, that the client links a diagnostic's code to its page (codeDescription). */
  readonly codeDescription?: boolean;
  /** Say, as VS Code does, that the client takes change annotations (and can preview edits). */
  readonly changeAnnotations?: boolean;
  /** A shell line to run before the server, in the same shell (`ulimit -n 64`). */
  readonly shellPrefix?: string;
  /** Options for node before the server's script (`--max-old-space-size=128`). */
  readonly nodeArgs?: readonly string[];
  /**
   * Keep every notification and every diagnostics publication no one waited
   * for (the default). A long run turns it off: 20,000 publications of 999
   * diagnostics would fill the test's own memory, not the server's.
   */
  readonly record?: boolean;
  /** Another server's script to spawn (the benchmark's do-nothing server); the built Newsprint server by default. */
  readonly server?: string;
  /**
   * Hand waiters the diagnostics published while the dictionary loads, read
   * without words. By default they are passed over: a test waits for the
   * reading it asserts on, the one with the dictionary.
   */
  readonly early?: boolean;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const env = { ...process.env, ...options.env };
  const args = [...(options.nodeArgs ?? []), options.server ?? SERVER, '--stdio'];
  const child = options.shellPrefix
    ? spawn('/bin/sh', ['-c', `${options.shellPrefix}; exec "$0" "$@"`, process.execPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env })
    : spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  let received = 0;
  child.stdout!.on('data', (d: Buffer) => (received += d.length));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const notifications: Array<{ method: string; params: unknown }> = [];
  const waiters: Array<{ uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void; reject: (err: Error) => void }> = [];
  // A server that dies leaves nothing to wait for: say so rather than hang.
  child.on('exit', (code, signal) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`the server exited (${signal ?? `code ${code}`}) while diagnostics of ${w.uri} were awaited:\n${err.slice(-2000)}`));
  });
  const published: PublishDiagnosticsParams[] = [];
  const record = options.record ?? true;
  let loading = false;
  let settled = false;
  const settledWaiters: Array<() => void> = [];
  connection.onNotification((method, params) => {
    if (record || method !== 'textDocument/publishDiagnostics') notifications.push({ method, params });
    if (method === 'newsprint/status') {
      loading = (params as { segmentation?: string }).segmentation === 'loading';
      settled ||= !loading;
      if (settled) for (const w of settledWaiters.splice(0)) w();
    }
    if (method === 'textDocument/publishDiagnostics' && (!loading || options.early)) {
      const p = params as PublishDiagnosticsParams;
      const i = waiters.findIndex((w) => w.uri === p.uri && w.predicate(p));
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(p);
      else if (record) published.push(p);
    }
  });
  let configuration = options.configuration ?? {};
  let asked = 0;
  const askedWaiters: Array<{ count: number; resolve: () => void }> = [];
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
    asked++;
    // Answered first: the waiter runs after the answer is on its way.
    setImmediate(() => {
      for (const w of askedWaiters.filter((x) => asked >= x.count)) {
        askedWaiters.splice(askedWaiters.indexOf(w), 1);
        w.resolve();
      }
    });
    return params.items.map(() => configuration);
  });
  // Registrations are kept with the notifications, so tests can see what the server asked for.
  for (const method of ['client/registerCapability', 'client/unregisterCapability']) {
    connection.onRequest(method, (params: unknown) => {
      notifications.push({ method, params });
      return null;
    });
  }
  // Work-done progress arrives as $/progress for a token the server created: kept with the notifications.
  connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
    connection.onProgress(WorkDoneProgress.type, params.token, (value) => {
      notifications.push({ method: '$/progress', params: { token: params.token, value } });
    });
    return null;
  });
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  // Warnings come as requests (they may carry actions): kept with the notifications, answered with no choice.
  connection.onRequest('window/showMessageRequest', (params: unknown) => {
    notifications.push({ method: 'window/showMessageRequest', params });
    return null;
  });
  connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
  connection.listen();

  const capabilities: ClientCapabilities = options.capabilities ?? {
    window: { workDoneProgress: true },
    workspace: {
      configuration: true,
      workspaceFolders: false,
      diagnostics: { refreshSupport: true },
      ...(options.changeAnnotations ? { workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } } } : {}),
    },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
      // As VS Code and Neovim say: they show related information.
      publishDiagnostics: { versionSupport: true, relatedInformation: true, ...(options.codeDescription ? { codeDescriptionSupport: true } : {}) },
      ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false, relatedInformation: true } } : {}),
    },
  };
  const initialize = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    capabilities,
    workspaceFolders: null,
    ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});

  return {
    connection,
    process: child,
    initialize,
    notifications,
    setConfiguration(c) {
      configuration = c;
    },
    configurationAsked(count) {
      if (asked >= count) return Promise.resolve();
      return new Promise((resolve) => askedWaiters.push({ count, resolve }));
    },
    configurationRequests: () => asked,
    stderr: () => err,
    bytesReceived: () => received,
    dictionaryLoaded: () => (settled ? Promise.resolve() : new Promise((resolve) => settledWaiters.push(resolve))),
    nextDiagnostics(uri, predicate = () => true) {
      const i = published.findIndex((p) => p.uri === uri && predicate(p));
      if (i >= 0) return Promise.resolve(published.splice(i, 1)[0]!);
      return new Promise((resolve, reject) => waiters.push({ uri, predicate, resolve, reject }));
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // the server may already be gone
      }
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const t = setTimeout(() => child.kill(), 3000);
        child.on('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
      connection.dispose();
    },
  };
}

export function byRule(diagnostics: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) counts[String(d.code ?? 'none')] = (counts[String(d.code ?? 'none')] ?? 0) + 1;
  return counts;
}
