/**
 * Physical lines of a text with exact UTF-16 offsets. LSP, VS Code and
 * vscode-languageserver-textdocument all treat \r\n, \n and a lone \r as line
 * ends, so the page model does too: a range computed here is a range the
 * editor shows in the same place.
 */
export interface Line {
  /** 0-based line number, the same as an LSP position's line. */
  readonly index: number;
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character before the line end. */
  readonly end: number;
  /** Offset of the next line's start (end plus the length of the line break). */
  readonly next: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  const n = text.length;
  // Most texts end their lines with \n alone: the engine's native search finds each, faster than a loop over every character.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ index: index++, start, end: i, next: i + 1 });
      start = i + 1;
    }
    lines.push({ index, start, end: n, next: n });
    return lines;
  }
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ index: index++, start, end: i, next });
      start = next;
      i = next - 1;
    }
  }
  lines.push({ index, start, end: n, next: n });
  return lines;
}
