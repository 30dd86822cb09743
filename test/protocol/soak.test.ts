/**
 * A long working day, short: thousands of single-character edits on a
 * one-file issue, each waited for, with the server's heap held to a fixed
 * size. The server must stay up and its memory bounded: what a version of
 * the document leaves in caches must go with it. `npm run soak` runs it long
 * (NEWSPRINT_SOAK_EDITS, NEWSPRINT_SOAK_KB) and prints the figures.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startSession, type Session } from '../helpers/lspSession';
import { Random } from '../helpers/random';
import { readCorpusPage } from '../helpers/repo';

const EDITS = Number(process.env.NEWSPRINT_SOAK_EDITS ?? 1500);
const KB = Number(process.env.NEWSPRINT_SOAK_KB ?? 64);
/** The heap the server gets: above what the document needs, below what keeping every version would take. */
const HEAP_MB = Number(process.env.NEWSPRINT_SOAK_HEAP_MB ?? 64);

function rssMb(pid: number): number {
  if (existsSync(`/proc/${pid}/status`)) return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

describe(`soak: ${EDITS} edits on a ${KB} KB one-file issue, the server's heap held to ${HEAP_MB} MB`, () => {
  let session: Session;
  after(() => session.close());

  it('stays up, answers every version, and keeps its memory bounded', { timeout: 3_600_000 }, async () => {
    session = await startSession({ pull: false, nodeArgs: [`--max-old-space-size=${HEAP_MB}`], record: false });
    const page = readCorpusPage();
    let text = '';
    // Pages of the corpus under page lines, to about KB kilobytes of UTF-8.
    for (let n = 1; Buffer.byteLength(text) < KB * 1024; n++) text += `第${n}版 要闻\n\n${page}\n`;
    const uri = 'file:///soak/issue.txt';
    const doc = TextDocument.create(uri, 'newsprint', 1, text);
    const opened = session.nextDiagnostics(uri, (p) => p.version === 1);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text } });
    await opened;
    const pid = session.process.pid!;
    const random = new Random(8);
    let start = 0;
    let peak = 0;
    for (let k = 1; k <= EDITS; k++) {
      // Typing in running text: one character in, or one out, somewhere in the issue.
      const current = doc.getText();
      let at = random.int(current.length);
      while (at < current.length && /[\s\n]/.test(current[at]!)) at++;
      const insert = random.int(2) === 0;
      const range = { start: doc.positionAt(at), end: doc.positionAt(insert ? at : Math.min(current.length, at + 1)) };
      const version = doc.version + 1;
      const newText = insert ? '的' : '';
      TextDocument.update(doc, [{ range, text: newText }], version);
      const published = session.nextDiagnostics(uri, (p) => p.version === version);
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
      await published;
      // Measured once the caches have filled: the first hundred edits warm them.
      if (k === 100) start = rssMb(pid);
      if (k % 100 === 0) peak = Math.max(peak, rssMb(pid));
      assert.equal(session.process.exitCode, null, `the server died at edit ${k}`);
    }
    const end = rssMb(pid);
    console.log(
      `soak: ${EDITS} edits on ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, RSS after 100 edits ${start.toFixed(0)} MB, at the end ${end.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, crashes 0`,
    );
    assert.equal(session.process.exitCode, null);
    assert.ok(end < start + 40, `RSS grew from ${start.toFixed(0)} MB to ${end.toFixed(0)} MB`);
    assert.equal(session.stderr(), '');
  });
});
