/**
 * The outline's jump notes depend on other pages, and LSP has no request to
 * refresh symbols: for clients that register providers dynamically, the
 * server replaces its symbol provider when the index changes, which makes
 * the client ask again.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { ClientCapabilities, DocumentSymbol } from 'vscode-languageserver-protocol';
import { CORPUS } from '../helpers/repo';
import { startSession, type Session } from '../helpers/lspSession';

const CAPABILITIES: ClientCapabilities = {
  window: { workDoneProgress: true },
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true },
    diagnostic: { dynamicRegistration: false },
  },
};

type Registration = { registrations?: Array<{ method: string }>; unregisterations?: Array<{ method: string }> };

describe('outline notes after the index changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-outline-'));
  for (const f of ['01.txt', '02.txt']) copyFileSync(join(CORPUS, 'cjrb-2026-01-08', f), join(dir, f));
  const uri = pathToFileURL(join(dir, '01.txt')).href;
  let session: Session;

  before(async () => {
    session = await startSession({ pull: true, rootUri: pathToFileURL(dir).href, capabilities: CAPABILITIES });
    await session.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'newsprint', version: 1, text: readFileSync(join(dir, '01.txt'), 'utf8') },
    });
  });
  after(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const symbolRegistrations = (method: string) =>
    session.notifications.filter(
      (n) =>
        n.method === method &&
        ((n.params as Registration).registrations ?? (n.params as Registration).unregisterations ?? []).some((r) => r.method === 'textDocument/documentSymbol'),
    ).length;

  it('registers the symbol provider itself, and replaces it once the issue is indexed', async () => {
    assert.equal(session.initialize.capabilities.documentSymbolProvider, undefined);
    // Indexing two pages takes moments; the replacement follows it (a bounded wait on what the server sends).
    const deadline = Date.now() + 10_000;
    while (symbolRegistrations('client/unregisterCapability') === 0 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    assert.ok(symbolRegistrations('client/registerCapability') >= 2);
    assert.ok(symbolRegistrations('client/unregisterCapability') >= 1);
  });

  it('then answers with the notes of the indexed issue', async () => {
    // The provider is also replaced when the dictionary has loaded, which can come before page 2 is indexed.
    const indexed = () => session.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end');
    const deadline = Date.now() + 10_000;
    while (!indexed() && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const standing = symbols.find((s) => s.name.includes('常务委员会第二十五次会议召开'))!;
    assert.match(standing.detail!, /→ 2版 \(not found\)/);
    const continues = symbols.find((s) => s.name.startsWith('综合提升让老城区'))!;
    assert.match(continues.detail!, /→ 2版$/);
  });
});
