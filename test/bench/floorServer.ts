/**
 * The floor the benchmark measures Newsprint against: an LSP server over the
 * same library and transport that does nothing but what any checker must,
 * keep the text, scan its lines with three regular expressions and publish.
 * Whatever Newsprint takes beyond it is the analysis's own cost.
 */
import { createConnection, TextDocuments, TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);

function scan(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*$/.test(line) || /[。！？]$/.test(line)) continue;
    if (/[(（][下上]?[转接]/.test(line)) out.push({ range: { start: { line: i, character: 0 }, end: { line: i, character: line.length } }, message: 'marker', source: 'floor' });
  }
  return out;
}

connection.onInitialize(() => ({ capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } } }));
documents.onDidChangeContent((e) => {
  setImmediate(() => void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: scan(e.document.getText()) }));
});
documents.listen(connection);
connection.listen();
