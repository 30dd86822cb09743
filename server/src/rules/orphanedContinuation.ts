/**
 * orphaned-continuation: a continuation marker that does not do its job on
 * this page. An onward marker (下转第二版) must close its article: not stand
 * right under a headline, not be followed by more of the article, not repeat,
 * not point back. An arriving marker (上接第一版) must open a continued part.
 * Pairing markers across the pages of an issue is the issue index's work.
 */
import { countsPages } from '../model/conventions';
import { TEXT_KINDS, type Block, type Marker, type Page, type PageModel } from '../model/page';
import type { Finding, Fix, Severity, TextEdit } from './finding';
import { fingerprint } from './fingerprint';
import { t } from '../l10n/t';
import type { Rule } from './rule';

function sameTarget(a: Marker, b: Marker): boolean {
  return a.page.number === b.page.number && (a.page.section ?? '') === (b.page.section ?? '');
}

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
    if (TEXT_KINDS.has(e.kind)) return e.span.end;
  }
  return undefined;
}

function problems(model: PageModel, page: Page, block: Block): Array<{ marker: Marker; message: string; fixes: Fix[] }> {
  const out: Array<{ marker: Marker; message: string; fixes: Fix[] }> = [];
  const { text } = model;
  const onward = block.markers.filter((m) => m.direction === 'onward');
  const here = page.ref;
  const bodyEnd = lastBodyEnd(block);
  const firstBody = block.body.find((e) => TEXT_KINDS.has(e.kind));
  const seen = new Map<string, Marker>();
  for (const m of onward) {
    const key = `${m.page.section ?? ''}${m.page.number}`;
    const earlier = seen.get(key);
    if (earlier) {
      out.push({
        marker: m,
        message: t`${m.text} repeats the marker ${earlier.text} already in this article.`,
        fixes: [{ title: t`Remove the repeated ${m.text}`, edits: [removal(text, m)], safe: false }],
      });
      continue;
    }
    seen.set(key, m);
    if (!firstBody || m.span.start < firstBody.span.start) {
      out.push({ marker: m, message: t`${m.text} stands right after a headline with no article text before it.`, fixes: [] });
      continue;
    }
    if (here && here.number >= m.page.number && (here.section ?? '') === (m.page.section ?? '')) {
      out.push({
        marker: m,
        message:
          here.number === m.page.number
            ? t`${m.text} points to its own page (this is page ${here.number}).`
            : t`${m.text} points to an earlier page (this is page ${here.number}).`,
        fixes: [],
      });
      continue;
    }
    const followers = block.body.some((e) => TEXT_KINDS.has(e.kind) && e.span.start >= m.span.end);
    if (bodyEnd !== undefined && m.span.end < bodyEnd && followers && onward.every((o) => o === m || o.span.start < m.span.start || sameTarget(o, m))) {
      const edit = removal(text, m);
      out.push({
        marker: m,
        message: t`${m.text} is followed by more of the same article: an onward marker must close it.`,
        fixes: [
          {
            title: t`Move ${m.text} to the end of the article`,
            edits: [edit, { start: bodyEnd, end: bodyEnd, newText: m.text }],
            safe: false,
          },
        ],
      });
    }
  }
  const firstElement = block.body.find((e) => e.kind !== 'figure');
  for (const m of block.markers) {
    if (m.direction !== 'arriving') continue;
    const opens = block.kind === 'continuation' && firstElement !== undefined && m.span.start === firstElement.span.start;
    if (!opens) {
      out.push({ marker: m, message: t`${m.text} does not open a continued part: it belongs right under the repeated headline.`, fixes: [] });
    } else if (block.headline.length === 0 && !countsPages(m.text)) {
      // Journals jump by page (上接第51页) and repeat no headline; papers (上接第一版) always do.
      out.push({ marker: m, message: t`${m.text} has no repeated headline above it: a continued part starts with its headline.`, fixes: [] });
    } else if (!block.body.some((e) => TEXT_KINDS.has(e.kind) && e.span.end > m.span.end)) {
      out.push({ marker: m, message: t`${m.text} opens no continued part: no article text follows it.`, fixes: [] });
    } else if (here && (here.section ?? '') === (m.page.section ?? '') && m.page.number >= here.number) {
      out.push({
        marker: m,
        message:
          m.page.number === here.number ? t`${m.text} comes from its own page (this is page ${here.number}).` : t`${m.text} comes from a later page (this is page ${here.number}).`,
        fixes: [],
      });
    }
  }
  return out;
}

export const orphanedContinuation: Rule = {
  id: 'orphaned-continuation',
  defaultSeverity: 'warning',
  get description() {
    return t('A continuation marker (下转第二版, 上接第一版…) that does not close or open its article.');
  },
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
            fingerprint: fingerprint('orphaned-continuation', model.text, p.marker.span, page.span),
          });
        }
      }
    }
    return findings;
  },
};
