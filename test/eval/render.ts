/**
 * A page spec as page text, and its labels as offsets and lines of that
 * text: the truth the score compares the checker's reading with.
 */
import type { Span } from '../../server/src/model/page';
import type { CutKind, MarkerExpectation, PageSpec, Rendering } from './spec';
import { leadSourceLength } from './credits';

export interface TruthArticle {
  readonly id: string;
  readonly kind: 'article' | 'continuation';
  /** 0-based line of its first deck line. */
  readonly startLine: number;
  /** Its deck lines as rendered, and where they stand (0-based lines). */
  readonly deck: readonly string[];
  readonly deckLines: readonly number[];
  /** Lines where it starts and ends (inclusive). */
  readonly lines: { readonly first: number; readonly last: number };
  readonly namesAuthor: boolean;
  readonly sourceRemoved: boolean;
}

export interface TruthCut {
  readonly gap: Span;
  readonly beforeLine: number;
  readonly afterLine: number;
  readonly kind: CutKind;
  readonly blanks: number;
}

export interface TruthSpread {
  readonly line: number;
  readonly span: Span;
  /** Offsets of the planted spaces. */
  readonly spaces: readonly number[];
  readonly kind: 'characters' | 'words';
}

export interface TruthMarker {
  readonly span: Span;
  readonly line: number;
  readonly text: string;
  readonly expect: MarkerExpectation;
  readonly plant: string;
}

export interface PageTruth {
  readonly articles: readonly TruthArticle[];
  readonly cuts: readonly TruthCut[];
  readonly spreads: readonly TruthSpread[];
  readonly markers: readonly TruthMarker[];
  /** Offsets the rendering turned from full-width to ASCII, with the mark they were. */
  readonly halfwidth: ReadonlyMap<number, string>;
  /** Body lines that read as subheadings (short, open, inside an article), for the report. */
  readonly subheadings: readonly number[];
  /**
   * Short open lines right after a dispatch's or an interview's own closing
   * credit (（据新华社东湖电）, （本报记者 某某整理）) inside one corpus
   * article: the headline of the next brief in a column the corpus keeps as
   * one article. A reader of the page sees an article start there; the
   * corpus says none. The score counts a start read there apart.
   */
  readonly pieces: readonly number[];
}

export interface RenderedPage {
  readonly date: string;
  readonly page: number;
  readonly rendering: Rendering;
  readonly text: string;
  readonly truth: PageTruth;
}

const ASCII: Readonly<Record<string, string>> = { '，': ',', '；': ';', '：': ':', '（': '(', '）': ')' };
/** How a dispatch (…电) or an interview (…整理) closes itself: a credit in brackets naming the agency or the reporter. */
const PIECE_CREDIT = /^[(（][^()（）]*(?:电|整理|记者[^()（）]*)[)）]$/;
const OPEN_END = /[^。！？!?…”’」』）)：:；;，,、—]$/;

class Writer {
  private readonly lines: string[] = [];
  private offset = 0;
  readonly halfwidth = new Map<number, string>();

  constructor(
    private readonly eol: string,
    private readonly ascii: boolean,
  ) {}

  get line(): number {
    return this.lines.length;
  }

  /** Writes one line; returns the offset of its first character after `lead`. */
  write(text: string, lead = ''): number {
    let t = text;
    if (this.ascii) {
      let out = '';
      for (let i = 0; i < t.length; i++) {
        const a = ASCII[t[i]!];
        if (a) this.halfwidth.set(this.offset + lead.length + i, t[i]!);
        out += a ?? t[i]!;
      }
      t = out;
    }
    const at = this.offset + lead.length;
    this.lines.push(lead + t);
    this.offset += lead.length + t.length + this.eol.length;
    return at;
  }

  /** A line as written, after the rendering's changes. */
  at(line: number): string {
    return this.lines[line] ?? '';
  }

  blank(n = 1): void {
    for (let i = 0; i < n; i++) this.write('');
  }

  text(): string {
    return this.lines.join(this.eol) + this.eol;
  }
}

export function renderPage(spec: PageSpec, rendering: Rendering): RenderedPage {
  const pdf = rendering === 'pdf';
  const w = new Writer(pdf ? '\n' : '\r\n', pdf);
  const articles: TruthArticle[] = [];
  const cuts: TruthCut[] = [];
  const spreads: TruthSpread[] = [];
  const markers: TruthMarker[] = [];
  const subheadings: number[] = [];
  const pieces: number[] = [];
  spec.articles.forEach((a, ai) => {
    if (ai > 0 && !pdf) w.blank();
    const startLine = w.line;
    const deck: string[] = [];
    const deckLines: number[] = [];
    for (const d of a.deck) {
      const line = w.line;
      const at = w.write(d.text);
      deck.push(w.at(line));
      deckLines.push(line);
      if (d.spread) spreads.push({ line, span: { start: at, end: at + d.text.length }, spaces: d.spread.map((s) => at + s), kind: d.spreadKind ?? 'characters' });
      if (pdf) w.blank();
    }
    if (a.blankAfterDeck && !pdf) w.blank();
    const texts = a.paras.filter((p) => !p.blank && !p.marker);
    let above: (typeof texts)[number] | undefined;
    for (const p of a.paras) {
      if (p.blank) {
        if (!pdf) w.blank();
        continue;
      }
      const bounds = [0, ...p.cuts.map((c) => c.at), p.text.length];
      const starts: Array<{ line: number; offset: number; from: number }> = [];
      for (let k = 0; k + 1 < bounds.length; k++) {
        const line = w.line;
        const offset = w.write(p.text.slice(bounds[k], bounds[k + 1]), k === 0 ? p.indent : '');
        starts.push({ line, offset, from: bounds[k]! });
        const cut = p.cuts[k];
        if (cut) w.blank(cut.blanks);
        else if (pdf) w.blank();
      }
      const at = (i: number) => {
        let s = starts[0]!;
        for (const x of starts) if (x.from <= i) s = x;
        return { offset: s.offset + (i - s.from), line: s.line };
      };
      p.cuts.forEach((c, k) => {
        const before = starts[k]!;
        const after = starts[k + 1]!;
        cuts.push({ gap: { start: before.offset + (c.at - before.from), end: after.offset }, beforeLine: before.line, afterLine: after.line, kind: c.kind, blanks: c.blanks });
      });
      for (const m of p.markers) {
        const s = at(m.start);
        markers.push({ span: { start: s.offset, end: s.offset + (m.end - m.start) }, line: s.line, text: p.text.slice(m.start, m.end), expect: m.expect, plant: m.plant });
      }
      if (!p.marker && p.cuts.length === 0 && p !== texts[texts.length - 1] && p.text.length <= 30 && OPEN_END.test(p.text) && leadSourceLength(p.text) === 0) {
        subheadings.push(starts[0]!.line);
        if (above && PIECE_CREDIT.test(above.text)) pieces.push(starts[0]!.line);
      }
      if (!p.marker) above = p;
    }
    articles.push({
      id: a.id,
      kind: a.kind,
      startLine,
      deck,
      deckLines,
      lines: { first: startLine, last: w.line - 1 },
      namesAuthor: a.namesAuthor,
      sourceRemoved: a.sourceRemoved !== undefined,
    });
  });
  return { date: spec.date, page: spec.page, rendering, text: w.text(), truth: { articles, cuts, spreads, markers, halfwidth: w.halfwidth, subheadings, pieces } };
}
