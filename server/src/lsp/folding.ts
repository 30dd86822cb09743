/** Folding ranges: one per block (and per page in a one-file issue) that spans lines. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { PageModel } from '../model/page';
import type { LineIndex } from '../text/positions';

export function foldingRanges(model: PageModel, index: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (start: number, end: number) => {
    const a = index.position(start).line;
    const b = index.position(end).line;
    if (b > a) out.push({ startLine: a, endLine: b, kind: FoldingRangeKind.Region });
  };
  for (const page of model.pages) {
    if (page.pageLine) add(page.span.start, page.span.end);
    for (const block of page.blocks) add(block.span.start, block.span.end);
  }
  return out;
}
