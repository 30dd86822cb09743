/** Bad input and faults through the real protocol: the server answers, says what is wrong once, and never crashes. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { readCorpusPage } from '../helpers/repo';
import { byRule, startSession, type Session } from '../helpers/lspSession';

const PAGE = readCorpusPage();
let counter = 0;

async function openAndWait(session: Session, text: string, name = `doc${++counter}.txt`) {
  const uri = `file:///robustness/${name}`;
  const waiting = session.nextDiagnostics(uri);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text } });
  return { uri, published: await waiting };
}

const messages = (s: Session) =>
  s.notifications.filter((n) => n.method === 'window/showMessage' || n.method === 'window/showMessageRequest').map((n) => (n.params as { message: string }).message);

describe('when the dictionary cannot load', () => {
  let session: Session;
  after(() => session.close());

  it('keeps working on punctuation evidence, says so once, and reports it to the status item', async () => {
    session = await startSession({ env: { NEWSPRINT_DICT_DIR: join(tmpdir(), 'no-such-dictionary-folder') } });
    const first = await openAndWait(session, PAGE);
    const second = await openAndWait(session, PAGE);
    const wraps = byRule(first.published.diagnostics)['broken-wrap'] ?? 0;
    assert.ok(wraps >= 12 && wraps <= 15, `${wraps} broken wraps without segmentation`);
    assert.deepEqual(byRule(second.published.diagnostics), byRule(first.published.diagnostics));
    const warnings = messages(session).filter((m) => m.includes('word segmentation unavailable'));
    assert.equal(warnings.length, 1);
    const statuses = session.notifications.filter((n) => n.method === 'newsprint/status').map((n) => (n.params as { segmentation: string }).segmentation);
    assert.deepEqual(statuses, ['loading', 'unavailable'], 'the first page is shown while the dictionary loads, and then that it did not');
    assert.equal(session.process.exitCode, null);
  });
});

describe('settings and bad documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-robust-'));
  const badDictionary = join(dir, 'words.txt');
  writeFileSync(badDictionary, Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00]));
  let session: Session;
  after(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('caps findings at maxProblems and says how many more there are', async () => {
    session = await startSession({ configuration: { maxProblems: 5, userDictionary: badDictionary } });
    const { published } = await openAndWait(session, PAGE);
    assert.equal(published.diagnostics.length, 6);
    assert.equal(published.diagnostics[5]!.message, '12 more problems not shown: newsprint.maxProblems is 5.');
  });

  it('warns once about a user dictionary that is not text, and goes on with the built-in one', async () => {
    await openAndWait(session, PAGE);
    const warnings = messages(session).filter((m) => m.includes(badDictionary));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /is not UTF-8 text; using the built-in dictionary/);
  });

  it('stays quiet on a binary file', async () => {
    const { uri, published } = await openAndWait(session, '\u0089PNG\r\n\u001a\n\0\0\0\rIHDR' + '\0'.repeat(100) + PAGE);
    assert.deepEqual(published.diagnostics, []);
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols, []);
  });

  it('answers empty, blank, BOM, mixed line ends and lone surrogates with ranges inside the text', async () => {
    const cases = [
      '',
      '   \n\n\u3000\n',
      '\uFEFF' + PAGE,
      PAGE.replace(/\n\n/g, '\r\n\n').replace(/\n(?=多)/, '\r'),
      PAGE.replace('八部门', '八\ud800部门').replace('很\n', '很\udc00\n'),
    ];
    for (const text of cases) {
      const { published } = await openAndWait(session, text);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of published.diagnostics as Diagnostic[]) {
        for (const p of [d.range.start, d.range.end]) {
          assert.ok(p.line < lines.length && p.character <= lines[p.line]!.length, JSON.stringify(d.range));
        }
      }
    }
    assert.equal(session.process.exitCode, null);
  });

  it('answers a 10 MB single line', async () => {
    const line = '长江日报讯(记者 高萌)' + '武汉市城市更新,'.repeat(10_000_000 / 24);
    const { published } = await openAndWait(session, line);
    assert.ok(published.diagnostics.length >= 1);
    assert.equal(session.process.exitCode, null);
  });
});
