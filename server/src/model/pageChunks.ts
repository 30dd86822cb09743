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

type LineStart = { readonly offset: number; readonly line: number };

/**
 * Starts of the lines in [from, to) that are page lines, `from` being the
 * start of line `line`, and the line `to` starts. `to` is a line start, or
 * the end of the text, whose last line runs to it.
 */
function pageLineStarts(text: string, from = 0, to = text.length, line = 0): { starts: LineStart[]; line: number } {
  const starts: LineStart[] = [];
  let start = from;
  const lineEnds = (end: number) => {
    const t = trimmed(text, start, end);
    if (t && matchPageLine(t)) starts.push({ offset: start, line });
  };
  // A loop over character codes, not indexOf: on the concatenated string an edit leaves, V8 copies the whole text for every indexOf call.
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lineEnds(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
    line++;
  }
  if (to === text.length) {
    lineEnds(to);
    line++;
  }
  return { starts, line };
}

/** Chunks cut at every page line but the first. */
function chunksAt(starts: readonly LineStart[], n: number): Chunk[] {
  const chunks: Chunk[] = [];
  let from: LineStart = { offset: 0, line: 0 };
  for (const cut of starts.slice(1)) {
    chunks.push({ start: from.offset, end: cut.offset, line: from.line });
    from = cut;
  }
  chunks.push({ start: from.offset, end: n, line: from.line });
  return chunks;
}

export function pageChunks(text: string): Chunk[] {
  return chunksAt(pageLineStarts(text).starts, text.length);
}

/**
 * Whether a page's text, changed on its own, still stands as the same page
 * of its issue: no page line added, the page's own kept at its start (the
 * first page's may have a masthead above it), and its last line break kept,
 * so the page line after it still starts a line.
 */
export function staysOnePage(text: string, first: boolean, endsLine: boolean): boolean {
  const { starts } = pageLineStarts(text);
  if (endsLine && text.charCodeAt(text.length - 1) !== 10) return false;
  return first ? starts.length <= 1 : starts.length === 1 && starts[0]!.offset === 0;
}

/** A chunk of the last version, with the text it held. */
export interface KnownChunk {
  readonly chunk: Chunk;
  readonly text: string;
}

export interface Rechunked {
  readonly chunks: Chunk[];
  /** For each chunk, the index of the last version's chunk that holds the same text, if any. */
  readonly same: ReadonlyArray<number | undefined>;
}

/** The line after a chunk: its first line and the breaks it holds. */
function lineAfter(known: KnownChunk): number {
  return pageLineStarts(known.text).line - 1 + known.chunk.line;
}

/**
 * pageChunks of a new version, scanning only what changed: the leading
 * chunks that hold the same text at the same place and the trailing ones
 * that hold the same text moved by the edit's length keep their page lines,
 * and only the text between them is scanned. A keystroke scans one page of
 * an issue, not the issue. The chunks are pageChunks(text), always.
 */
export function rechunk(text: string, previous: readonly KnownChunk[]): Rechunked {
  const n = text.length;
  const m = previous.length;
  // One chunk is one page: scanning it is the work there is. (With two or more, the first holds the first page line.)
  if (m < 2) return { chunks: pageChunks(text), same: [] };
  const delta = n - previous[m - 1]!.chunk.end;
  let a = 0;
  // Ending on \n: a \r could pair with a \n an edit put after it.
  while (a < m) {
    const p = previous[a]!;
    if (p.chunk.end > n || p.text.charCodeAt(p.text.length - 1) !== 10 || !text.startsWith(p.text, p.chunk.start)) break;
    a++;
  }
  const from = a > 0 ? previous[a - 1]!.chunk.end : 0;
  // Never the first chunk: only it may not open with a page line.
  let b = m;
  while (b - 1 >= Math.max(a, 1)) {
    const p = previous[b - 1]!;
    const at = p.chunk.start + delta;
    const c = text.charCodeAt(at - 1);
    if (at <= from || (c !== 10 && c !== 13) || !text.startsWith(p.text, at)) break;
    b--;
  }
  const to = b < m ? previous[b]!.chunk.start + delta : n;
  const middle = pageLineStarts(text, from, to, a === 0 ? 0 : a < m ? previous[a]!.chunk.line : lineAfter(previous[m - 1]!));
  const shift = b < m ? middle.line - previous[b]!.chunk.line : 0;
  const starts: LineStart[] = [
    // The first page line stands inside the first chunk: only that it comes first counts.
    ...(a > 0 ? [{ offset: 0, line: 0 }] : []),
    ...previous.slice(1, a).map((p) => ({ offset: p.chunk.start, line: p.chunk.line })),
    ...middle.starts,
    ...previous.slice(b).map((p) => ({ offset: p.chunk.start + delta, line: p.chunk.line + shift })),
  ];
  const chunks = chunksAt(starts, n);
  const same = chunks.map((c, i) => {
    const p = previous[i]?.chunk;
    if (i < a && p && c.start === p.start && c.end === p.end) return i;
    const k = i - chunks.length + m;
    const q = previous[k]?.chunk;
    return k >= b && q && c.start === q.start + delta && c.end === q.end + delta ? k : undefined;
  });
  return { chunks, same };
}
