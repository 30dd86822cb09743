/**
 * The server speaks the language of initialize's `locale`: diagnostics,
 * related information and code actions in Chinese for zh-cn, with the same
 * rule ids (codes) as in English; and what it says about the workspace
 * (config warnings, indexing progress, the segmentation status) too.
 */
import { strict as assert } from 'node:assert';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { temporaryFolders } from '../helpers/folders';
import { CORPUS_PAGE, readCorpusPage } from '../helpers/repo';
import { startSession, type Session } from '../helpers/lspSession';

const URI = pathToFileURL(CORPUS_PAGE).toString();
const TEXT = readCorpusPage();

async function diagnosticsIn(locale: string | undefined): Promise<{ session: Session; diagnostics: Diagnostic[] }> {
  const session = await startSession({ codeDescription: true, ...(locale !== undefined ? { locale } : {}) });
  const waiting = session.nextDiagnostics(URI);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'newsprint', version: 1, text: TEXT } });
  return { session, diagnostics: (await waiting).diagnostics };
}

describe('a server started with locale zh-cn', () => {
  let zh: { session: Session; diagnostics: Diagnostic[] };
  let en: { session: Session; diagnostics: Diagnostic[] };
  before(async () => {
    zh = await diagnosticsIn('zh-cn');
    en = await diagnosticsIn(undefined);
  });
  after(async () => {
    await zh.session.close();
    await en.session.close();
  });

  it('words its diagnostics in Chinese, with the codes and places of the English ones', () => {
    assert.deepEqual(
      zh.diagnostics.map((d) => [d.code, d.range]),
      en.diagnostics.map((d) => [d.code, d.range]),
    );
    const wrap = zh.diagnostics.find((d) => d.code === 'broken-wrap')!;
    assert.match(wrap.message as string, /切断/);
    assert.equal(wrap.relatedInformation?.[0]?.message, '段落在这里接续。');
    assert.match(en.diagnostics.find((d) => d.code === 'broken-wrap')!.message as string, / is cut /);
  });

  it('links each diagnostic to its rule’s page, in the language it speaks', () => {
    for (const [{ diagnostics }, suffix] of [
      [zh, '.zh-cn.md'],
      [en, '.md'],
    ] as const) {
      for (const d of diagnostics) {
        const href = d.codeDescription?.href;
        assert.ok(href?.endsWith(`/docs/rules/${String(d.code)}${suffix}`), `${String(d.code)}: ${href}`);
        assert.ok(existsSync(fileURLToPath(href!)), href);
      }
    }
  });

  it('titles its code actions in Chinese', async () => {
    const wrap = zh.diagnostics.find((d) => d.code === 'broken-wrap')!;
    const actions = (await zh.session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: wrap.range,
      context: { diagnostics: [wrap], only: ['quickfix'] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(
      titles.some((t) => t.startsWith('连接“')),
      titles.join('\n'),
    );
    assert.ok(titles.includes('忽略这条 broken-wrap 问题'), titles.join('\n'));
    assert.ok(titles.includes('在本工作区中关闭 broken-wrap'), titles.join('\n'));
  });
});

const folder = temporaryFolders('locale');

describe('a workspace opened by a server started with locale zh-cn', () => {
  let session: Session;
  let root: string;
  before(async () => {
    root = folder();
    writeFileSync(join(root, '01.txt'), TEXT);
    writeFileSync(join(root, '.newsprint.json'), '{ "rules": { "no-such-rule": "off" } }');
    session = await startSession({
      pull: true,
      locale: 'zh-cn',
      rootUri: pathToFileURL(root).href,
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
    const uri = pathToFileURL(join(root, '01.txt')).href;
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text: TEXT } });
    await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    // Indexing has ended once its progress has.
    while (!session.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end'))
      await new Promise((resolve) => setTimeout(resolve, 20));
  });
  after(() => session.close());

  it('warns about .newsprint.json in Chinese, once', () => {
    const said = session.notifications
      .filter((n) => n.method === 'window/showMessage' || n.method === 'window/showMessageRequest')
      .map((n) => (n.params as { message: string }).message);
    const expected = `Newsprint：${join(root, '.newsprint.json')}：rules：未知规则“no-such-rule”（规则有：broken-wrap, `;
    assert.equal(said.filter((m) => m.startsWith(expected)).length, 1, said.join('\n'));
  });

  it('titles its indexing progress and words the segmentation status in Chinese', () => {
    const progress = session.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string; title?: string; message?: string } }).value);
    assert.deepEqual(
      progress.filter((p) => p.kind === 'begin').map((p) => [p.title, p.message]),
      [['Newsprint：正在为期次建立索引', '正在查找版面文件']],
    );
    for (const p of progress.filter((x) => x.kind === 'report')) assert.match(p.message!, /^\d+\/\d+ 个文件$/);
    const statuses = session.notifications.filter((n) => n.method === 'newsprint/status').map((n) => n.params as { segmentation: string; message: string });
    const status = statuses[statuses.length - 1]!;
    assert.equal(status.segmentation, 'ready');
    assert.match(status.message, /^分词就绪（trimmed 词典，\d+ 个词，\d+ 毫秒）$/);
    // Whether the first page opened before the dictionary was asked for depends on the index's folder walk; either way it is said in Chinese.
    for (const s of statuses.slice(0, -1)) assert.deepEqual(s, { segmentation: 'loading', message: '正在加载词典：加载完成前，页面只凭标点判断' });
  });
});
