/**
 * Reads raw page text into the page model: lines → units → paragraphs
 * (joining the parts of a paragraph cut by layout) → pages → blocks.
 */
import { trimEnd, trimStart } from '../text/chars';
import { detach } from '../text/detach';
import { splitLines, type Line } from '../text/lines';
import type { PageRef } from '../text/numerals';
import { noSegmenter, straddlingWord, type Segmenter } from '../segment/segmenter';
import {
  endsWithPointer,
  findMarkers,
  isBylineLine,
  isCommentatorLine,
  isCreditLine,
  isEditorsNote,
  isFurniture,
  isOpinionKicker,
  isTeaserHeading,
  mastheadName,
  matchEndCredit,
  matchPageLine,
  matchSourceLine,
  type MarkerMatch,
  type SourceMatch,
} from './conventions';
import { boundHead, hanHead, hanTail, punctuationHead, shapeOf, trackBrackets, type Shape } from './lineFeatures';
import type { Block, Element, Join, JoinEvidence, Marker, Page, PageModel, Span } from './page';

export interface ReadOptions {
  readonly segmenter?: Segmenter;
  /** The page this text is, when the file name says so and no page line does. */
  readonly pageRef?: PageRef;
  /**
   * Classifications of lines seen before, keyed by their trimmed text. A line
   * is classified on its own, so an edit re-classifies only the lines it touched.
   */
  readonly lineCache?: LineCache;
}

/** What a line is on its own, before its neighbours are considered. */
interface LineClass {
  readonly kind: UnitKind;
  readonly pageRef?: PageRef | undefined;
  readonly source?: SourceMatch | undefined;
  readonly markers: MarkerMatch[];
  readonly pointer: boolean;
  readonly shape: Shape;
}

/** A bounded map of line classifications, shared across analyses of the same or similar texts. */
export class LineCache {
  private readonly map = new Map<string, LineClass>();

  constructor(private readonly capacity = 100_000) {}

  get(text: string): LineClass {
    let c = this.map.get(text);
    if (c === undefined) {
      // Key and classification are made from a copy: a slice would keep alive the document version it was cut from.
      const own = detach(text);
      c = classify(own);
      // Dropping everything at once is crude but cheap, and a cache refills in one analysis.
      if (this.map.size >= this.capacity) this.map.clear();
      this.map.set(own, c);
    }
    return c;
  }
}

type UnitKind = 'page-line' | 'furniture' | 'byline' | 'commentator' | 'credit' | 'end-credit' | 'marker' | 'text';

/** One non-blank physical line, classified on its own (markers' offsets are relative to span.start). */
interface Unit extends LineClass {
  readonly line: Line;
  readonly span: Span;
  readonly text: string;
}

/** A paragraph: one unit, or several joined across cuts. */
interface Para {
  readonly units: Unit[];
  readonly joins: Join[];
  readonly kind: UnitKind;
  readonly text: string;
  readonly span: Span;
  readonly shape: Shape;
  teaser: boolean;
}

function lineClass(kind: UnitKind, markers: MarkerMatch[], shape: Shape, pageRef?: PageRef, source?: SourceMatch, pointer = false): LineClass {
  return { kind, pageRef, source, markers, pointer, shape };
}

function classify(text: string): LineClass {
  // Only a bracket can open a marker: most lines skip the marker pattern.
  const markers = text.indexOf('(') >= 0 || text.indexOf('（') >= 0 ? findMarkers(text) : [];
  const shape = shapeOf(text);
  // Page lines, furniture, credits and bylines are short; running text skips their patterns.
  if (text.length <= 80) {
    const pageRef = matchPageLine(text);
    if (pageRef) return lineClass('page-line', markers, shape, pageRef);
    if (isFurniture(text)) return lineClass('furniture', markers, shape);
    if (markers.length === 1 && markers[0]!.start === 0 && markers[0]!.end === text.length) return lineClass('marker', markers, shape);
    if (isCreditLine(text)) return lineClass('credit', markers, shape);
    if (isCommentatorLine(text)) return lineClass('commentator', markers, shape);
    if (isBylineLine(text)) return lineClass('byline', markers, shape);
    if (matchEndCredit(text) === 0) return lineClass('end-credit', markers, shape);
  }
  const source = matchSourceLine(text);
  const pointer = !source && (endsWithPointer(text) || isTeaserHeading(text));
  return lineClass('text', markers, shape, undefined, source, pointer);
}

function readUnits(text: string, lines: readonly Line[], cache: LineCache | undefined): Unit[] {
  const units: Unit[] = [];
  for (const line of lines) {
    const start = trimStart(text, line.start, line.end);
    const end = trimEnd(text, start, line.end);
    if (start === end) continue;
    const t = text.slice(start, end);
    const c = cache ? cache.get(t) : classify(t);
    units.push({ line, span: { start, end }, text: t, kind: c.kind, pageRef: c.pageRef, source: c.source, markers: c.markers, pointer: c.pointer, shape: c.shape });
  }
  return units;
}

function arrivingLead(u: Unit): boolean {
  const m = u.markers[0];
  return m !== undefined && m.start === 0 && m.direction === 'arriving';
}

function isAnchor(u: Unit): boolean {
  return u.kind === 'byline' || u.kind === 'commentator' || u.source !== undefined || arrivingLead(u);
}

function endsArticle(u: Unit): boolean {
  const last = u.markers[u.markers.length - 1];
  if (last && last.direction === 'onward' && last.end === u.text.length) return true;
  return u.kind === 'end-credit' || (u.kind === 'text' && matchEndCredit(u.text) !== undefined);
}

/** Units from `i` that are headline-like and lead to an anchor within a deck's reach. */
function deckBeforeAnchor(units: readonly Unit[], i: number): number | undefined {
  for (let j = i; j < units.length && j - i <= 4; j++) {
    const u = units[j]!;
    if (isAnchor(u)) return j;
    if (u.kind !== 'text' || !u.shape.headlineLike || u.pointer) return undefined;
  }
  return undefined;
}

/**
 * Marks teaser boxes: short lines ending in a page pointer (2-6版), with the
 * short lines above them back to the last running text.
 */
function markTeasers(units: readonly Unit[]): Set<number> {
  const teaser = new Set<number>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (!u.pointer || u.kind !== 'text' || !u.shape.headlineLike) continue;
    teaser.add(i);
    for (let k = i - 1; k >= 0 && !teaser.has(k); k--) {
      const p = units[k]!;
      if (p.kind !== 'text' || !p.shape.headlineLike || isAnchor(p) || endsArticle(p)) break;
      // A headline deck whose article follows is not part of the box above it.
      if (deckBeforeAnchor(units, k) !== undefined) break;
      teaser.add(k);
    }
  }
  return teaser;
}

function straddle(segmenter: Segmenter, a: string, b: string) {
  const tail = hanTail(a);
  const head = hanHead(b);
  return straddlingWord(segmenter, tail, head);
}

/**
 * Whether unit `b` continues the paragraph that ends with unit `a`, and on
 * what evidence. `paraBody` says whether the paragraph so far is running text.
 */
function continuation(
  units: readonly Unit[],
  ib: number,
  openBracket: () => string | undefined,
  paraBody: boolean,
  teaser: ReadonlySet<number>,
  segmenter: Segmenter,
): JoinEvidence | undefined {
  const a = units[ib - 1]!;
  const b = units[ib]!;
  if (a.kind !== 'text' || b.kind !== 'text') return undefined;
  if (teaser.has(ib - 1) || teaser.has(ib)) return undefined;
  if (isAnchor(b) || endsArticle(a) || a.shape.closed) return undefined;
  const next = units[ib + 1];
  // The line above a credit is a caption, and a deck over a source line is a headline.
  if (next && next.kind === 'credit') return undefined;
  const punctuation = punctuationHead(b.text);
  if (punctuation) return { kind: 'punctuation', head: punctuation };
  const bHeadline = b.shape.headlineLike;
  if (bHeadline && deckBeforeAnchor(units, ib) !== undefined) return undefined;
  const bBody = b.shape.bodyLike || !bHeadline;

  const word = straddle(segmenter, a.text, b.text);
  if (word && bBody && !/^[“‘「『《（(【]/.test(b.text)) return { kind: 'word', word: word.word, split: word.split };
  const open = bBody ? openBracket() : undefined;
  if (open) return { kind: 'open-bracket', bracket: open };
  if (!paraBody) return undefined;
  const head = boundHead(b.text);
  if (head) return { kind: 'particle', head };
  if (!bHeadline) return { kind: 'unclosed-body' };
  return undefined;
}

function joinParagraphs(units: readonly Unit[], teaser: ReadonlySet<number>, segmenter: Segmenter): Para[] {
  const paras: Para[] = [];
  let i = 0;
  while (i < units.length) {
    const first = units[i]!;
    const group = [first];
    const joins: Join[] = [];
    let paraText = first.text;
    let paraBody = first.kind === 'text' && (first.source !== undefined || first.shape.bodyLike);
    // Brackets are tracked only when a join needs them, and only over units not yet seen.
    const brackets: string[] = [];
    let tracked = i;
    const openBracket = () => {
      for (; tracked < j; tracked++) trackBrackets(brackets, units[tracked]!.text);
      return brackets[brackets.length - 1];
    };
    let j = i + 1;
    while (j < units.length) {
      const evidence = continuation(units, j, openBracket, paraBody, teaser, segmenter);
      if (!evidence) break;
      const a = units[j - 1]!;
      const b = units[j]!;
      joins.push({ gap: { start: a.span.end, end: b.span.start }, beforeLine: a.line.index, afterLine: b.line.index, evidence });
      group.push(b);
      paraText += b.text;
      paraBody = paraBody || b.shape.bodyLike || b.shape.closed;
      j++;
    }
    const span = { start: first.span.start, end: group[group.length - 1]!.span.end };
    const shape = group.length === 1 ? first.shape : shapeOf(paraText);
    paras.push({ units: group, joins, kind: first.kind, text: paraText, span, shape, teaser: teaser.has(i) });
    i = j;
  }
  return paras;
}

function element(kind: Element['kind'], p: Para): Element {
  return { kind, span: p.span, parts: p.units.map((u) => u.span), joins: p.joins, text: p.text };
}

function markersOf(p: Para): Marker[] {
  const out: Marker[] = [];
  const standalone = p.kind === 'marker';
  for (const u of p.units) {
    for (const m of u.markers) {
      out.push({
        span: { start: u.span.start + m.start, end: u.span.start + m.end },
        direction: m.direction,
        page: m.page,
        text: m.text,
        standalone,
      });
    }
  }
  return out;
}

const isHeadlinePara = (p: Para | undefined): boolean =>
  p !== undefined && p.kind === 'text' && !p.teaser && p.units[0]!.source === undefined && !arrivingLead(p.units[0]!) && p.shape.headlineLike;

/** Running text of the current article: not a headline, teaser, anchor or furniture. */
const isBodyPara = (p: Para | undefined): boolean => p !== undefined && p.kind === 'text' && !p.teaser && !isAnchor(p.units[0]!) && !isHeadlinePara(p);

const isOnwardMarkerPara = (p: Para | undefined): boolean => p !== undefined && p.kind === 'marker' && p.units[0]!.markers[0]!.direction === 'onward';

/** Paragraph-level version of deckBeforeAnchor. */
function paraDeck(paras: readonly Para[], i: number): number | undefined {
  for (let j = i; j < paras.length && j - i <= 4; j++) {
    const p = paras[j]!;
    if (p.teaser) return undefined;
    if (isAnchor(p.units[0]!)) return j;
    if (!isHeadlinePara(p)) return undefined;
  }
  return undefined;
}

class BlockBuilder {
  readonly blocks: Block[] = [];
  private cur: Block | undefined;
  private closed = false;

  flush(): void {
    const b = this.cur;
    this.cur = undefined;
    this.closed = false;
    if (!b) return;
    const all = [...b.headline, ...b.body];
    if (all.length === 0) return;
    b.span = { start: all[0]!.span.start, end: all[all.length - 1]!.span.end };
    if (b.kind === 'article') {
      const content = b.body.filter((e) => e.kind !== 'marker');
      if (content.length > 0 && content.every((e) => e.kind === 'caption' || e.kind === 'credit')) b.kind = 'photo';
      else if (b.headline.some((h) => isOpinionKicker(h.text)) || (content[0] && isEditorsNote(content[0].text))) b.kind = 'commentary';
    }
    this.blocks.push(b);
  }

  open(kind: Block['kind']): Block {
    this.flush();
    this.cur = { kind, span: { start: 0, end: 0 }, headline: [], body: [], markers: [] };
    return this.cur;
  }

  current(): Block | undefined {
    return this.cur;
  }

  isClosed(): boolean {
    return this.closed;
  }

  /** Adds a body paragraph, noting markers and end credits that close the article. */
  addBody(kind: Element['kind'], p: Para): void {
    const b = this.cur ?? this.open('article');
    const el = element(kind, p);
    b.body.push(el);
    const markers = markersOf(p);
    for (const m of markers) b.markers.push(m);
    const last = markers[markers.length - 1];
    if (last && last.direction === 'onward' && last.span.end === p.span.end) this.closed = true;
    const u = p.units[p.units.length - 1]!;
    const credit = p.kind === 'end-credit' ? 0 : p.kind === 'text' ? matchEndCredit(u.text) : undefined;
    if (credit !== undefined) {
      b.source ??= { span: { start: u.span.start + credit, end: u.span.end }, text: u.text.slice(credit), placement: 'end' };
      this.closed = true;
    }
  }
}

function buildBlocks(paras: readonly Para[]): Block[] {
  const bb = new BlockBuilder();
  let furniture: Block | undefined;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    if (p.kind === 'furniture') {
      if (!furniture || bb.current() !== furniture) furniture = bb.open('furniture');
      furniture.body.push(element('furniture', p));
      continue;
    }
    if (p.teaser) {
      const b = bb.current()?.kind === 'teaser' ? bb.current()! : bb.open('teaser');
      b.body.push(element('teaser-line', p));
      continue;
    }
    const anchor = paraDeck(paras, i);
    if (anchor !== undefined) {
      const b = bb.open('article');
      for (let k = i; k < anchor; k++) b.headline.push(element('headline', paras[k]!));
      const a = paras[anchor]!;
      const au = a.units[0]!;
      if (a.kind === 'byline' || a.kind === 'commentator') {
        b.body.push(element('byline', a));
        b.source = { span: a.span, text: a.text, placement: 'own-line' };
        if (a.kind === 'commentator') b.kind = 'commentary';
      } else if (arrivingLead(au)) {
        b.kind = 'continuation';
        bb.addBody(a.kind === 'marker' ? 'marker' : 'paragraph', a);
      } else {
        bb.addBody('paragraph', a);
        const m = au.source!;
        b.source = { span: { start: au.span.start, end: au.span.start + m.length }, text: au.text.slice(0, m.length), placement: 'lead', match: m };
      }
      i = anchor;
      continue;
    }
    const cur = bb.current();
    const headline = isHeadlinePara(p) && paras[i + 1]?.kind !== 'credit';
    if (!cur || cur.kind === 'furniture' || cur.kind === 'teaser' || (bb.isClosed() && headline)) {
      // A block without a source line: its headline is the short lines it starts with.
      const b = bb.open('article');
      let k = i;
      while (k < paras.length && k - i < 4 && isHeadlinePara(paras[k]) && paras[k + 1]?.kind !== 'credit') {
        b.headline.push(element('headline', paras[k]!));
        k++;
      }
      i = k - 1;
      continue;
    }
    switch (p.kind) {
      case 'credit': {
        const last = cur.body[cur.body.length - 1];
        if (last && (last.kind === 'paragraph' || last.kind === 'subheading')) last.kind = 'caption';
        cur.body.push(element('credit', p));
        break;
      }
      case 'marker':
        bb.addBody('marker', p);
        break;
      case 'end-credit':
        bb.addBody('end-credit', p);
        break;
      case 'byline':
      case 'commentator':
        cur.body.push(element('byline', p));
        cur.source ??= { span: p.span, text: p.text, placement: 'own-line' };
        break;
      default: {
        if (headline) {
          const next = paras[i + 1];
          if (isOnwardMarkerPara(next)) {
            // A subheading is never followed by a marker: this is a headline whose article is missing.
            bb.open('article').headline.push(element('headline', p));
          } else if (paras[i + 2]?.kind === 'credit' && !isBodyPara(paras[i + 3])) {
            // A short line over a captioned photo that the article does not continue after: a photo item.
            bb.open('article').headline.push(element('headline', p));
          } else if (isHeadlinePara(next) && !isHeadlinePara(paras[i + 2]) && paras[i + 2] !== undefined && cur.body.length > 0) {
            // Two short lines between paragraphs are the deck of a new article; one is a subheading.
            const b = bb.open('article');
            b.headline.push(element('headline', p), element('headline', next!));
            i++;
          } else {
            cur.body.push(element('subheading', p));
          }
        } else if (bb.isClosed() && paras[i + 1]?.kind === 'credit') {
          // A captioned photo after an article that has ended stands on its own.
          bb.open('article');
          bb.addBody('paragraph', p);
        } else {
          bb.addBody('paragraph', p);
        }
      }
    }
  }
  bb.flush();
  return bb.blocks;
}

/** The first masthead, and the first outlet of a source line that is not a wire agency. */
function paperNames(units: readonly Unit[]): { masthead?: string; outlet?: string } {
  let masthead: string | undefined;
  let outlet: string | undefined;
  for (const u of units) {
    if (!masthead && u.kind === 'furniture') masthead = mastheadName(u.text);
    if (!outlet && u.source && u.source.outlet.length > 2 && !/^(新华社|中新社|中通社)$/.test(u.source.outlet)) outlet = u.source.outlet;
    if (masthead) break;
  }
  return { ...(masthead ? { masthead } : {}), ...(outlet ? { outlet } : {}) };
}

export function readPage(text: string, options: ReadOptions = {}): PageModel {
  const segmenter = options.segmenter ?? noSegmenter;
  const lines = splitLines(text);
  const units = readUnits(text, lines, options.lineCache);
  const teaser = markTeasers(units);
  const paras = joinParagraphs(units, teaser, segmenter);

  const names = paperNames(units);
  const paperName = names.masthead ?? names.outlet;

  const pages: Page[] = [];
  let start = 0;
  let pageParas: Para[] = [];
  let ref = options.pageRef;
  let pageLine: Span | undefined;
  const flushPage = (end: number) => {
    if (pageParas.length === 0 && pageLine === undefined && pages.length > 0) return;
    pages.push({ span: { start, end }, ...(ref ? { ref } : {}), ...(pageLine ? { pageLine } : {}), blocks: buildBlocks(pageParas) });
  };
  for (const p of paras) {
    if (p.kind === 'page-line') {
      // Masthead and date line above the first page line belong to that page.
      const onlyFurniture = pageLine === undefined && pageParas.every((q) => q.kind === 'furniture');
      if (!onlyFurniture) {
        flushPage(p.span.start);
        start = p.span.start;
        pageParas = [];
      }
      ref = p.units[0]!.pageRef;
      pageLine = p.span;
      continue;
    }
    pageParas.push(p);
  }
  flushPage(text.length);
  return { text, lines, pages, ...(paperName ? { paperName } : {}), names, segmented: segmenter !== noSegmenter };
}
