/** broken-wrap: a paragraph cut by a line break (and blank lines) at a column or page break. */
import { HAN, isHighSurrogate, isLowSurrogate, isSpace } from '../text/chars';
import type { Join, PageModel } from '../model/page';
import type { Finding, Severity } from './finding';
import { fingerprint } from './fingerprint';
import type { Rule } from './rule';

const LATIN = /[A-Za-z0-9]/;

/** Ideographs, letters and digits: what a reader sees as the words on either side of a cut. */
const WORDISH = new RegExp(`[${HAN}A-Za-z0-9０-９]`);

/** Up to `n` word characters before `end` (after one trailing punctuation mark, if any), stopping at other punctuation. */
function tail(text: string, end: number, n: number): string {
  let i = end;
  if (i > 0 && !WORDISH.test(text[i - 1]!) && !isSpace(text[i - 1])) {
    i--;
    // Step over a whole surrogate pair, never half of one.
    if (i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) i--;
  }
  const stop = i;
  while (i > 0 && stop - i < n && WORDISH.test(text[i - 1]!)) i--;
  return text.slice(i, end);
}

/** Up to `n` word characters from `start` (after one leading punctuation mark, if any). */
function head(text: string, start: number, n: number): string {
  let i = start;
  if (i < text.length && !WORDISH.test(text[i]!) && !isSpace(text[i])) {
    i++;
    if (i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i))) i++;
  }
  const from = i;
  while (i < text.length && i - from < n && WORDISH.test(text[i]!)) i++;
  return text.slice(start, i);
}

function describe(model: PageModel, join: Join): { shown: string; reason: string; before: number; after: number } {
  const { text } = model;
  const e = join.evidence;
  if (e.kind === 'word') {
    const before = e.split;
    const after = e.word.length - e.split;
    return { shown: `${e.word.slice(0, before)}|${e.word.slice(before)}`, reason: `the word ${e.word} straddles the break`, before, after };
  }
  const a = tail(text, join.gap.start, 4);
  const b = head(text, join.gap.end, 4);
  const reason =
    e.kind === 'open-bracket'
      ? `${e.bracket} is left open across the break`
      : e.kind === 'particle'
        ? `the next line starts mid-sentence with “${head(text, join.gap.end, Math.max(2, e.head.length))}”`
        : e.kind === 'punctuation'
          ? `the next line starts with ${e.head}`
          : 'the paragraph stops without closing punctuation';
  return { shown: `${a}|${b}`, reason, before: a.length, after: b.length };
}

export const brokenWrap: Rule = {
  id: 'broken-wrap',
  defaultSeverity: 'warning',
  description: 'A paragraph cut by a line break and blank lines at a column or page break.',
  check({ model }, severity: Severity): Finding[] {
    const findings: Finding[] = [];
    const { text } = model;
    for (const page of model.pages) {
      for (const block of page.blocks) {
        for (const el of [...block.headline, ...block.body]) {
          for (const join of el.joins) {
            const { shown, reason, before, after } = describe(model, join);
            const span = { start: join.gap.start - before, end: join.gap.end + after };
            const glue = LATIN.test(text[join.gap.start - 1] ?? '') && LATIN.test(text[join.gap.end] ?? '') ? ' ' : '';
            const where = join.afterLine - join.beforeLine > 1 ? 'across blank lines' : 'by a line break';
            findings.push({
              rule: 'broken-wrap',
              span,
              severity,
              message: `“${shown}” is cut ${where}: ${reason}.`,
              related: [{ span: { start: join.gap.end, end: join.gap.end + after }, message: 'The paragraph goes on here.' }],
              fixes: [{ title: `Join the two parts of “${shown}”`, edits: [{ start: join.gap.start, end: join.gap.end, newText: glue }], safe: true }],
              fingerprint: fingerprint('broken-wrap', text, { start: join.gap.start, end: join.gap.end }, page.span),
            });
          }
        }
      }
    }
    return findings;
  },
};
