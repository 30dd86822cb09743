/**
 * The page model: what a page of raw newspaper text holds, with exact
 * ranges. Everything downstream (rules, outline, folding, links) reads this
 * tree and never the raw lines again.
 */
import type { MarkerDirection, SourceMatch } from './conventions';
import type { PageRef } from '../text/numerals';
import type { Line } from '../text/lines';

/** A half-open range of UTF-16 offsets into the document text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A reading the page model chose, and how sure it is (see model/decoder.ts). */
export interface Decision {
  /** How much better this reading scores than the best reading without it: the higher, the surer. */
  readonly margin: number;
  /** The cues that weighed most for it, strongest first (feature names; model/features.ts says them in words). */
  readonly cues: readonly string[];
}

/** Why two lines were read as one paragraph cut by layout. */
export interface JoinEvidence extends Decision {
  /** The word segmentation finds across the break, and how many of its characters stand before it. */
  readonly word?: { readonly word: string; readonly split: number };
}

/** A cut: the line break and blank lines between two parts of one paragraph. */
export interface Join {
  /** From the end of the first part's text to the start of the second part's text. */
  readonly gap: Span;
  /** Figures standing in the gap (an image line, its caption, a formula): the text goes on below them. */
  readonly across?: readonly Span[];
  /** Line numbers (0-based) of the two parts. */
  readonly beforeLine: number;
  readonly afterLine: number;
  readonly evidence: JoinEvidence;
}

export type ElementKind = 'headline' | 'byline' | 'paragraph' | 'subheading' | 'caption' | 'credit' | 'marker' | 'end-credit' | 'teaser-line' | 'furniture' | 'figure';

/** The elements that hold an article's own text: what a marker must stand after or before. */
export const TEXT_KINDS: ReadonlySet<ElementKind> = new Set(['paragraph', 'subheading', 'caption']);

/** A paragraph-level piece of a block: one or more physical lines read as one unit. */
export interface Element {
  kind: ElementKind;
  /** From the first character of its first line to the last of its last line, spaces trimmed. */
  readonly span: Span;
  /** The physical lines it was read from (trimmed spans), in order. */
  readonly parts: readonly Span[];
  /** Cuts between its parts. */
  readonly joins: readonly Join[];
  /** Its text, parts joined without the line breaks between them. */
  readonly text: string;
  /**
   * The cut between it and the paragraph above that the reader came close to
   * taking but did not: its margin is how far a new paragraph won (negative).
   */
  readonly possibleJoin?: Join;
}

export interface Marker {
  readonly span: Span;
  readonly direction: MarkerDirection;
  readonly page: PageRef;
  readonly text: string;
  /** True when the marker is a paragraph of its own, false when glued to a sentence. */
  readonly standalone: boolean;
}

export type SourcePlacement = 'lead' | 'own-line' | 'end';

export interface Source {
  readonly span: Span;
  readonly text: string;
  readonly placement: SourcePlacement;
  readonly match?: SourceMatch;
}

export type BlockKind = 'article' | 'continuation' | 'commentary' | 'photo' | 'teaser' | 'furniture';

export interface Block {
  kind: BlockKind;
  span: Span;
  /** Headline deck lines (引题, 主题, 副题) in order; empty for furniture and headless items. */
  readonly headline: Element[];
  /** Everything under the headline, in order. */
  readonly body: Element[];
  source?: Source;
  readonly markers: Marker[];
  /** Why the block starts where it does, when the reader chose it (not for furniture or teaser boxes). */
  start?: Decision;
}

export interface Page {
  readonly span: Span;
  /** The page as named by its page line, or by the caller (file name) when there is none. */
  readonly ref?: PageRef;
  /** The page line itself, in a one-file issue. */
  readonly pageLine?: Span;
  readonly blocks: Block[];
  /**
   * Runs of lines that read as two columns taken line by line (OCR reading
   * order gone wrong): each line goes on two lines further down, not on the
   * next. No cut is joined inside them.
   */
  readonly interleaved?: ReadonlyArray<{ readonly span: Span; readonly firstLine: number; readonly lastLine: number }>;
}

export interface PageModel {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly pages: Page[];
  /** The paper's name, from a masthead or a source line such as 长江日报讯. */
  readonly paperName?: string;
  /** Where the name came from, so the pages of one file read apart can agree on it (see pagedAnalysis.ts). */
  readonly names: { readonly masthead?: string; readonly outlet?: string };
  /** False when segmentation was unavailable, so word evidence was not used. */
  readonly segmented: boolean;
}

/** The document offset of character `index` of an element's joined text. */
export function elementOffset(el: Element, index: number): number {
  let rest = index;
  for (const part of el.parts) {
    const len = part.end - part.start;
    if (rest < len) return part.start + rest;
    rest -= len;
  }
  const last = el.parts[el.parts.length - 1]!;
  return last.end + rest;
}
