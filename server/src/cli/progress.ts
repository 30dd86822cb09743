/**
 * The checker's progress line on a terminal: files done and findings so
 * far, redrawn in place on stderr. Never on a pipe or a file, where it would
 * be noise in a log, and never on stdout, which holds the report.
 */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

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
    private readonly words: { readonly done: string; readonly counted: string } = { done: 'checked', counted: 'finding' },
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
    const { done, counted } = this.words;
    this.stream.write(`\r\x1b[Knewsprint: ${this.done}/${this.total} files ${done}, ${this.counted} ${counted}${this.counted === 1 ? '' : 's'} so far`);
  }

  /** Clears the line, so the report that follows starts clean. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
