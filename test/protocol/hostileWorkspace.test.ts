/**
 * The server in a workspace other people made, through the real protocol:
 * a .newsprint.json written by hand, broken, a folder, or above the
 * workspace; links in change events; a page-name pattern that would
 * backtrack for ever; an untrusted workspace; a cap of a billion problems; a
 * burst of changed files with few file handles; requests after shutdown.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { ClientCapabilities, CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import type { IssueMap } from '../../server/src/issue/issueMap';
import { CORPUS, CORPUS_PAGE } from '../helpers/repo';
import { byRule, startSession, type Session, type SessionOptions } from '../helpers/lspSession';
import { temporaryFolders } from '../helpers/folders';

const PAGE = readFileSync(CORPUS_PAGE, 'utf8');
const PAGE2 = readFileSync(join(CORPUS, 'cjrb-2026-01-08', '02.txt'), 'utf8');

const CAPABILITIES: ClientCapabilities = {
  window: { workDoneProgress: true },
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: { synchronization: { dynamicRegistration: false }, diagnostic: { dynamicRegistration: false } },
};

const sessions: Session[] = [];
after(async () => {
  for (const s of sessions) await s.close();
});
const folder = temporaryFolders('hostile-ws');

/** Progress that ended, by title: an indexing run or a burst of changed files read. */
const ended = (s: Session, count: number) =>
  new Promise<void>((resolve) => {
    const check = () => {
      const ends = s.notifications.filter((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end').length;
      if (ends >= count) resolve();
      else setImmediate(check);
    };
    check();
  });

async function open(options: SessionOptions & { root: string }): Promise<Session> {
  const session = await startSession({ pull: true, rootUri: pathToFileURL(options.root).href, capabilities: CAPABILITIES, ...options });
  sessions.push(session);
  await ended(session, 1);
  return session;
}

async function openDoc(session: Session, path: string, text: string): Promise<string> {
  const uri = pathToFileURL(path).href;
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text } });
  return uri;
}

const pull = async (s: Session, uri: string) => ((await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
const messages = (s: Session) =>
  s.notifications.filter((n) => n.method === 'window/showMessage' || n.method === 'window/showMessageRequest').map((n) => (n.params as { message: string }).message);

async function ignoreCut(s: Session, uri: string): Promise<void> {
  const cut = (await pull(s, uri)).find((d) => String(d.message).startsWith('“人大常|委会”'))!;
  const actions = (await s.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: cut.range,
    context: { diagnostics: [cut], only: ['quickfix'] },
  })) as CodeAction[];
  const ignore = actions.find((a) => a.title === 'Ignore this broken-wrap finding')!;
  await s.connection.sendRequest('workspace/executeCommand', { command: ignore.command!.command, arguments: ignore.command!.arguments });
}

describe('a .newsprint.json of the workspace', () => {
  it('written by hand with comments is edited in place by Ignore, hand edits since the last read included', async () => {
    const root = folder();
    writeFileSync(join(root, '01.txt'), PAGE);
    writeFileSync(join(root, '.newsprint.json'), '{\n  // ours\n  "rules": { "spaced-headline": "off", },\n}\n');
    const s = await open({ root });
    const uri = await openDoc(s, join(root, '01.txt'), PAGE);
    assert.equal(byRule(await pull(s, uri))['spaced-headline'], undefined, 'comments and trailing commas do not stop it from applying');
    // A hand edit (or a pull) with no change event for the server to hear.
    writeFileSync(join(root, '.newsprint.json'), '{\n  // ours\n  "rules": { "spaced-headline": "off", },\n  "note": "added by hand",\n}\n');
    await ignoreCut(s, uri);
    const text = readFileSync(join(root, '.newsprint.json'), 'utf8');
    for (const kept of ['// ours', '"note": "added by hand"', '"spaced-headline": "off"', '"fingerprint": "broken-wrap:']) assert.ok(text.includes(kept), `${kept} in:\n${text}`);
  });

  it('that is not JSON is never written over, and the person is told where it broke, not what it holds', async () => {
    const root = folder();
    writeFileSync(join(root, '01.txt'), PAGE);
    const broken = '{\n  "rules": { "spaced-headline": "off" }\n  "paperName": "sk-live-51H8secret"\n}\n';
    writeFileSync(join(root, '.newsprint.json'), broken);
    const s = await open({ root });
    const uri = await openDoc(s, join(root, '01.txt'), PAGE);
    assert.equal(byRule(await pull(s, uri))['spaced-headline'], 1, 'nothing of it applies');
    await ignoreCut(s, uri);
    assert.equal(readFileSync(join(root, '.newsprint.json'), 'utf8'), broken);
    const said = messages(s).filter((m) => m.includes('.newsprint.json'));
    assert.ok(
      said.some((m) => /not valid JSON at line 3, column 3: CommaExpected/.test(m)),
      said.join('\n'),
    );
    assert.ok(
      said.some((m) => /could not update \.newsprint\.json: .* is not valid JSON at line 3, column 3/.test(m)),
      said.join('\n'),
    );
    assert.ok(!s.notifications.some((n) => JSON.stringify(n.params).includes('sk-live')), 'nothing of the file is echoed');
  });

  it('that is a folder is said once, and the pages are checked all the same', async () => {
    const root = folder();
    writeFileSync(join(root, '01.txt'), PAGE);
    writeFileSync(join(root, '02.txt'), PAGE2);
    mkdirSync(join(root, '.newsprint.json'));
    const s = await open({ root });
    const uri = await openDoc(s, join(root, '01.txt'), PAGE);
    assert.equal(byRule(await pull(s, uri))['broken-wrap'], 15);
    const map = (await s.connection.sendRequest('newsprint/issueMap', {})) as IssueMap;
    assert.deepEqual(
      map.issues[0]!.pages.map((p) => p.fileName),
      ['01.txt', '02.txt'],
      'indexing went on past the first page',
    );
    assert.equal(messages(s).filter((m) => /is a folder, not a file/.test(m)).length, 1);
  });

  it('above the workspace folder is neither read nor written', async () => {
    const above = folder();
    const root = join(above, 'workspace');
    mkdirSync(root);
    writeFileSync(join(root, '01.txt'), PAGE);
    writeFileSync(join(above, '.newsprint.json'), '{ "rules": { "broken-wrap": "off" } }\n');
    const s = await open({ root });
    const uri = await openDoc(s, join(root, '01.txt'), PAGE);
    assert.equal(byRule(await pull(s, uri))['broken-wrap'], 15, 'the home folder’s config does not apply');
    await ignoreCut(s, uri);
    assert.equal(readFileSync(join(above, '.newsprint.json'), 'utf8'), '{ "rules": { "broken-wrap": "off" } }\n');
    assert.ok(existsSync(join(root, '.newsprint.json')), 'the ignore went into the workspace folder');
  });
});

describe('files the workspace points elsewhere', () => {
  it('does not follow a symbolic link named in a file-change event', async () => {
    const root = folder();
    const outside = folder();
    writeFileSync(join(outside, '99.txt'), PAGE2);
    const small = '第1版 要闻\n\n城市更新要用好改革“关键一招”\n\n长江日报讯（记者王五）代表委员们围绕城市更新热烈讨论。\n';
    const names = Array.from({ length: 60 }, (_, i) => `${String(i + 1).padStart(2, '0')}.txt`);
    for (const name of names) writeFileSync(join(root, name), small);
    const s = await open({ root });
    symlinkSync(join(outside, '99.txt'), join(root, '99.txt'));
    // With sixty pages changed beside it, the event is a burst whose progress ends once every file is read.
    const changes = [...names, '99.txt'].map((name) => ({ uri: pathToFileURL(join(root, name)).href, type: 2 }));
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    await ended(s, 2);
    const map = (await s.connection.sendRequest('newsprint/issueMap', {})) as IssueMap;
    const files = map.issues.flatMap((i) => i.pages.map((p) => p.fileName));
    assert.equal(files.length, 60);
    assert.ok(!files.includes('99.txt'), 'the link to a page outside the workspace was not followed');
  });
});

describe('settings a workspace can set', () => {
  it('runs newsprint.pageFileNamePattern on a linear-time engine: `^(a+)+$` on a long name does not block the server', { timeout: 120_000 }, async () => {
    const root = folder();
    writeFileSync(join(root, `${'a'.repeat(40)}!.txt`), PAGE);
    writeFileSync(join(root, '01.txt'), PAGE);
    const s = await open({ root, configuration: { pageFileNamePattern: '^(a+)+$' } });
    const map = (await s.connection.sendRequest('newsprint/issueMap', {})) as IssueMap;
    assert.equal(map.indexing, false);
  });

  it('in an untrusted workspace, its .newsprint.json does not choose which files are pages', async () => {
    const root = folder();
    writeFileSync(join(root, 'cjrb-1.txt'), PAGE);
    writeFileSync(join(root, 'cjrb-2.txt'), PAGE2);
    writeFileSync(join(root, '.newsprint.json'), '{ "pageFileNamePattern": "^cjrb-(\\\\d+)$" }\n');
    const s = await open({ root, initializationOptions: { trusted: false } });
    const map = (await s.connection.sendRequest('newsprint/issueMap', {})) as IssueMap;
    assert.deepEqual(map.issues, [], 'named by the pattern only, they are no pages here');
    assert.ok(messages(s).some((m) => /pageFileNamePattern in .* is not used in an untrusted workspace/.test(m)));
  });

  it('caps newsprint.maxProblems at 5,000, and counts cross-page findings within the cap', async () => {
    const root = folder();
    // One article whose paragraph is cut 5,200 times: more findings than the cap, in a few hundred kilobytes.
    let big = '城市更新要用好改革“关键一招”\n\n长江日报讯（记者王五）代表委员们围绕城市更新热烈讨论。\n\n';
    for (let i = 0; i < 5200; i++) big += `代表委员们围绕城市更新第${i}次热烈讨论，提出了许多建议和意见。代表们认为，城市更新要用好改革的关键一招，交出高质量\n\n的发展答卷。\n\n`;
    writeFileSync(join(root, 'big.np'), big);
    writeFileSync(join(root, '01.txt'), PAGE);
    writeFileSync(join(root, '02.txt'), PAGE2);
    const s = await open({ root, configuration: { maxProblems: 1e9 } });
    const items = await pull(s, await openDoc(s, join(root, 'big.np'), big));
    assert.equal(items.length, 5001);
    assert.match(String(items[5000]!.message), /more problems not shown: newsprint\.maxProblems is 5000\./);
    s.setConfiguration({ maxProblems: 17 });
    const asked = s.configurationRequests();
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { newsprint: { maxProblems: 17 } } });
    await s.configurationAsked(asked + 2);
    // Page 1 has 17 findings of its own and one cross-page one: the cap leaves one of the 18 out.
    const page1 = await pull(s, await openDoc(s, join(root, '01.txt'), PAGE));
    assert.equal(page1.length, 18);
    assert.equal(page1[17]!.message, '1 more problems not shown: newsprint.maxProblems is 17.');
  });
});

describe('a burst of changed files with few file handles', () => {
  it('keeps every page: reads are limited, and a failed read leaves what the index had', { timeout: 180_000 }, async () => {
    const root = folder();
    const n = 600;
    const small = '第1版 要闻\n\n城市更新要用好改革“关键一招”\n\n长江日报讯（记者王五）代表委员们围绕城市更新热烈讨论。\n';
    for (let i = 1; i <= n; i++) writeFileSync(join(root, `${String(i).padStart(3, '0')}.txt`), small);
    const s = await open({ root, shellPrefix: 'ulimit -n 96' });
    const before = (await s.connection.sendRequest('newsprint/issueMap', {})) as IssueMap;
    assert.equal(before.issues[0]!.pages.length, n);
    const changes = Array.from({ length: n }, (_, i) => ({ uri: pathToFileURL(join(root, `${String(i + 1).padStart(3, '0')}.txt`)).href, type: 2 }));
    await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    // The burst is read with work-done progress: its end is when every file has been read.
    await ended(s, 2);
    const afterBurst = (await s.connection.sendRequest('newsprint/issueMap', {})) as IssueMap;
    assert.equal(afterBurst.issues[0]!.pages.length, n);
  });
});

describe('after shutdown', () => {
  it('refuses requests, as LSP says', async () => {
    const root = folder();
    writeFileSync(join(root, '01.txt'), PAGE);
    const s = await startSession({ pull: true, rootUri: pathToFileURL(root).href, capabilities: CAPABILITIES });
    const uri = await openDoc(s, join(root, '01.txt'), PAGE);
    await s.connection.sendRequest('shutdown');
    await assert.rejects(s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), (err: { code?: number }) => err.code === -32600);
    await assert.rejects(s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), (err: { code?: number }) => err.code === -32600);
    await s.connection.sendNotification('exit');
    s.connection.dispose();
  });
});
