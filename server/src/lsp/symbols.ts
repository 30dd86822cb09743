/** The outline as LSP document symbols: translation only. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { OutlineEntry } from '../outline';
import type { Range } from '../text/positions';

/** What turns offsets into ranges: a document's paged analysis places each on its own page. */
export interface Ranges {
  range(start: number, end: number): Range;
}

const KIND: Record<OutlineEntry['kind'], SymbolKind> = {
  page: SymbolKind.Package,
  article: SymbolKind.String,
  continuation: SymbolKind.String,
  commentary: SymbolKind.String,
  photo: SymbolKind.Object,
  teaser: SymbolKind.Event,
  furniture: SymbolKind.Constant,
  subheading: SymbolKind.String,
  caption: SymbolKind.Field,
  marker: SymbolKind.Key,
};

export function toDocumentSymbol(entry: OutlineEntry, index: Ranges): DocumentSymbol {
  const range = index.range(entry.span.start, entry.span.end);
  const selectionRange = index.range(entry.selection.start, entry.selection.end);
  return {
    // VS Code rejects symbols with empty names.
    name: entry.name.trim() === '' ? entry.kind : entry.name,
    detail: entry.detail,
    kind: KIND[entry.kind],
    range,
    selectionRange,
    children: entry.children.map((c) => toDocumentSymbol(c, index)),
  };
}
