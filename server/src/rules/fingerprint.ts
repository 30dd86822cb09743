import type { Span } from '../model/page';
import type { RuleId } from './finding';

const CONTEXT = 12;

/** cyrb53: a fast 53-bit string hash. Fingerprints need stability and few collisions, not secrecy. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

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
