/** Folding regions of a page: one per block, and one per page of a one-file issue, that spans lines. */
import type { PageModel } from './model/page';
import type { LineIndex } from './text/positions';

export interface Fold {
  readonly startLine: number;
  readonly endLine: number;
}

export function folds(model: PageModel, index: LineIndex): Fold[] {
  const out: Fold[] = [];
  const add = (start: number, end: number) => {
    const a = index.position(start).line;
    const b = index.position(end).line;
    if (b > a) out.push({ startLine: a, endLine: b });
  };
  for (const page of model.pages) {
    if (page.pageLine) add(page.span.start, page.span.end);
    for (const block of page.blocks) add(block.span.start, block.span.end);
  }
  return out;
}
