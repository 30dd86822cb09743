import type { Span } from '../model/page';
import { hash53 } from '../text/hash';
import type { RuleId } from './finding';

const CONTEXT = 12;

/**
 * A finding's identity for "ignore this finding": the rule with the text it
 * covers and a little around it, spaces and line breaks removed so the same
 * damage keeps its fingerprint when lines elsewhere move or it is re-wrapped.
 */
export function fingerprint(rule: RuleId, text: string, span: Span, page: Span): string {
  // The context stops at the page's edges, so a page reads the same on its own as inside a one-file issue.
  const around = text.slice(Math.max(page.start, span.start - CONTEXT), Math.min(page.end, span.end + CONTEXT));
  const squeezed = around.replace(/[\s\u3000\u00a0]+/g, '');
  return `${rule}:${hash53(squeezed)}`;
}
