/**
 * The non-blank lines of a page, each classified on its own (page line,
 * furniture, byline, credit, marker…) with the cues the reader weighs, and
 * where it stands: its indent and the blank lines above it. A line's class
 * depends on its text alone, so an edit re-classifies only the lines it
 * touched (LineCache).
 */
import { trimEnd, trimStart } from '../text/chars';
import { detach } from '../text/detach';
import type { Line } from '../text/lines';
import type { PageRef } from '../text/numerals';
import { conventionsFor, endsWithPointer, findMarkers, isFormulaLine, isImageLine, matchPageLine, type Conventions, type MarkerMatch, type SourceMatch } from './conventions';
import { lineCues } from './features';
import { shapeOf, type Shape } from './lineFeatures';
import type { Span } from './page';

export type UnitKind = 'page-line' | 'furniture' | 'byline' | 'commentator' | 'credit' | 'end-credit' | 'marker' | 'image' | 'formula' | 'text';

/** What a line is on its own, before its neighbours are considered. */
export interface LineClass {
  readonly kind: UnitKind;
  readonly pageRef?: PageRef;
  readonly source?: SourceMatch;
  readonly markers: readonly MarkerMatch[];
  /** A teaser line: ends in a page pointer (2-6版), or heads a teaser box. */
  readonly pointer: boolean;
  readonly shape: Shape;
  /** A column tag closing the line, such as 人民时评 of （人民时评）. */
  readonly tag?: string;
  /** The cues of the line itself, as the reader's feature names. */
  readonly cues: readonly string[];
}

/** One non-blank physical line where it stands (markers' offsets are relative to span.start). */
export interface Unit extends LineClass {
  readonly line: Line;
  readonly span: Span;
  readonly text: string;
  /** Set in from the margin (U+3000 or spaces), as e-paper paragraphs are. */
  readonly indented: boolean;
  /** Blank lines between this line and the one above. */
  readonly blanksBefore: number;
}

function classOf(
  kind: UnitKind,
  text: string,
  markers: MarkerMatch[],
  shape: Shape,
  c: Conventions,
  extra: { pageRef?: PageRef; source?: SourceMatch; pointer?: boolean } = {},
): LineClass {
  const tag = kind === 'text' ? c.columnTag(text) : undefined;
  const cls = {
    kind,
    markers,
    pointer: extra.pointer ?? false,
    shape,
    ...(extra.pageRef ? { pageRef: extra.pageRef } : {}),
    ...(extra.source ? { source: extra.source } : {}),
    ...(tag ? { tag } : {}),
  };
  return { ...cls, cues: lineCues(text, cls, c) };
}

/** A line without the onward marker that ends it: a credit or byline may carry its article's marker, 勾 犇图 羽 生文（下转第十七版）. */
export function withoutOnwardTail(text: string, markers: readonly MarkerMatch[]): string {
  const last = markers[markers.length - 1];
  return last && last.end === text.length && last.direction === 'onward' ? text.slice(0, last.start).trimEnd() : text;
}

export function classify(text: string, c: Conventions): LineClass {
  // Only a bracket can open a marker: most lines skip the marker pattern.
  const markers = text.indexOf('(') >= 0 || text.indexOf('（') >= 0 ? findMarkers(text) : [];
  const shape = shapeOf(text, c);
  // Page lines, furniture, credits and bylines are short; running text skips their patterns.
  if (text.length <= 80) {
    const pageRef = matchPageLine(text);
    if (pageRef) return classOf('page-line', text, markers, shape, c, { pageRef });
    if (c.isFurniture(text)) return classOf('furniture', text, markers, shape, c);
    if (markers.length === 1 && markers[0]!.start === 0 && markers[0]!.end === text.length) return classOf('marker', text, markers, shape, c);
    const bare = withoutOnwardTail(text, markers);
    if (c.isCreditLine(bare)) return classOf('credit', text, markers, shape, c);
    if (c.isCommentatorLine(bare)) return classOf('commentator', text, markers, shape, c);
    if (c.isBylineLine(bare)) return classOf('byline', text, markers, shape, c);
    if (c.matchEndCredit(bare) === 0 || c.isAuthorNote(bare) || c.isNameCredit(bare)) return classOf('end-credit', text, markers, shape, c);
  }
  if (isImageLine(text)) return classOf('image', text, markers, shape, c);
  if (text.length <= 2000 && isFormulaLine(text)) return classOf('formula', text, markers, shape, c);
  const source = c.matchSourceLine(text);
  const pointer = !source && (endsWithPointer(text) || c.isTeaserHeading(text));
  return classOf('text', text, markers, shape, c, { ...(source ? { source } : {}), pointer });
}

/** A bounded map of line classifications, shared across analyses of the same or similar texts. */
export class LineCache {
  private readonly map = new Map<string, LineClass>();

  constructor(
    readonly conventions: Conventions = conventionsFor(),
    private readonly capacity = 100_000,
  ) {}

  get(text: string): LineClass {
    let c = this.map.get(text);
    if (c === undefined) {
      // Key and classification are made from a copy: a slice would keep alive the document version it was cut from.
      const own = detach(text);
      c = classify(own, this.conventions);
      // Dropping everything at once is crude but cheap, and a cache refills in one analysis.
      if (this.map.size >= this.capacity) this.map.clear();
      this.map.set(own, c);
    }
    return c;
  }
}

export function readUnits(text: string, lines: readonly Line[], c: Conventions, cache: LineCache | undefined): Unit[] {
  const units: Unit[] = [];
  let blanks = 0;
  for (const line of lines) {
    const start = trimStart(text, line.start, line.end);
    const end = trimEnd(text, start, line.end);
    if (start === end) {
      if (units.length > 0) blanks++;
      continue;
    }
    const t = text.slice(start, end);
    const cls = cache ? cache.get(t) : classify(t, c);
    units.push({ ...cls, line, span: { start, end }, text: t, indented: start > line.start, blanksBefore: blanks });
    blanks = 0;
  }
  return units;
}
