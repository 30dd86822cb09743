/** The built server over stdio, as any editor would drive it. */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CORPUS_PAGE, readCorpusPage } from '../helpers/repo';
import { byRule, startSession, type Session } from '../helpers/lspSession';

const URI = pathToFileURL(CORPUS_PAGE).href;
const TEXT = readCorpusPage();

function open(session: Session, uri: string, text: string, version = 1) {
  return session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version, text } });
}

function applyWorkspaceEdit(text: string, edit: WorkspaceEdit, uri: string): string {
  const changes = edit.documentChanges as Array<{ textDocument: { uri: string }; edits: TextEdit[] }>;
  const mine = changes.filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits);
  return TextDocument.applyEdits(TextDocument.create(uri, 'newsprint', 0, text), mine);
}

describe('push diagnostics (a client without pull, like Neovim 0.7)', () => {
  let session: Session;
  before(async () => {
    session = await startSession({ pull: false });
  });
  after(() => session.close());

  it('announces no pull provider and publishes on open', async () => {
    assert.equal(session.initialize.capabilities.diagnosticProvider, undefined);
    const waiting = session.nextDiagnostics(URI);
    await open(session, URI, TEXT);
    const published = await waiting;
    assert.equal(published.version, 1);
    assert.deepEqual(byRule(published.diagnostics), { 'broken-wrap': 15, 'spaced-headline': 1, 'halfwidth-punctuation': 1 });
  });

  it('publishes for the new version after an incremental edit', async () => {
    const waiting = session.nextDiagnostics(URI, (p) => p.version === 2);
    // Join lines 61 and 63 by hand: delete the break and blank line after 市人大常.
    const line = TEXT.split('\n')[60]!;
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 60, character: line.length }, end: { line: 62, character: 0 } }, text: '' }],
    });
    const published = await waiting;
    assert.equal(byRule(published.diagnostics)['broken-wrap'], 14);
  });

  it('clears diagnostics on close', async () => {
    const waiting = session.nextDiagnostics(URI, (p) => p.diagnostics.length === 0);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    assert.equal((await waiting).diagnostics.length, 0);
  });
});

describe('pull diagnostics, symbols, folding and code actions', () => {
  let session: Session;
  let current = TEXT;
  before(async () => {
    session = await startSession({ pull: true });
    await open(session, URI, TEXT);
  });
  after(() => session.close());

  it('announces a pull provider and answers textDocument/diagnostic', async () => {
    assert.ok(session.initialize.capabilities.diagnosticProvider);
    await session.dictionaryLoaded();
    const report = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { kind: string; items: Diagnostic[] };
    assert.equal(report.kind, 'full');
    assert.deepEqual(byRule(report.items), { 'broken-wrap': 15, 'spaced-headline': 1, 'halfwidth-punctuation': 1 });
    const wrap = report.items.find((d) => d.range.start.line === 60)!;
    assert.equal(wrap.code, 'broken-wrap');
    assert.equal(wrap.source, 'newsprint');
    assert.match(String(wrap.message), /“人大常\|委会” is cut across blank lines/);
    // The second part of the cut is where the related information points.
    assert.deepEqual(wrap.relatedInformation, [
      { location: { uri: URI, range: { start: { line: 62, character: 0 }, end: { line: 62, character: 2 } } }, message: 'The paragraph goes on here.' },
    ]);
    // No push notifications for a pull client.
    assert.equal(session.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').length, 0);
  });

  it('lists the 9 blocks of the page as document symbols', async () => {
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.equal(symbols.length, 9);
    assert.equal(symbols[0]!.name, '八部门印发《“人工智能+制造”专项行动实施意见》 2027年关键核心技术实现安全可靠供给');
    assert.match(symbols[0]!.detail!, /据新华社北京1月7日电\(记者周圆\)/);
    assert.match(symbols[1]!.detail!, /长江日报记者商佩 覃柳珂 刘海锋 · \d+字/);
    assert.deepEqual(
      symbols[1]!.children!.map((c) => c.name),
      ['城市更新和在空中地上建城是两码事,老办法行不通', '百年咸安坊成为热门拍照打卡地。', '比盖好房子、修好小区更难也更重要的是“内容更新”', '(下转第二版)'],
    );
    assert.deepEqual(symbols[0]!.selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: symbols[0]!.name.length } });
    assert.equal(symbols[8]!.name, '2026 武汉两会 乘势而上 续写新篇');
    assert.match(symbols[8]!.detail!, /teaser/);
    for (const s of symbols) {
      assert.ok(s.range.start.line <= s.selectionRange.start.line && s.selectionRange.end.line <= s.range.end.line, `${s.name}: selection inside range`);
    }
  });

  it('folds each block', async () => {
    const ranges = (await session.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } })) as FoldingRange[];
    assert.equal(ranges.length, 9);
    assert.deepEqual(ranges[1], { startLine: 12, endLine: 50, kind: 'region' });
  });

  it('offers the quick fix of the finding the diagnostic names, and the fix removes the finding', async () => {
    const report = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { items: Diagnostic[] };
    const wrap = report.items.find((d) => d.range.start.line === 60)!;
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: wrap.range,
      context: { diagnostics: [wrap], only: ['quickfix'] },
    })) as CodeAction[];
    const join = actions.find((a) => a.title.startsWith('Join the two parts'))!;
    assert.ok(join.isPreferred);
    assert.ok(actions.some((a) => a.title === 'Ignore this broken-wrap finding'));
    assert.ok(actions.some((a) => a.title === 'Fix all broken-wrap problems in this file'));
    const fixed = applyWorkspaceEdit(TEXT, join.edit!, URI);
    assert.ok(fixed.split('\n')[60]!.startsWith('市人大常委会主任胡立山受市人大常委会委托,向大会作市人大常委会工作报告'));
    assert.equal(fixed.length, TEXT.length - 2);

    current = fixed;
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { items: Diagnostic[] };
    assert.equal(byRule(after.items)['broken-wrap'], 14);
    assert.ok(!after.items.some((d) => String(d.message).includes('人大常|委会')));
  });

  it('fix-all is one versioned edit that leaves only what needs a person', async () => {
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.newsprint');
    const change = (actions[0]!.edit!.documentChanges as Array<{ textDocument: { version: number } }>)[0]!;
    assert.equal(change.textDocument.version, 2);
    const fixed = applyWorkspaceEdit(current, actions[0]!.edit!, URI);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: fixed }] });
    const after = (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { items: Diagnostic[] };
    // Only the cuts the reader is not sure of are left, each with its fix offered one at a time.
    assert.deepEqual(
      after.items.map((d) => [d.code, String(d.message).replace(/ is cut .*/, '')]),
      [
        ['broken-wrap', '“很|多”'],
        ['broken-wrap', '“大量老|旧小区因”'],
        ['broken-wrap', '“专题询问|1次”'],
        ['broken-wrap', '“加强人大|自身建设”'],
        ['broken-wrap', '“经济发展|拼出昂扬”'],
      ],
    );
    for (const d of after.items) {
      const offered = (await session.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      })) as CodeAction[];
      const join = offered.find((a) => a.title.startsWith('Join the two parts'));
      assert.ok(join?.edit && !join.isPreferred, `${String(d.message)}: its join is offered, not preferred`);
    }
  });
});

describe('a client that does not take related information', () => {
  it('gets diagnostics without it: a quarter less to parse on every publish', async () => {
    const session = await startSession({
      pull: false,
      capabilities: { workspace: { configuration: true }, textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } } },
    });
    try {
      const waiting = session.nextDiagnostics(URI);
      await open(session, URI, TEXT);
      const { diagnostics } = await waiting;
      assert.equal(byRule(diagnostics)['broken-wrap'], 15);
      assert.ok(diagnostics.every((d) => d.relatedInformation === undefined));
    } finally {
      await session.close();
    }
  });
});
