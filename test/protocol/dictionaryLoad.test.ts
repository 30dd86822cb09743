/**
 * The first page opened does not wait for the dictionary: it is shown read
 * on punctuation alone, the status item says the dictionary is loading, and
 * once it has loaded the page is read and shown again. Fix-all never works
 * from the reading without words.
 */
import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { byRule, startSession, type Session } from '../helpers/lspSession';
import { readCorpusPage } from '../helpers/repo';

const URI = 'file:///dictionary-load/01.txt';

function open(session: Session, uri: string, text: string) {
  return session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text } });
}

const statuses = (session: Session) => session.notifications.filter((n) => n.method === 'newsprint/status').map((n) => (n.params as { segmentation: string }).segmentation);

describe('the dictionary loads after the first page is shown', () => {
  const sessions: Session[] = [];
  after(() => Promise.all(sessions.map((s) => s.close())));

  it('shows the page read without words, then read with them', async () => {
    const session = await startSession({ early: true });
    sessions.push(session);
    const first = session.nextDiagnostics(URI);
    await open(session, URI, readCorpusPage());
    const early = await first;
    assert.deepEqual(statuses(session), ['loading'], 'shown while the dictionary is still loading');
    const refined = await session.nextDiagnostics(URI, (p) => p.version === 1);
    assert.deepEqual(statuses(session), ['loading', 'ready']);
    // Cuts inside words are found by the words on both sides: the reading with the dictionary finds every cut on the page.
    assert.equal(byRule(refined.diagnostics)['broken-wrap'], 15);
    assert.ok((byRule(early.diagnostics)['broken-wrap'] ?? 0) < 15, 'without words some cuts inside words are not found');
    const loadingAt = session.notifications.findIndex((n) => n.method === 'newsprint/status');
    const readyAt = session.notifications.findIndex((n) => n.method === 'newsprint/status' && (n.params as { segmentation: string }).segmentation === 'ready');
    const publishedAt = session.notifications.map((n, i) => (n.method === 'textDocument/publishDiagnostics' ? i : -1)).filter((i) => i >= 0);
    assert.ok(loadingAt < publishedAt[0]! && publishedAt[0]! < readyAt && readyAt < publishedAt[1]!, 'loading, shown, ready, shown again');
  });

  it('works fix-all out with the dictionary even when asked before it has loaded', async () => {
    const text = readCorpusPage();
    const fixAll = async (session: Session) =>
      (await session.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as CodeAction[];
    const cold = await startSession({ early: true });
    sessions.push(cold);
    const shown = cold.nextDiagnostics(URI);
    await open(cold, URI, text);
    // Asked at once: the page is first shown without words, and the fix-all comes before the timer that loads the dictionary.
    const asked = await fixAll(cold);
    await shown;
    assert.deepEqual(statuses(cold), ['loading', 'ready'], 'the fix-all loaded the dictionary itself');
    const warm = await startSession();
    sessions.push(warm);
    const read = warm.nextDiagnostics(URI);
    await open(warm, URI, text);
    await read;
    const expected = await fixAll(warm);
    assert.equal(statuses(warm).at(-1), 'ready');
    assert.ok(expected[0]?.edit, 'the page has fixes');
    assert.deepEqual(asked[0]?.edit, expected[0]!.edit, 'the same edit as with the dictionary loaded first');
  });
});
