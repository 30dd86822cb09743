/**
 * orphaned-continuation: a continuation marker that does not do its job on
 * this page. An onward marker (下转第二版) must close its article: not stand
 * right under a headline, not be followed by more of the article, not repeat,
 * not point back. An arriving marker (上接第一版) must open a continued part.
 * Pairing markers across the pages of an issue is the issue index's work.
 */
import type { Block, Marker, Page, PageModel } from '../model/page';
import type { Finding, Fix, Severity, TextEdit } from './finding';
import { fingerprint } from './fingerprint';
import type { Rule } from './rule';

const BODY = new Set(['paragraph', 'subheading', 'caption']);

/** Where a marker's removal starts and ends: a standalone marker takes its line break and blank lines with it. */
function removal(text: string, m: Marker): TextEdit {
  if (!m.standalone) return { start: m.span.start, end: m.span.end, newText: '' };
  let start = m.span.start;
  while (start > 0 && /[\s\u3000]/.test(text[start - 1]!)) start--;
  return { start, end: m.span.end, newText: '' };
}

function lastBodyEnd(block: Block): number | undefined {
  for (let i = block.body.length - 1; i >= 0; i--) {
    const e = block.body[i]!;
    if (BODY.has(e.kind)) return e.span.end;
  }
  return undefined;
}

function problems(model: PageModel, page: Page, block: Block): Array<{ marker: Marker; message: string; fixes: Fix[] }> {
  const out: Array<{ marker: Marker; message: string; fixes: Fix[] }> = [];
  const { text } = model;
  const onward = block.markers.filter((m) => m.direction === 'onward');
  const here = page.ref;
  const bodyEnd = lastBodyEnd(block);
  const firstBody = block.body.find((e) => BODY.has(e.kind));
  const seen = new Map<string, Marker>();
  for (const m of onward) {
    const key = `${m.page.section ?? ''}${m.page.number}`;
    const earlier = seen.get(key);
    seen.set(key, m);
    if (earlier) {
      out.push({
        marker: earlier,
        message: `${earlier.text} appears twice in this article; the later one closes it.`,
        fixes: [{ title: `Remove the duplicate ${earlier.text}`, edits: [removal(text, earlier)], safe: false }],
      });
      continue;
    }
    if (!firstBody || m.span.start < firstBody.span.start) {
      out.push({ marker: m, message: `${m.text} stands right after a headline with no article text before it.`, fixes: [] });
      continue;
    }
    if (here && here.number >= m.page.number && (here.section ?? '') === (m.page.section ?? '')) {
      out.push({ marker: m, message: `${m.text} points to ${here.number === m.page.number ? 'its own page' : 'an earlier page'} (this is page ${here.label}).`, fixes: [] });
      continue;
    }
    if (bodyEnd !== undefined && m.span.end < bodyEnd && m === onward[onward.length - 1]) {
      const edit = removal(text, m);
      out.push({
        marker: m,
        message: `${m.text} is followed by more of the same article: an onward marker must close it.`,
        fixes: [
          {
            title: `Move ${m.text} to the end of the article`,
            edits: [edit, { start: bodyEnd, end: bodyEnd, newText: m.text }],
            safe: false,
          },
        ],
      });
    }
  }
  const firstElement = block.body[0];
  for (const m of block.markers) {
    if (m.direction !== 'arriving') continue;
    const opens = block.kind === 'continuation' && firstElement !== undefined && m.span.start === firstElement.span.start;
    if (!opens) out.push({ marker: m, message: `${m.text} does not open a continued part: it belongs right under the repeated headline.`, fixes: [] });
  }
  return out;
}

export const orphanedContinuation: Rule = {
  id: 'orphaned-continuation',
  defaultSeverity: 'warning',
  description: 'A continuation marker (下转第二版, 上接第一版…) that does not close or open its article.',
  check({ model }, severity: Severity): Finding[] {
    const findings: Finding[] = [];
    for (const page of model.pages) {
      for (const block of page.blocks) {
        for (const p of problems(model, page, block)) {
          findings.push({
            rule: 'orphaned-continuation',
            span: p.marker.span,
            severity,
            message: p.message,
            fixes: p.fixes,
            fingerprint: fingerprint('orphaned-continuation', model.text, p.marker.span),
          });
        }
      }
    }
    return findings;
  },
};
