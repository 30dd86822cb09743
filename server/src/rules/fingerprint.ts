import { createHash } from 'node:crypto';
import type { Span } from '../model/page';
import type { RuleId } from './finding';

const CONTEXT = 12;

/**
 * A finding's identity for "ignore this finding": the rule with the text it
 * covers and a little around it, spaces and line breaks removed so the same
 * damage keeps its fingerprint when lines elsewhere move or it is re-wrapped.
 */
export function fingerprint(rule: RuleId, text: string, span: Span): string {
  const around = text.slice(Math.max(0, span.start - CONTEXT), Math.min(text.length, span.end + CONTEXT));
  const squeezed = around.replace(/[\s\u3000\u00a0]+/g, '');
  return `${rule}:${createHash('sha1').update(squeezed).digest('hex').slice(0, 16)}`;
}
