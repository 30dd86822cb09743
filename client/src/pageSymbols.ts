/**
 * The page as the Outline has it: the server's document symbols, where a
 * one-file issue's pages (Package symbols) hold its blocks. The status item
 * and the navigation commands read the page through this one door.
 */
import * as vscode from 'vscode';

export async function pageSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const found = await vscode.commands.executeCommand<Array<vscode.DocumentSymbol | vscode.SymbolInformation> | undefined>('vscode.executeDocumentSymbolProvider', uri);
  return (found ?? []).filter((s): s is vscode.DocumentSymbol => 'children' in s);
}

/** The block (article, teaser, furniture…) at a position, and in a one-file issue the page that holds it. */
export function containing(symbols: readonly vscode.DocumentSymbol[], at: vscode.Position): { article?: vscode.DocumentSymbol; page?: vscode.DocumentSymbol } {
  for (const s of symbols) {
    if (!s.range.contains(at)) continue;
    if (s.kind === vscode.SymbolKind.Package) return { ...containing(s.children, at), page: s };
    return { article: s };
  }
  return {};
}
