/**
 * A one-file issue cut at its page lines, so that an edit re-reads only the
 * page it touched. The first chunk runs to the second page line: masthead
 * and date line above the first page line belong to the first page, as
 * readPage reads them.
 */
import { matchPageLine } from './conventions';

export interface Chunk {
  readonly start: number;
  readonly end: number;
  /** 0-based line of the chunk's first character. */
  readonly line: number;
}

function trimmed(text: string, start: number, end: number): string | undefined {
  // Page lines are short; longer lines are not even sliced.
  if (end - start > 40) return undefined;
  return text.slice(start, end).trim();
}

/** Starts of the lines that are page lines. */
function pageLineStarts(text: string): Array<{ offset: number; line: number }> {
  const starts: Array<{ offset: number; line: number }> = [];
  const n = text.length;
  let line = 0;
  let start = 0;
  // A loop over character codes, not indexOf: on the concatenated string an edit leaves, V8 copies the whole text for every indexOf call.
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    const t = trimmed(text, start, i);
    if (t && matchPageLine(t)) starts.push({ offset: start, line });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
    line++;
  }
  return starts;
}

export function pageChunks(text: string): Chunk[] {
  const starts = pageLineStarts(text);
  const n = text.length;
  const cuts = starts.slice(1);
  const chunks: Chunk[] = [];
  let from = { offset: 0, line: 0 };
  for (const cut of cuts) {
    chunks.push({ start: from.offset, end: cut.offset, line: from.line });
    from = cut;
  }
  chunks.push({ start: from.offset, end: n, line: from.line });
  return chunks;
}
