/**
 * A page before it becomes text: its articles, each a deck and paragraphs,
 * with the damage planted into them recorded as labels. The renderings
 * (render.ts) turn a spec into page text and the labels into offsets.
 */
import type { SourceArticle } from './corpus';
import { namesAuthor } from './credits';

export type Rendering = 'epaper' | 'pdf';
export const RENDERINGS: readonly Rendering[] = ['epaper', 'pdf'];

export type CutKind = 'mid-word' | 'between-words';

/** A column break planted inside a paragraph: the text goes on `blanks` blank lines below. */
export interface CutSpec {
  /** Offset into the paragraph's text where the second part starts. */
  readonly at: number;
  readonly blanks: number;
  readonly kind: CutKind;
}

/** What a planted marker should make the checker say. */
export type MarkerExpectation = 'silent' | 'finding';

export interface MarkerSpec {
  /** Offset into the paragraph's text (a marker of its own is the whole paragraph). */
  readonly start: number;
  readonly end: number;
  readonly expect: MarkerExpectation;
  /** How it was planted: jump, mid-article, under-headline, backwards, dangling, arriving-inside. */
  readonly plant: string;
}

export interface ParaSpec {
  /** The paragraph's text, without indent. */
  text: string;
  /** Its indent as rendered (the e-paper's U+3000 U+3000; nothing in the PDF rendering). */
  readonly indent: string;
  /** A paragraph that is only a marker. */
  readonly marker: boolean;
  /** The e-paper's blank lines inside an article (after a ■ summary, say). */
  readonly blank: boolean;
  cuts: CutSpec[];
  markers: MarkerSpec[];
}

export interface DeckLineSpec {
  text: string;
  /** Offsets of the justification spaces planted into it. */
  spread?: number[];
  /** How it was spread: every character, or word by word. */
  spreadKind?: 'characters' | 'words';
}

export interface ArticleSpec {
  /** The source article's id; a continued part is `<id>#2`. */
  readonly id: string;
  readonly kind: 'article' | 'continuation';
  readonly deck: DeckLineSpec[];
  /** The main headline (主题), which a continued part repeats. */
  readonly main: string;
  /** A blank line between deck and body, as the e-paper sets it when there is no subhead. */
  readonly blankAfterDeck: boolean;
  paras: ParaSpec[];
  /** The corpus text names its author or source somewhere (else the scrape may have dropped it). */
  namesAuthor: boolean;
  /** The 电头 or byline line planted away, if any. */
  sourceRemoved?: string;
}

export interface PageSpec {
  readonly date: string;
  readonly page: number;
  articles: ArticleSpec[];
}

const INNER_SPACES = /[\u00a0\u3000 ]+/g;

function paragraph(text: string, indent: string): ParaSpec {
  return { text, indent, marker: false, blank: text === '', cuts: [], markers: [] };
}

/** The e-paper's article: deck lines and body lines as the file holds them. */
function epaperArticle(a: SourceArticle): ArticleSpec {
  const deck = [a.kicker, a.main, a.sub].filter((l) => l !== '').map((text) => ({ text }));
  const paras = a.body.map((line) => {
    const indent = /^[\u3000 \u00a0]*/.exec(line)![0];
    return paragraph(line.slice(indent.length), indent);
  });
  return { id: a.id, kind: 'article', deck, main: a.main, blankAfterDeck: a.sub === '', paras, namesAuthor: namesAuthor(paras.map((p) => p.text)) };
}

/**
 * The print-PDF extraction's article: no indents, no blank lines of layout,
 * runs of no-break and ideographic spaces read as one space, and deck lines sometimes joined on one line by a space.
 */
function pdfArticle(a: SourceArticle, joinDeck: boolean): ArticleSpec {
  const lines = [a.kicker, a.main, a.sub].filter((l) => l !== '');
  // The kicker joins the main headline, or, with no kicker, the subhead joins it.
  if (joinDeck && lines.length >= 2) lines.splice(0, 2, `${lines[0]} ${lines[1]}`);
  const paras = a.body.filter((line) => line !== '').map((line) => paragraph(line.replace(INNER_SPACES, ' ').trim(), ''));
  return {
    id: a.id,
    kind: 'article',
    deck: lines.map((text) => ({ text })),
    main: a.main.replace(INNER_SPACES, ' ').trim(),
    blankAfterDeck: false,
    paras,
    namesAuthor: namesAuthor(paras.map((p) => p.text)),
  };
}

export function pageSpec(rendering: Rendering, date: string, page: number, articles: readonly SourceArticle[], joinDeck: (a: SourceArticle) => boolean): PageSpec {
  return { date, page, articles: articles.map((a) => (rendering === 'epaper' ? epaperArticle(a) : pdfArticle(a, joinDeck(a)))) };
}
