/**
 * See before you apply: a fix-all a person asks for comes as an edit whose
 * change annotation needs confirmation (VS Code shows it in the refactor
 * preview), a save's fix-all applies as before, and the Ctrl+. menu of a
 * finding offers the whole file's fix-all beside its rule's.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { AnnotatedTextEdit, CodeAction, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { CORPUS_PAGE, readCorpusPage } from '../helpers/repo';
import { startSession, type Session } from '../helpers/lspSession';

const URI = pathToFileURL(CORPUS_PAGE).toString();
const TEXT = readCorpusPage();
const INVOKED = 1;
const AUTOMATIC = 2;

function editsOf(edit: WorkspaceEdit | undefined): AnnotatedTextEdit[] {
  return ((edit?.documentChanges ?? []) as TextDocumentEdit[]).flatMap((c) => c.edits as AnnotatedTextEdit[]);
}

describe('fix-all for a client that previews edits', () => {
  let session: Session;
  let diagnostics: Diagnostic[];
  before(async () => {
    session = await startSession({ changeAnnotations: true });
    const waiting = session.nextDiagnostics(URI);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'newsprint', version: 1, text: TEXT } });
    diagnostics = (await waiting).diagnostics;
  });
  after(() => session.close());

  const fixAll = async (triggerKind: number) =>
    (
      (await session.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'], triggerKind },
      })) as CodeAction[]
    )[0]!;

  it('asks to be previewed when a person runs it, every change under one annotation saying what changes', async () => {
    const action = await fixAll(INVOKED);
    const annotations = action.edit?.changeAnnotations ?? {};
    const [id] = Object.keys(annotations);
    assert.ok(id);
    assert.equal(annotations[id]!.needsConfirmation, true);
    assert.equal(annotations[id]!.label, 'Fix all Newsprint problems');
    const edits = editsOf(action.edit);
    assert.ok(edits.length > 10);
    assert.ok(edits.every((e) => e.annotationId === id));
    assert.match(annotations[id]!.description ?? '', new RegExp(`^${edits.length} changes`));
  });

  it('applies without asking on save, with the same edits', async () => {
    const asked = await fixAll(INVOKED);
    const saved = await fixAll(AUTOMATIC);
    assert.equal(Object.values(saved.edit?.changeAnnotations ?? {})[0]?.needsConfirmation, false);
    assert.deepEqual(
      editsOf(saved.edit).map((e) => [e.range, e.newText]),
      editsOf(asked.edit).map((e) => [e.range, e.newText]),
    );
  });

  it('offers the whole file’s fix-all in a finding’s Ctrl+. menu, beside its rule’s, with the same edit as Fix All', async () => {
    const wrap = diagnostics.find((d) => d.code === 'broken-wrap')!;
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: wrap.range,
      context: { diagnostics: [wrap], only: ['quickfix'], triggerKind: INVOKED },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    const rule = titles.indexOf('Fix all broken-wrap problems in this file');
    const file = titles.indexOf('Fix all Newsprint problems in this file');
    assert.ok(rule >= 0 && file === rule + 1, titles.join('\n'));
    const whole = actions[file]!;
    assert.equal(Object.values(whole.edit?.changeAnnotations ?? {})[0]?.needsConfirmation, true);
    assert.deepEqual(
      editsOf(whole.edit).map((e) => [e.range, e.newText]),
      editsOf((await fixAll(INVOKED)).edit).map((e) => [e.range, e.newText]),
    );
  });
});
