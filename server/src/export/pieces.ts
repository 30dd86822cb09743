/**
 * Pieces of page text: an element's parts as ranges of the page, with the
 * continuation markers inside them taken out, and the text those ranges hold.
 */
import { isSpaceCode } from '../text/chars';
import type { Span } from '../model/page';
import type { Origin, Piece } from './exportedIssue';

/** The ranges left of `parts` once `cut` is taken out of them, each trimmed of spaces at both ends. */
export function without(text: string, parts: readonly Span[], cut: readonly Span[]): Span[] {
  const out: Span[] = [];
  const push = (start: number, end: number) => {
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (start < end) out.push({ start, end });
  };
  for (const part of parts) {
    let at = part.start;
    for (const c of cut) {
      if (c.end <= at || c.start >= part.end) continue;
      push(at, Math.max(at, c.start));
      at = Math.max(at, c.end);
    }
    push(at, part.end);
  }
  return out;
}

export function pieceOf(text: string, page: number, spans: readonly Span[]): Piece {
  return { text: spans.map((s) => text.slice(s.start, s.end)).join(''), from: spans.map((span): Origin => ({ page, span })) };
}
