/** Folding ranges as LSP has them: translation only. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Fold } from '../folding';

export function foldingRanges(folds: readonly Fold[]): FoldingRange[] {
  return folds.map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: FoldingRangeKind.Region }));
}
