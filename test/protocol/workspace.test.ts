/**
 * The workspace layer through the real protocol: what a settings change, a
 * config change and an ignore reach, and what they leave alone. A page on
 * disk is never read again for them (no indexing run starts), a setting
 * that decides nothing recomputes nothing, and an ignore holds for its one file.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { ClientCapabilities, CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import type { IssueMap } from '../../server/src/issue/issueMap';
import { CORPUS_PAGE } from '../helpers/repo';
import { byRule, startSession, type Session } from '../helpers/lspSession';

const PAGE = readFileSync(CORPUS_PAGE, 'utf8');

const CAPABILITIES = (pull: boolean): ClientCapabilities => ({
  window: { workDoneProgress: true },
  workspace: { configuration: true, diagnostics: { refreshSupport: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, relatedInformation: true },
    ...(pull ? { diagnostic: { dynamicRegistration: false, relatedInformation: true } } : {}),
  },
});

/** How many indexing runs began: each re-reads every page file of the workspace. */
const scans = (s: Session) => s.notifications.filter((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'begin').length;
const scanEnded = (s: Session) => s.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end');

async function indexed(s: Session): Promise<void> {
  // Bounded by what the server sends: its progress ends once the two pages are read.
  while (!scanEnded(s)) await new Promise((r) => setImmediate(r));
}

describe('settings, config files and ignores reach only what they change', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-workspace-'));
  writeFileSync(join(dir, '01.txt'), PAGE);
  writeFileSync(join(dir, '05.txt'), PAGE);
  const P1 = pathToFileURL(join(dir, '01.txt')).href;
  const P5 = pathToFileURL(join(dir, '05.txt')).href;
  let session: Session;
  let refreshes = 0;

  before(async () => {
    session = await startSession({ pull: true, rootUri: pathToFileURL(dir).href, capabilities: CAPABILITIES(true) });
    session.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      return null;
    });
    await indexed(session);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: P1, languageId: 'newsprint', version: 1, text: PAGE } });
  });
  after(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pull = async (uri: string) => ((await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
  const map = async () => (await session.connection.sendRequest('newsprint/issueMap', {})) as IssueMap;
  /** Problems the map counts on the page on disk, 05.txt. */
  const diskProblems = async () => (await map()).issues[0]!.pages.find((p) => p.fileName === '05.txt')!.articles.reduce((n, a) => n + a.problems, 0);

  /** Sends a settings change and waits until the server has read the new settings (window and folder). */
  async function changeSettings(configuration: Record<string, unknown>): Promise<void> {
    const asked = session.configurationRequests();
    session.setConfiguration(configuration);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { newsprint: configuration } });
    await session.configurationAsked(asked + 2);
  }

  it('a setting that decides no finding (trace.server) re-reads and refreshes nothing', async () => {
    await pull(P1);
    const [scansBefore, refreshesBefore] = [scans(session), refreshes];
    await changeSettings({ trace: { server: 'verbose' } });
    await pull(P1);
    assert.equal(scans(session), scansBefore, 'no indexing run');
    assert.equal(refreshes, refreshesBefore, 'no diagnostics refresh');
  });

  it('a rule level changes the open page’s diagnostics and the map’s counts for the page on disk, without reading it again', async () => {
    const problemsBefore = await diskProblems();
    assert.ok(problemsBefore > 0);
    const scansBefore = scans(session);
    await changeSettings({ rules: { 'broken-wrap': 'off' } });
    assert.equal(byRule(await pull(P1))['broken-wrap'], undefined);
    assert.equal(await diskProblems(), problemsBefore - 15, 'the fifteen broken wraps of 05.txt no longer count');
    assert.equal(scans(session), scansBefore, 'no page was read again');
    await changeSettings({});
    assert.equal(byRule(await pull(P1))['broken-wrap'], 15);
  });

  it('an ignore holds for its one file, and reads nothing again', async () => {
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: P5, languageId: 'newsprint', version: 1, text: PAGE } });
    const cut = (await pull(P1)).find((d) => String(d.message).startsWith('“人大常|委会”'))!;
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: P1 },
      range: cut.range,
      context: { diagnostics: [cut], only: ['quickfix'] },
    })) as CodeAction[];
    const ignore = actions.find((a) => a.title === 'Ignore this broken-wrap finding')!;
    const scansBefore = scans(session);
    await session.connection.sendRequest('workspace/executeCommand', { command: ignore.command!.command, arguments: ignore.command!.arguments });
    assert.ok(!(await pull(P1)).some((d) => String(d.message).startsWith('“人大常|委会”')), 'gone from 01.txt');
    assert.ok(
      (await pull(P5)).some((d) => String(d.message).startsWith('“人大常|委会”')),
      'still in 05.txt, the same text under another name',
    );
    assert.equal(scans(session), scansBefore, 'no page was read again');
  });
});

describe('ignoring from a client that sends ranges back in its own columns (Neovim 0.7 counts bytes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-columns-'));
  writeFileSync(join(dir, '01.txt'), PAGE);
  const uri = pathToFileURL(join(dir, '01.txt')).href;
  let session: Session;
  before(async () => {
    session = await startSession({ pull: false, rootUri: pathToFileURL(dir).href, capabilities: CAPABILITIES(false) });
  });
  after(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the text the finding covers, from its own data, not from the range sent back', async () => {
    const published = session.nextDiagnostics(uri);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text: PAGE } });
    const cut = (await published).diagnostics.find((d) => String(d.message).startsWith('“人大常|委会”'))!;
    // Columns in UTF-8 bytes: three per ideograph.
    const lines = PAGE.split('\n');
    const bytes = (p: { line: number; character: number }) => ({ line: p.line, character: Buffer.byteLength(lines[p.line]!.slice(0, p.character)) });
    const sentBack = { ...cut, range: { start: bytes(cut.range.start), end: bytes(cut.range.end) } };
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: sentBack.range,
      context: { diagnostics: [sentBack], only: ['quickfix'] },
    })) as CodeAction[];
    const args = actions.find((a) => a.title === 'Ignore this broken-wrap finding')!.command!.arguments![0] as { text: string };
    assert.equal(args.text, '人大常\n\n委会');
  });
});
