/** A page model as plain data a person can read and a test can compare: the expected trees in test/expected. */
import type { PageModel } from '../../server/src/model/page';
import { LineIndex } from '../../server/src/text/positions';

export interface BlockSummary {
  kind: string;
  lines: [number, number];
  headline: string[];
  source?: { placement: string; text: string };
  items: string[];
}

export function summarize(model: PageModel): Array<{ page?: string; blocks: BlockSummary[] }> {
  const index = new LineIndex(model.lines);
  const line = (offset: number) => index.position(offset).line + 1;
  return model.pages.map((page) => ({
    ...(page.ref ? { page: page.ref.label } : {}),
    blocks: page.blocks.map((b) => {
      const items: string[] = [];
      for (const e of b.body) {
        if (e.kind === 'paragraph') continue;
        items.push(`${e.kind} ${line(e.span.start)}: ${e.text}`);
      }
      for (const m of b.markers) if (!m.standalone) items.push(`marker ${line(m.span.start)}: ${m.text} (glued)`);
      const s: BlockSummary = {
        kind: b.kind,
        lines: [line(b.span.start), line(b.span.end)],
        headline: b.headline.map((h) => h.text),
        items,
      };
      if (b.source) s.source = { placement: b.source.placement, text: b.source.text };
      return s;
    }),
  }));
}
