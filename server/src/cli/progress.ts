/**
 * The checker's progress line on a terminal: files done and findings so
 * far, redrawn in place on stderr. Never on a pipe or a file, where it would
 * be noise in a log, and never on stdout, which holds the report.
 */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

import { t } from '../l10n/t';

/** What the line says: files done of all, and what was counted so far. */
export type ProgressWords = (done: number, total: number, counted: number) => string;

const CHECKING: ProgressWords = (done, total, found) =>
  found === 1 ? t`${done}/${total} files checked, 1 finding so far` : t`${done}/${total} files checked, ${found} findings so far`;

/** A run shorter than this shows no progress at all: the line would only flicker. */
const FIRST_DRAW_MS = 300;
const REDRAW_MS = 100;

export class Progress {
  private readonly enabled: boolean;
  private readonly started: number;
  private lastDraw = 0;
  private drawn = false;
  private done = 0;
  private counted = 0;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly now: () => number = () => performance.now(),
    /** What is done to each file, and what is counted: files checked, findings; files exported, articles. */
    private readonly words: ProgressWords = CHECKING,
  ) {
    this.enabled = stream.isTTY === true && total > 1;
    this.started = now();
  }

  /** One more file done, with what it counted (findings, articles). */
  add(count: number): void {
    this.done++;
    this.counted += count;
    if (!this.enabled) return;
    const t = this.now();
    if (t - this.started < FIRST_DRAW_MS || t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.drawn = true;
    this.stream.write(`\r\x1b[Knewsprint: ${this.words(this.done, this.total, this.counted)}`);
  }

  /** Clears the line, so the report that follows starts clean. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
