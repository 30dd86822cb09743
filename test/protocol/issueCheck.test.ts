/**
 * “Check the whole issue” through the built server: the closed pages of an
 * issue get their findings published, the same ones the page gets when it
 * is opened, kept fresh when a page changes on disk, shown from the editor
 * while a page is open and from disk again once it is closed. In pull mode
 * the checked issue's pages are published and pull nothing, so the client,
 * which keeps the two apart, shows each finding once.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type ClientCapabilities, type Diagnostic, type PublishDiagnosticsParams, type WorkDoneProgressEnd } from 'vscode-languageserver-protocol';
import { CHECK_ISSUE_COMMAND, type CheckIssueResult } from '../../server/src/protocol';
import { CORPUS } from '../helpers/repo';
import { byRule, startSession, type Session } from '../helpers/lspSession';

const SOURCE = join(CORPUS, 'cjrb-2026-01-08');
const PAGE1 = readFileSync(join(SOURCE, '01.txt'), 'utf8');
const PAGE2 = readFileSync(join(SOURCE, '02.txt'), 'utf8');
/** A cut the broken-wrap rule finds: 02.txt with one more paragraph, cut inside 建设. */
const PAGE2_CUT = `${PAGE2.replace(/\n*$/, '\n')}\n记者了解到，今年全市将加快推进重点项目建\n\n设，确保按期完工。\n`;

const roots: string[] = [];
after(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'newsprint-check-issue-'));
  roots.push(root);
  const dir = join(root, 'cjrb-2026-01-08');
  mkdirSync(dir);
  writeFileSync(join(dir, '01.txt'), PAGE1);
  writeFileSync(join(dir, '02.txt'), PAGE2);
  writeFileSync(join(root, 'notes.txt'), 'not a page\n');
  return { root, dir, uri: (name: string) => pathToFileURL(join(dir, name)).href };
}

const capabilities = (pull: boolean): ClientCapabilities => ({
  window: { workDoneProgress: true },
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, relatedInformation: true },
    ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false, relatedInformation: true } } : {}),
  },
});

/** Resolves once the server's first indexing run has ended. */
function indexed(session: Session): Promise<void> {
  const ended = () => session.notifications.some((n) => n.method === '$/progress' && (n.params as { value: WorkDoneProgressEnd }).value.kind === 'end');
  return new Promise((resolve) => {
    const poll = () => (ended() ? resolve() : setTimeout(poll, 20));
    poll();
  });
}

async function start(pull: boolean, root: string): Promise<Session> {
  const session = await startSession({ pull, rootUri: pathToFileURL(root).href, capabilities: capabilities(pull) });
  await indexed(session);
  return session;
}

const checkIssue = (session: Session, uri: string) =>
  session.connection.sendRequest('workspace/executeCommand', { command: CHECK_ISSUE_COMMAND, arguments: [{ uri }] }) as Promise<CheckIssueResult | null>;
const open = (session: Session, uri: string, text: string) =>
  session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text } });
const close = (session: Session, uri: string) => session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
const pullOf = async (session: Session, uri: string) =>
  ((await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
const nonEmpty = (p: PublishDiagnosticsParams) => p.diagnostics.length > 0;

describe('Check the whole issue, pull diagnostics (as VS Code)', () => {
  const ws = workspace();
  const P1 = ws.uri('01.txt');
  const P2 = ws.uri('02.txt');
  let session: Session;
  before(async () => {
    session = await start(true, ws.root);
    await open(session, P1, PAGE1);
  });
  after(() => session.close());

  it('says it can run the command, and answers null for a file of no issue', async () => {
    assert.ok(session.initialize.capabilities.executeCommandProvider?.commands.includes(CHECK_ISSUE_COMMAND));
    assert.equal(await checkIssue(session, pathToFileURL(join(ws.root, 'notes.txt')).href), null);
  });

  let shown: Diagnostic[] = [];
  it('publishes every page’s findings, those a page gets when pulled, and counts the issue’s problems', async () => {
    const pulled = await pullOf(session, P1);
    const closedPage = session.nextDiagnostics(P2);
    const openPage = session.nextDiagnostics(P1, (p) => p.version === 1);
    const result = await checkIssue(session, P1);
    shown = (await closedPage).diagnostics;
    assert.ok(shown.length > 0, 'page 2 has findings of its own');
    assert.deepEqual((await openPage).diagnostics, pulled);
    assert.deepEqual(result, { issue: 'cjrb-2026-01-08', pages: 2, files: 2, problems: pulled.length + shown.length });
    // Published, the open page's findings are not pulled as well: the client would show them twice.
    assert.deepEqual(await pullOf(session, P1), []);
  });

  it('publishes the closed page again when it changes on disk, with the finding the change brought', async () => {
    writeFileSync(join(ws.dir, '02.txt'), PAGE2_CUT);
    const again = session.nextDiagnostics(P2, (p) => p.diagnostics.length === shown.length + 1);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: P2, type: FileChangeType.Changed }] });
    const now = (await again).diagnostics;
    assert.deepEqual(byRule(now)['broken-wrap'], (byRule(shown)['broken-wrap'] ?? 0) + 1);
    shown = now;
  });

  it('publishes an opened page of the issue version by version, the same findings as from disk', async () => {
    const live = session.nextDiagnostics(P2, (p) => p.version === 1);
    await open(session, P2, PAGE2_CUT);
    assert.deepEqual((await live).diagnostics, shown);
    assert.deepEqual(await pullOf(session, P2), []);
    const edited = session.nextDiagnostics(P2, (p) => p.version === 2);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: P2, version: 2 }, contentChanges: [{ text: PAGE2 }] });
    assert.equal((await edited).diagnostics.length, shown.length - 1);
  });

  it('shows the page again from disk when it is closed', async () => {
    const fromDisk = session.nextDiagnostics(P2, (p) => p.version === undefined && p.diagnostics.length === shown.length);
    await close(session, P2);
    assert.deepEqual((await fromDisk).diagnostics, shown);
  });

  it('clears a page that leaves the issue', async () => {
    rmSync(join(ws.dir, '02.txt'));
    const cleared = session.nextDiagnostics(P2, (p) => p.diagnostics.length === 0);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: P2, type: FileChangeType.Deleted }] });
    await cleared;
  });

  it('takes the issue’s id as well as one of its pages', async () => {
    const result = await checkIssue(session, pathToFileURL(ws.dir).href);
    assert.equal(result?.issue, 'cjrb-2026-01-08');
  });

  it('stops when asked: the open page’s published findings are withdrawn and it is pulled again', async () => {
    const withdrawn = session.nextDiagnostics(P1, (p) => p.diagnostics.length === 0);
    const stopped = await session.connection.sendRequest('workspace/executeCommand', { command: CHECK_ISSUE_COMMAND, arguments: [{ uri: P1, stop: true }] });
    assert.deepEqual(stopped, { issue: 'cjrb-2026-01-08', pages: 1, files: 1, problems: 0 });
    await withdrawn;
    assert.ok((await pullOf(session, P1)).length > 0, 'pulled, the open page has its findings again');
    // Stopped, nothing is checked: asking again to stop answers null.
    assert.equal(await session.connection.sendRequest('workspace/executeCommand', { command: CHECK_ISSUE_COMMAND, arguments: [{ uri: P1, stop: true }] }), null);
  });
});

describe('Check the whole issue, pushed diagnostics (as Neovim)', () => {
  const ws = workspace();
  const P1 = ws.uri('01.txt');
  const P2 = ws.uri('02.txt');
  let session: Session;
  before(async () => {
    session = await start(false, ws.root);
  });
  after(() => session.close());

  it('publishes every page of the issue when no page is open, and the open page’s own publication replaces it', async () => {
    const one = session.nextDiagnostics(P1, nonEmpty);
    const two = session.nextDiagnostics(P2, nonEmpty);
    const result = await checkIssue(session, P2);
    const [d1, d2] = [(await one).diagnostics, (await two).diagnostics];
    assert.equal(result?.problems, d1.length + d2.length);
    // Opened, the page is published as ever, with its version: the same findings.
    const live = session.nextDiagnostics(P1, (p) => p.version === 1);
    await open(session, P1, PAGE1);
    assert.deepEqual((await live).diagnostics, d1);
    // Closed, it is cleared as ever, then shown again from disk.
    const cleared = session.nextDiagnostics(P1, (p) => p.diagnostics.length === 0);
    const back = session.nextDiagnostics(P1, (p) => p.version === undefined && nonEmpty(p));
    await close(session, P1);
    await cleared;
    assert.deepEqual((await back).diagnostics, d1);
    // Stopped, both closed pages are cleared.
    const clear1 = session.nextDiagnostics(P1, (p) => p.diagnostics.length === 0);
    const clear2 = session.nextDiagnostics(P2, (p) => p.diagnostics.length === 0);
    assert.equal(
      ((await session.connection.sendRequest('workspace/executeCommand', { command: CHECK_ISSUE_COMMAND, arguments: [{ uri: P2, stop: true }] })) as CheckIssueResult | null)
        ?.problems,
      0,
    );
    await Promise.all([clear1, clear2]);
  });
});
