import type { Line } from './lines';

/**
 * The one place where offsets become LSP positions. JavaScript strings are
 * UTF-16, as LSP positions are by default, so an offset maps to a character
 * column without re-encoding; only the line lookup needs care.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(readonly lines: readonly Line[]) {
    this.starts = lines.map((l) => l.start);
  }

  /** The line holding an offset; an offset inside a line break belongs to the line it ends. */
  lineAt(offset: number): Line {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.lines[lo]!;
  }

  position(offset: number): Position {
    const line = this.lineAt(offset);
    return { line: line.index, character: Math.min(offset, line.end) - line.start };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  offset(position: Position): number {
    const line = this.lines[Math.min(Math.max(position.line, 0), this.lines.length - 1)]!;
    return Math.min(line.start + Math.max(position.character, 0), line.end);
  }
}
