/**
 * Export through the built server, as the editor asks for it: the files of
 * an issue (newsprint/exportIssue) with work-done progress page by page, the
 * text the editor holds rather than the file's, an article from a position
 * in any of its parts (newsprint/exportArticle), cancellation, and a clear
 * error for a file that is not a page.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc';
import { WorkDoneProgress, type ClientCapabilities, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import type { ExportArticleResult, ExportIssueResult } from '../../server/src/protocol';
import { CORPUS } from '../helpers/repo';
import { startSession, type Session } from '../helpers/lspSession';

const SOURCE = join(CORPUS, 'cjrb-2026-01-08');
const PAGE1 = readFileSync(join(SOURCE, '01.txt'), 'utf8');
const PAGE2 = readFileSync(join(SOURCE, '02.txt'), 'utf8');

const roots: string[] = [];
after(() => {
  for (const d of roots) rmSync(d, { recursive: true, force: true });
});

function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'newsprint-export-ws-'));
  roots.push(root);
  const dir = join(root, 'cjrb-2026-01-08');
  mkdirSync(dir);
  writeFileSync(join(dir, '01.txt'), PAGE1);
  writeFileSync(join(dir, '02.txt'), PAGE2);
  writeFileSync(join(root, 'notes.md'), '# not a page\n');
  return { root, dir, uri: (name: string) => pathToFileURL(join(dir, name)).href };
}

const CAPABILITIES: ClientCapabilities = {
  window: { workDoneProgress: true },
  workspace: { configuration: true },
  textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } },
};

/** Resolves once the server's background indexing has ended (its work-done progress says so). */
function indexed(session: Session): Promise<void> {
  const done = () => session.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end');
  if (done()) return Promise.resolve();
  return new Promise((resolve) => {
    const push = session.notifications.push.bind(session.notifications);
    session.notifications.push = (...items) => {
      const n = push(...items);
      if (done()) resolve();
      return n;
    };
  });
}

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

describe('export through the server', () => {
  const ws = workspace();
  let session: Session;
  before(async () => {
    session = await startSession({ rootUri: pathToFileURL(ws.root).href, capabilities: CAPABILITIES });
    session.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    await indexed(session);
  });
  after(() => session.close());

  it('answers the files of the issue of a page, reporting progress page by page on the client’s token', async () => {
    const progress: Progress[] = [];
    session.connection.onProgress(WorkDoneProgress.type, 'export-1', (v) => {
      progress.push(v as Progress);
    });
    const r = (await session.connection.sendRequest('newsprint/exportIssue', { uri: ws.uri('01.txt'), format: 'jsonl', workDoneToken: 'export-1' })) as ExportIssueResult;
    assert.equal(r.issue, 'cjrb-2026-01-08');
    assert.equal(r.articles, 11);
    assert.deepEqual(
      r.files.map((f) => f.path),
      ['cjrb-2026-01-08.jsonl'],
    );
    const records = r.files[0]!.content.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; pages: string[] });
    assert.equal(records.filter((x) => x.pages.length === 2).length, 6);
    assert.match(r.summary, /^exported 11 articles from 2 pages of 1 issue \(6 joined across pages, 2 missing a jump's other part, 7 notes\)/);
    // The cuts fix-all is not sure of stay in the text and are noted.
    assert.deepEqual(
      r.notes.map((n) => n.slice(0, 27)),
      [
        '01-02 1版: “很|多” is cut acro',
        '01-02 1版: “大量老|旧小区因” is cut',
        '01-03 1版: “专题询问|1次” is cut ',
        '01-03 1版: “加强人大|自身建设” is cu',
        '01-05 1版: “经济发展|拼出昂扬” is cu',
        '01-07 1版: Continues on 2版 (',
        '02-01 2版: Continued from 1版',
      ],
    );
    assert.deepEqual(r.skipped, []);
    assert.deepEqual(r.inputs, [ws.uri('01.txt'), ws.uri('02.txt')]);
    assert.deepEqual(
      progress.map((p) => [p.kind, p.message]),
      [
        ['begin', 'reading the pages'],
        ['report', 'page 1 of 2: 01.txt'],
        ['report', 'page 2 of 2: 02.txt'],
        ['end', undefined],
      ],
    );
    assert.equal((progress[0] as WorkDoneProgressBegin).cancellable, true);
  });

  it('exports the issue by its id, as the issue map names it, one file per article', async () => {
    const r = (await session.connection.sendRequest('newsprint/exportIssue', { uri: pathToFileURL(ws.dir).href, format: 'ninjs' })) as ExportIssueResult;
    assert.equal(r.files.length, 11);
    assert.equal(r.files[1]!.path, 'cjrb-2026-01-08/01-02.json');
    assert.deepEqual((JSON.parse(r.files[1]!.content) as { altids: unknown }).altids, [
      { role: 'page', value: '1版' },
      { role: 'page', value: '2版' },
    ]);
  });

  it('exports what the editor holds, not what is on disk, and leaves the file as it is', async () => {
    const edited = PAGE1.replace('市政协委员、嘉里建设', '市政协委员、某建设');
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.uri('01.txt'), languageId: 'newsprint', version: 1, text: edited } });
    const r = (await session.connection.sendRequest('newsprint/exportIssue', { uri: ws.uri('02.txt'), format: 'text' })) as ExportIssueResult;
    const page1 = r.files.find((f) => f.path === 'cjrb-2026-01-08/01.txt')!;
    assert.ok(page1.content.includes('市政协委员、某建设') && page1.content.includes('受市人大常委会委托'), 'the unsaved edit, with the cuts joined');
    assert.equal(readFileSync(join(ws.dir, '01.txt'), 'utf8'), PAGE1);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ws.uri('01.txt') } });
  });

  it('exports the article at a position of any of its parts, whole', async () => {
    const at = (name: string, line: number, character: number) =>
      session.connection.sendRequest('newsprint/exportArticle', { uri: ws.uri(name), position: { line, character }, format: 'markdown' }) as Promise<ExportArticleResult | null>;
    const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start));
    const fromPage2 = await at('02.txt', lineOf(PAGE2, '(上接第一版)在王立辉看来'), 20);
    const repeated = await at('02.txt', lineOf(PAGE2, '城市更新要用好改革“关键一招”'), 0);
    assert.equal(repeated?.id, '01-02', 'the headline a continued part repeats belongs to the article');
    assert.deepEqual([fromPage2?.id, fromPage2?.pages, fromPage2?.file.path], ['01-02', ['1版', '2版'], 'cjrb-2026-01-08/01-02.md']);
    assert.equal(fromPage2!.name, '综合提升让老城区焕发新的生命力，代表委员建言： 城市更新要用好改革“关键一招”');
    assert.match(fromPage2!.file.content, /\npages:\n {2}- "1版"\n {2}- "2版"\n/);
    // The cut 很|多 on lines 37–39 is joined before export: a position after it still lands in its article.
    const afterCut = await at('01.txt', lineOf(PAGE1, '“这种不适应是系统性的。”'), 5);
    assert.equal(afterCut?.id, '01-02');
    const blank = await at('01.txt', lineOf(PAGE1, '长江日报讯(记者高萌') - 1, 0);
    assert.equal(blank?.id, '01-03', 'a blank line under a headline belongs to its article');
    const partial = await at('01.txt', lineOf(PAGE1, '政协武汉市第十四届委员会 常务委员会'), 0);
    assert.match(partial!.notes[0]!, /^1版: Continues on 2版/);
  });

  it('stops when the request is cancelled', async () => {
    const source = new CancellationTokenSource();
    const progress: Progress[] = [];
    session.connection.onProgress(WorkDoneProgress.type, 'export-2', (v) => {
      progress.push(v as Progress);
    });
    const request = session.connection.sendRequest('newsprint/exportIssue', { uri: ws.uri('01.txt'), format: 'jsonl', workDoneToken: 'export-2' }, source.token);
    // Cancelled as it is sent, not when a progress report comes back: on a busy machine that round trip can take longer
    // than reading both pages. Which page the server is on when the cancel lands is the scheduler's business; that it
    // answers RequestCancelled (not the export it would otherwise finish) and ends its progress is the server's.
    source.cancel();
    await assert.rejects(request, (err: unknown) => err instanceof ResponseError && err.code === -32800);
    assert.equal(progress.at(-1)?.kind, 'end', 'the progress is ended');
  });

  it('says why when the file is not a page of an issue', async () => {
    await assert.rejects(
      session.connection.sendRequest('newsprint/exportIssue', { uri: pathToFileURL(join(ws.root, 'notes.md')).href, format: 'jsonl' }),
      (err: unknown) => err instanceof ResponseError && /notes\.md is not a page of an issue Newsprint knows/.test(err.message),
    );
    await assert.rejects(session.connection.sendRequest('newsprint/exportIssue', { uri: ws.uri('01.txt'), format: 'pdf' }), /needs a uri and a format/);
  });
});
