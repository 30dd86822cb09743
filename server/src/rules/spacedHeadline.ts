/**
 * spaced-headline: headline characters spread apart by justification spaces
 * (进一步 强化 … 高 质 量 发 展). A single space between the phrases of a deck
 * or between names is normal: only a run of many short pieces is flagged.
 */
import { HAN } from '../text/chars';
import { elementOffset } from '../model/page';
import type { Finding, Severity, TextEdit } from './finding';
import { fingerprint } from './fingerprint';
import type { Rule } from './rule';

/** Ideograph groups separated by single spaces (ASCII, U+3000 or no-break). */
const RUN = new RegExp(`[${HAN}]{1,8}(?:[ \\u3000\\u00a0][${HAN}]{1,8}){3,}`, 'g');

function isJustified(run: string): boolean {
  const pieces = run.split(/[ \u3000\u00a0]/);
  const singles = pieces.filter((p) => p.length === 1).length;
  const average = (run.length - (pieces.length - 1)) / pieces.length;
  return pieces.length >= 4 && (singles >= 3 || average <= 2);
}

export const spacedHeadline: Rule = {
  id: 'spaced-headline',
  defaultSeverity: 'warning',
  description: 'Headline characters spread apart by justification spaces.',
  check({ model }, severity: Severity): Finding[] {
    const findings: Finding[] = [];
    const { text } = model;
    for (const page of model.pages) {
      for (const block of page.blocks) {
        const lines = [...block.headline, ...block.body.filter((e) => e.kind === 'subheading')];
        for (const el of lines) {
          RUN.lastIndex = 0;
          for (let m = RUN.exec(el.text); m; m = RUN.exec(el.text)) {
            if (!isJustified(m[0])) continue;
            const span = { start: elementOffset(el, m.index), end: elementOffset(el, m.index + m[0].length - 1) + 1 };
            const edits: TextEdit[] = [];
            for (let i = span.start; i < span.end; i++) {
              if (/[ \u3000\u00a0]/.test(text[i]!)) edits.push({ start: i, end: i + 1, newText: '' });
            }
            const shown = m[0].length > 24 ? `${m[0].slice(0, 10).trim()} … ${m[0].slice(-10).trim()}` : m[0];
            findings.push({
              rule: 'spaced-headline',
              span,
              severity,
              message: `Headline characters are spread by ${edits.length} justification spaces: “${shown}”.`,
              fixes: [{ title: 'Remove the justification spaces', edits, safe: true }],
              fingerprint: fingerprint('spaced-headline', text, span, page.span),
            });
          }
        }
      }
    }
    return findings;
  },
};
