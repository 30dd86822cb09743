/**
 * missing-byline: a news article with no source line or byline, neither at
 * the start of its first paragraph, on its own line under the headline, nor
 * as a credit at the end. Continued parts, commentary, photo items, teasers,
 * briefs and furniture carry none by nature.
 */
import type { Block } from '../model/page';
import type { Finding, Severity } from './finding';
import { fingerprint } from './fingerprint';
import type { Rule, RuleContext } from './rule';

const BRIEFS = /速览|简讯|快讯|要闻简报|新闻速递|一周|图说|图片新闻/;

export function sourceLineFor(context: RuleContext): string {
  const paper = context.paperName ?? context.model.paperName ?? '本报';
  const template = context.bylineTemplate && context.bylineTemplate.trim() !== '' ? context.bylineTemplate : '{paper}讯（记者 ）';
  return template.replace(/\{paper\}/g, paper);
}

function needsByline(block: Block): boolean {
  if (block.kind !== 'article' || block.source) return false;
  if (block.headline.length === 0) return false;
  if (block.headline.some((h) => BRIEFS.test(h.text))) return false;
  return block.body.some((e) => e.kind === 'paragraph');
}

export const missingByline: Rule = {
  id: 'missing-byline',
  defaultSeverity: 'warning',
  description: 'A news article with no source line or byline.',
  check(context, severity: Severity): Finding[] {
    const { model } = context;
    const findings: Finding[] = [];
    const line = sourceLineFor(context);
    for (const page of model.pages) {
      for (const block of page.blocks) {
        if (!needsByline(block)) continue;
        const first = block.body.find((e) => e.kind === 'paragraph')!;
        const h = block.headline;
        const span = { start: h[0]!.span.start, end: h[h.length - 1]!.span.end };
        findings.push({
          rule: 'missing-byline',
          span,
          severity,
          message: `“${h.map((e) => e.text).join(' ')}” has no source line or byline.`,
          // Never fix-all: it inserts text the page does not hold, and the name is the user's to type.
          fixes: [{ title: `Insert the source line ${line}`, edits: [{ start: first.span.start, end: first.span.start, newText: line }], safe: false }],
          fingerprint: fingerprint('missing-byline', model.text, span, page.span),
        });
      }
    }
    return findings;
  },
};
