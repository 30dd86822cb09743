/**
 * Random edits through the real protocol: CJK, astral characters, lone
 * surrogates, every kind of line end, odd spaces, NUL and long lines. The
 * server must never fail, publish only current versions, keep every range on
 * whole characters inside the document, and offer fixes that apply cleanly
 * and losslessly. NEWSPRINT_FUZZ_EDITS sets the count (npm run fuzz: 100,000).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT, readCorpusPage } from '../helpers/repo';
import { startSession, type Session } from '../helpers/lspSession';
import { Random, randomEdit } from '../helpers/random';

const EDITS = Number(process.env.NEWSPRINT_FUZZ_EDITS ?? 2000);
const SEED = Number(process.env.NEWSPRINT_FUZZ_SEED ?? 20260108);

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };
const visible = (t: string) => t.replace(/[\s\u3000\u00a0\ufeff]/g, '').replace(/[,;:()!?]/g, (c) => FULL[c]!);

function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

function checkRange(doc: TextDocument, range: Diagnostic['range'], what: string): void {
  const text = doc.getText();
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < doc.lineCount, `${what}: line ${p.line} of ${doc.lineCount}`);
    const lineEnd = p.line + 1 < doc.lineCount ? doc.offsetAt({ line: p.line + 1, character: 0 }) : text.length;
    const offset = doc.offsetAt(p);
    assert.equal(offset - doc.offsetAt({ line: p.line, character: 0 }), p.character, `${what}: character ${p.character} past the end of line ${p.line}`);
    assert.ok(offset <= lineEnd, what);
    assert.ok(!splitsPair(text, offset), `${what}: splits a surrogate pair at ${offset}`);
  }
  assert.ok(doc.offsetAt(range.start) <= doc.offsetAt(range.end), `${what}: reversed`);
}

function checkEdits(doc: TextDocument, edits: readonly TextEdit[], what: string): string {
  const sorted = [...edits].sort((a, b) => doc.offsetAt(a.range.start) - doc.offsetAt(b.range.start));
  let end = -1;
  for (const e of sorted) {
    checkRange(doc, e.range, what);
    assert.ok(doc.offsetAt(e.range.start) >= end, `${what}: overlapping edits`);
    end = doc.offsetAt(e.range.end);
  }
  return TextDocument.applyEdits(doc, sorted);
}

describe(`fuzz: ${EDITS} random edits through the protocol`, () => {
  let session: Session;
  const docs: Array<{ uri: string; doc: TextDocument }> = [];
  const lastVersion = new Map<string, number>();

  before(async () => {
    session = await startSession({ pull: false });
    const texts = [readCorpusPage(), ...['rmrb-01.txt', 'rmrb-02.txt', 'defects.txt'].map((f) => readFileSync(join(ROOT, 'test', 'pages', f), 'utf8'))];
    for (const [i, text] of texts.entries()) {
      const uri = `file:///fuzz/0${i + 1}.txt`;
      docs.push({ uri, doc: TextDocument.create(uri, 'newsprint', 1, text) });
      const waiting = session.nextDiagnostics(uri);
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text } });
      await waiting;
    }
  });
  after(() => session.close());

  it('never fails, and every range and fix is sound', async () => {
    const random = new Random(SEED);
    for (let k = 1; k <= EDITS; k++) {
      const d = docs[random.int(docs.length)]!;
      const text = d.doc.getText();
      // Keep documents from growing without bound: a long one is cut back to a page.
      const edit = text.length > 60_000 ? { start: 20_000, end: text.length, newText: '' } : randomEdit(random, text);
      const range = { start: d.doc.positionAt(edit.start), end: d.doc.positionAt(edit.end) };
      const version = d.doc.version + 1;
      TextDocument.update(d.doc, [{ range, text: edit.newText }], version);
      // The mirror and the server must agree; check the edit landed where it was aimed.
      assert.equal(d.doc.getText(), text.slice(0, edit.start) + edit.newText + text.slice(edit.end));
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: d.uri, version }, contentChanges: [{ range, text: edit.newText }] });
      if (k % 4 !== 0) continue;
      const published = await session.nextDiagnostics(d.uri, (p) => p.version === version);
      // Fixes travel in code actions, not in diagnostics: their edits are checked below.
      for (const diag of published.diagnostics) checkRange(d.doc, diag.range, String(diag.message));
      if (k % 40 === 0) {
        const actions = (await session.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri: d.uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: published.diagnostics, only: ['quickfix', 'source.fixAll'] },
        })) as CodeAction[];
        for (const a of actions) {
          const changes = (a.edit?.documentChanges ?? []) as Array<{ textDocument: { version: number }; edits: TextEdit[] }>;
          for (const c of changes) {
            assert.equal(c.textDocument.version, version);
            const fixed = checkEdits(d.doc, c.edits, a.title);
            if (a.kind === 'source.fixAll.newsprint') {
              const inserted = /[\u4e00-\u9fff]{2,8}讯（记者 ）/g;
              assert.equal(visible(fixed.replace(inserted, '')), visible(d.doc.getText().replace(inserted, '')), 'fix-all is lossless');
            }
          }
        }
        await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: d.uri } });
        await session.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: d.uri } });
      }
    }
    // Versions only move forward: an old version's diagnostics are never published after a newer one's.
    for (const n of session.notifications) {
      if (n.method !== 'textDocument/publishDiagnostics') continue;
      const p = n.params as PublishDiagnosticsParams;
      const last = lastVersion.get(p.uri) ?? 0;
      assert.ok((p.version ?? last) >= last, `diagnostics of version ${p.version} after ${last}`);
      lastVersion.set(p.uri, p.version ?? last);
    }
    const errors = session.notifications.filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1);
    assert.deepEqual(errors, []);
    assert.equal(session.process.exitCode, null);
    assert.equal(session.stderr(), '');
  });
});
