/**
 * Reads raw page text into the page model: lines → units (classified on
 * their own) → pages (at page lines) → the reader's best reading of each
 * page (which lines are deck lines, new paragraphs or the rest of a paragraph
 * cut by layout, weighed in decoder.ts) → paragraphs → blocks.
 */
import { splitLines } from '../text/lines';
import type { PageRef } from '../text/numerals';
import { noSegmenter, straddlingWord, type Segmenter } from '../segment/segmenter';
import { conventionsFor, type Conventions } from './conventions';
import { Decoder, margin, rival, strongestCues, type Reading, type State } from './decoder';
import { closesArticle, pageLayout, positionFeatures } from './features';
import { hanHead, hanTail, shapeOf, type Shape } from './lineFeatures';
import { elementOffset, type Block, type Decision, type Element, type Join, type Marker, type Page, type PageModel, type Span } from './page';
import { DEFAULT_PROFILE, type PaperProfile } from './profile';
import { readUnits, withoutOnwardTail, type LineCache, type Unit, type UnitKind } from './units';

export { LineCache } from './units';

export interface ReadOptions {
  readonly segmenter?: Segmenter;
  /** The page this text is, when the file name says so and no page line does. */
  readonly pageRef?: PageRef;
  /**
   * Classifications of lines seen before, keyed by their trimmed text. A line
   * is classified on its own, so an edit re-classifies only the lines it
   * touched. Used only when built for the same profile.
   */
  readonly lineCache?: LineCache;
  readonly profile?: PaperProfile;
}

/** A paragraph: one unit, or several joined across cuts. */
interface Para {
  readonly units: Unit[];
  readonly joins: Join[];
  readonly state: State;
  readonly kind: UnitKind;
  readonly text: string;
  readonly span: Span;
  readonly shape: Shape;
  /** Why the reader started an article here (deck lines and headless starts). */
  readonly decision?: Decision;
  /** A cut above it that the reader came close to taking: it read a new paragraph, barely. */
  readonly possibleJoin?: Join;
}

const decoders = new WeakMap<PaperProfile, Decoder>();

function decoderFor(profile: PaperProfile): Decoder {
  let d = decoders.get(profile);
  if (!d) decoders.set(profile, (d = new Decoder(profile.weights)));
  return d;
}

function arrivingLead(u: Unit): boolean {
  const m = u.markers[0];
  return m !== undefined && m.start === 0 && m.direction === 'arriving';
}

function isAnchor(u: Unit): boolean {
  return u.kind === 'byline' || u.kind === 'commentator' || u.source !== undefined || arrivingLead(u);
}

/** Units from `i` that are headline-like and lead to an anchor within a deck's reach. */
function deckBeforeAnchor(units: readonly Unit[], i: number): boolean {
  for (let j = i; j < units.length && j - i <= 4; j++) {
    const u = units[j]!;
    if (isAnchor(u)) return true;
    if (u.kind !== 'text' || !u.shape.headlineLike || u.pointer) return false;
  }
  return false;
}

/**
 * Teaser boxes: short lines ending in a page pointer (2-6版), with the short
 * lines above them back to the last running text. They are marked before the
 * reading, as a box is recognised by its pointers, not by its neighbours.
 */
function markTeasers(units: readonly Unit[]): Set<number> {
  const teaser = new Set<number>();
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (!u.pointer || u.kind !== 'text' || !u.shape.headlineLike) continue;
    teaser.add(i);
    for (let k = i - 1; k >= 0 && !teaser.has(k); k--) {
      const p = units[k]!;
      if (p.kind !== 'text' || !p.shape.headlineLike || isAnchor(p) || closesArticle(p)) break;
      // A headline deck whose article follows is not part of the box above it.
      if (deckBeforeAnchor(units, k)) break;
      teaser.add(k);
    }
  }
  return teaser;
}

const DECK: readonly State[] = ['H1', 'H2', 'H3', 'H4'];

/** The states each unit may take: the grammar's part of the reading, before any cue is weighed. */
function allowedStates(units: readonly Unit[], teaser: ReadonlySet<number>, noJoin: ReadonlySet<number>): State[][] {
  return units.map((u, i) => {
    if (u.kind === 'page-line' || u.kind === 'furniture') return ['F'];
    if (teaser.has(i)) return ['T'];
    if (u.kind !== 'text') return ['B'];
    const prev = units[i - 1];
    const canContinue = prev !== undefined && prev.kind === 'text' && !teaser.has(i - 1) && !noJoin.has(i) && u.source === undefined && !arrivingLead(u);
    const canHead = u.source === undefined && !arrivingLead(u);
    return [...(canHead ? DECK : []), 'B', ...(canContinue ? (['C'] as const) : [])];
  });
}

export interface PageInputs {
  readonly units: readonly Unit[];
  readonly features: readonly (readonly string[])[];
  readonly allowed: readonly (readonly State[])[];
}

export interface PageReading extends PageInputs {
  readonly reading: Reading;
}

/**
 * What the reader weighs on one page: each unit's cues and the states the
 * grammar allows it (`noJoin`: units that may not continue the one above).
 * The trainer fits weights on these.
 */
export function pageInputs(units: readonly Unit[], segmenter: Segmenter, noJoin: ReadonlySet<number> = new Set()): PageInputs {
  const teaser = markTeasers(units);
  const layout = pageLayout(units);
  const features = units.map((_, i) => positionFeatures(units, i, layout, segmenter));
  return { units, features, allowed: allowedStates(units, teaser, noJoin) };
}

/**
 * Figures that stand in the text's flow without being part of it: image and
 * formula lines from a PDF extractor, and the short caption right under an
 * image. The reader reads around them, so a cut whose halves a figure
 * separates is still found, and joined to its own other half.
 */
function floatsOf(units: readonly Unit[]): Set<number> {
  const out = new Set<number>();
  units.forEach((u, i) => {
    if (u.kind !== 'image' && u.kind !== 'formula') return;
    out.add(i);
    const next = units[i + 1];
    if (
      u.kind === 'image' &&
      next &&
      next.kind === 'text' &&
      next.text.length <= 60 &&
      (/^(?:图|表|Fig\.?|Figure|Table)\s?[0-9０-９一二三四五六七八九十]/i.test(next.text) || !next.shape.bodyLike)
    )
      out.add(i + 1);
  });
  return out;
}

/** The shortest run of lines that reads as two interleaved columns. */
const INTERLEAVED_RUN = 6;

/**
 * Runs of short lines set one under another with no blank line, where a
 * word straddles from each line to the line two below far more often than to
 * the next one: two columns that OCR read across, line by line. Joining any
 * of them would splice two texts.
 */
function interleavedRuns(units: readonly Unit[], segmenter: Segmenter): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  const candidate = (u: Unit | undefined) => u !== undefined && u.kind === 'text' && u.text.length <= 40 && !u.shape.closed;
  let i = 0;
  while (i < units.length) {
    let j = i;
    while (j < units.length && candidate(units[j]) && (j === i || units[j]!.blanksBefore === 0)) j++;
    if (j - i >= INTERLEAVED_RUN) {
      let next = 0;
      let skip = 0;
      for (let k = i; k + 1 < j; k++) {
        const a = units[k]!;
        if (straddlingWord(segmenter, hanTail(a.text), hanHead(units[k + 1]!.text))) next++;
        if (k + 2 < j && straddlingWord(segmenter, hanTail(a.text), hanHead(units[k + 2]!.text))) skip++;
      }
      if (skip >= 2 && skip >= 2 * next + 1) runs.push([i, j - 1]);
    }
    i = Math.max(j, i + 1);
  }
  return runs;
}

interface PageReadingWithFloats extends PageReading {
  /** Units outside the flow, by their index among all the page's units. */
  readonly floats: readonly Unit[];
  readonly interleaved: Array<[number, number]>;
}

function readUnitsOfPage(all: readonly Unit[], segmenter: Segmenter, profile: PaperProfile): PageReadingWithFloats {
  const floating = floatsOf(all);
  const units = all.filter((_, i) => !floating.has(i));
  const interleaved = interleavedRuns(units, segmenter);
  const noJoin = new Set<number>();
  for (const [a, b] of interleaved) for (let k = a; k <= b; k++) noJoin.add(k);
  const inputs = pageInputs(units, segmenter, noJoin);
  return { ...inputs, reading: decoderFor(profile).decode(inputs), floats: all.filter((_, i) => floating.has(i)), interleaved };
}

function decision(profile: PaperProfile, r: PageReading, i: number, yes: readonly State[]): Decision {
  const other = rival(r.reading, i, yes);
  const state = r.reading.states[i]!;
  return { margin: margin(r.reading, i, yes), cues: strongestCues(profile.weights, r.features[i]!, state, other, 6).map((c) => c.cue) };
}

/**
 * Where a cut's gap starts: after the no-break spaces that end the line, and
 * after the space that ends a source line. An e-paper sets no-break spaces
 * on purpose (第五条\u00a0\u00a0本办法自…, names spread to a width), and a
 * source line is set off from its lead by a space, so joining the line
 * keeps them; other trailing spaces are the extraction's and go with the break.
 */
function gapStart(text: string, unit: Unit, c: Conventions): number {
  let at = unit.span.end;
  while (at < unit.line.end && text.charCodeAt(at) === 0xa0) at++;
  // Asked only of a line that ends with a space: the source-line pattern is not run for every join.
  if (text.charCodeAt(at) === 0x20 && at < unit.line.end && c.matchSourceLine(unit.text)?.length === unit.text.length) {
    while (at < unit.line.end && (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0xa0)) at++;
  }
  return at;
}

/**
 * The cut above line `i` when the reader read a new paragraph there but a cut
 * came within `possibleJoin` of it: between two lines of running text, in a
 * print extraction that sets a blank line after every paragraph, nothing but
 * the words tells the two apart, and a near tie is worth a person's look.
 */
function nearJoin(text: string, r: PageReadingWithFloats, profile: PaperProfile, c: Conventions, segmenter: Segmenter, i: number, last: Para): Join | undefined {
  if (last.state !== 'B' || last.kind !== 'text' || r.units[i]!.kind !== 'text') return undefined;
  const m = margin(r.reading, i, ['C']);
  if (!(m > -profile.thresholds.possibleJoin)) return undefined;
  // What speaks for the cut, against the new paragraph the reader chose: what a person should check.
  return joinAbove(text, r.units, c, segmenter, i, { margin: m, cues: strongestCues(profile.weights, r.features[i]!, 'C', 'B', 6).map((x) => x.cue) }, []);
}

/** The cut between unit `i` and the one above, with the evidence for it and the figures standing in its gap. */
function joinAbove(text: string, units: readonly Unit[], c: Conventions, segmenter: Segmenter, i: number, d: Decision, across: readonly Span[]): Join {
  const u = units[i]!;
  const prev = units[i - 1]!;
  const word = straddlingWord(segmenter, hanTail(prev.text), hanHead(u.text));
  return {
    gap: { start: gapStart(text, prev, c), end: u.span.start },
    ...(across.length > 0 ? { across } : {}),
    beforeLine: prev.line.index,
    afterLine: u.line.index,
    evidence: { ...d, ...(word ? { word: { word: word.word, split: word.split } } : {}) },
  };
}

function paragraphs(text: string, r: PageReadingWithFloats, profile: PaperProfile, c: Conventions, segmenter: Segmenter): Para[] {
  const paras: Para[] = [];
  const { units, reading, floats } = r;
  const between = (a: Unit, b: Unit) => floats.filter((f) => f.span.start > a.span.end && f.span.end < b.span.start);
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const state = reading.states[i]!;
    const last = paras[paras.length - 1];
    if (state === 'C' && last) {
      const across = between(units[i - 1]!, u).map((f) => f.span);
      last.joins.push(joinAbove(text, units, c, segmenter, i, decision(profile, r, i, ['C']), across));
      last.units.push(u);
      paras[paras.length - 1] = { ...last, text: last.text + u.text, span: { start: last.span.start, end: u.span.end }, shape: shapeOf(last.text + u.text, c) };
      continue;
    }
    const starts = state === 'H1' ? decision(profile, r, i, ['H1']) : undefined;
    const possible = state === 'B' && last ? nearJoin(text, r, profile, c, segmenter, i, last) : undefined;
    paras.push({
      units: [u],
      joins: [],
      state,
      kind: u.kind,
      text: u.text,
      span: u.span,
      shape: u.shape,
      ...(starts ? { decision: starts } : {}),
      ...(possible ? { possibleJoin: possible } : {}),
    });
  }
  // Figures go back where they stood, or after the paragraph whose halves they separate.
  for (const f of floats) {
    const fig: Para = { units: [f], joins: [], state: 'B', kind: f.kind === 'text' ? 'image' : f.kind, text: f.text, span: f.span, shape: f.shape };
    const inside = paras.findIndex((p) => p.span.start < f.span.start && p.span.end > f.span.end);
    if (inside >= 0) {
      let at = inside + 1;
      while (at < paras.length && paras[at]!.kind === 'image' && paras[at]!.span.start < f.span.start) at++;
      paras.splice(at, 0, fig);
      continue;
    }
    const at = paras.findIndex((p) => p.span.start > f.span.start);
    paras.splice(at < 0 ? paras.length : at, 0, fig);
  }
  return paras;
}

function element(kind: Element['kind'], p: Para): Element {
  return { kind, span: p.span, parts: p.units.map((u) => u.span), joins: p.joins, text: p.text, ...(p.possibleJoin ? { possibleJoin: p.possibleJoin } : {}) };
}

function markersOf(p: Para): Marker[] {
  const out: Marker[] = [];
  const standalone = p.kind === 'marker';
  for (const u of p.units) {
    for (const m of u.markers) {
      out.push({ span: { start: u.span.start + m.start, end: u.span.start + m.end }, direction: m.direction, page: m.page, text: m.text, standalone });
    }
  }
  return out;
}

class BlockBuilder {
  readonly blocks: Block[] = [];
  private cur: Block | undefined;
  private closed = false;

  constructor(private readonly c: Conventions) {}

  flush(): void {
    const b = this.cur;
    this.cur = undefined;
    this.closed = false;
    if (!b) return;
    const all = [...b.headline, ...b.body];
    if (all.length === 0) return;
    b.span = { start: all[0]!.span.start, end: all[all.length - 1]!.span.end };
    if (b.kind === 'article') b.kind = this.kindOf(b);
    this.blocks.push(b);
  }

  private kindOf(b: Block): Block['kind'] {
    const opening = b.body.find((e) => e.kind !== 'figure');
    if (opening && b.markers.some((m) => m.direction === 'arriving' && m.span.start === opening.span.start)) return 'continuation';
    const content = b.body.filter((e) => e.kind !== 'marker' && e.kind !== 'figure');
    const first = content[0];
    if (content.length > 0 && content.every((e) => e.kind === 'caption' || e.kind === 'credit')) return 'photo';
    // A short item ending in a photo credit is a photo with its text: the credit is its byline.
    if (content.length <= 4 && content[content.length - 1]?.kind === 'credit' && !b.source) return 'photo';
    const c = this.c;
    const opinion =
      b.headline.some((h) => c.isOpinionKicker(h.text) || c.hasPieceTag(h.text)) ||
      b.body.some((e) => e.kind === 'byline' && c.isCommentatorLine(e.text)) ||
      (first !== undefined && /^[【[]?编者按/.test(first.text));
    return opinion ? 'commentary' : 'article';
  }

  open(kind: Block['kind'], start?: Decision): Block {
    this.flush();
    this.cur = { kind, span: { start: 0, end: 0 }, headline: [], body: [], markers: [], ...(start ? { start } : {}) };
    return this.cur;
  }

  current(): Block | undefined {
    return this.cur;
  }

  isClosed(): boolean {
    return this.closed;
  }

  /** Adds a body element, noting the source it names and whether it closes the article. */
  add(kind: Element['kind'], p: Para): void {
    const b = this.cur ?? this.open('article');
    const el = element(kind, p);
    b.body.push(el);
    for (const m of markersOf(p)) b.markers.push(m);
    const u = p.units[0]!;
    // A byline deep in the body still names who wrote it: the stories of a package each carry their own.
    if ((kind === 'byline' || (kind === 'paragraph' && u.source)) && !b.source) {
      b.source =
        kind === 'byline'
          ? { span: p.span, text: p.text, placement: 'own-line' }
          : { span: { start: u.span.start, end: u.span.start + u.source!.length }, text: u.text.slice(0, u.source!.length), placement: 'lead', match: u.source! };
    }
    const lastUnit = p.units[p.units.length - 1]!;
    // The article's onward marker may follow its credit: （本报东湖电）（下转第七版）.
    const credited = withoutOnwardTail(lastUnit.text, lastUnit.markers);
    const credit = p.kind === 'end-credit' ? 0 : p.kind === 'text' ? this.c.matchEndCredit(credited) : undefined;
    if (credit !== undefined) {
      b.source ??= { span: { start: lastUnit.span.start + credit, end: lastUnit.span.start + credited.length }, text: credited.slice(credit), placement: 'end' };
    }
    // A credit cut across a column break, （作者为中国社会科学院 | …研究中心顾问）, is whole only once its halves are joined.
    const joined = credit === undefined && p.units.length > 1 ? splitCredit(el, this.c) : undefined;
    if (joined) b.source ??= joined;
    this.closed = closesArticle(lastUnit) || joined !== undefined;
  }
}

/** The end credit of a paragraph joined across cuts, when it begins in one of its lines and ends in the last. */
function splitCredit(el: Element, c: Conventions): Block['source'] | undefined {
  const at = c.matchEndCredit(el.text) ?? (c.isAuthorNote(el.text) ? 0 : undefined);
  return at === undefined ? undefined : { span: { start: elementOffset(el, at), end: el.span.end }, text: el.text.slice(at), placement: 'end' };
}

/** What a body paragraph is, from its own class and shape. */
function bodyKind(p: Para): Element['kind'] {
  switch (p.kind) {
    case 'byline':
    case 'commentator':
      return 'byline';
    case 'marker':
      return 'marker';
    case 'credit':
      return 'credit';
    case 'end-credit':
      return 'end-credit';
    case 'image':
    case 'formula':
      return 'figure';
    default:
      // A line ending in a full stop of its own (an entry of a reference list) is a finished line, not a subheading.
      return p.units.length === 1 && p.shape.headlineLike && !p.text.endsWith('.') && !p.units[0]!.source && !arrivingLead(p.units[0]!) ? 'subheading' : 'paragraph';
  }
}

function buildBlocks(paras: readonly Para[], c: Conventions): Block[] {
  const bb = new BlockBuilder(c);
  for (const p of paras) {
    const cur = bb.current();
    switch (p.state) {
      case 'F': {
        const b = cur?.kind === 'furniture' ? cur : bb.open('furniture');
        b.body.push(element('furniture', p));
        continue;
      }
      case 'T': {
        const b = cur?.kind === 'teaser' ? cur : bb.open('teaser');
        b.body.push(element('teaser-line', p));
        continue;
      }
      case 'H1':
        bb.open('article', p.decision).headline.push(element('headline', p));
        continue;
      case 'H2':
      case 'H3':
      case 'H4':
        if (cur && cur.kind === 'article' && cur.body.length === 0) {
          cur.headline.push(element('headline', p));
          continue;
        }
        break;
    }
    // A block without a deck: text at the top of a page, or an anchor (a source line, 上接…) after an article that closed.
    const u = p.units[0]!;
    if (!cur || cur.kind === 'furniture' || cur.kind === 'teaser' || (bb.isClosed() && isAnchor(u))) {
      bb.open('article', { margin: 0, cues: cur && bb.isClosed() ? ['p:closes', isAnchor(u) ? (u.source ? 'source' : 'marker:arriving-start') : 'first'] : ['first'] });
    }
    const kind = bodyKind(p);
    if (kind === 'credit') {
      const b = bb.current()!;
      const last = b.body[b.body.length - 1];
      if (last && (last.kind === 'paragraph' || last.kind === 'subheading')) last.kind = 'caption';
    }
    bb.add(kind, p);
  }
  bb.flush();
  return bb.blocks;
}

/** The first masthead, and the first outlet of a source line that is not a wire agency. */
function paperNames(units: readonly Unit[], c: Conventions): { masthead?: string; outlet?: string } {
  let masthead: string | undefined;
  let outlet: string | undefined;
  for (const u of units) {
    if (!masthead && u.kind === 'furniture') masthead = c.mastheadName(u.text);
    if (!outlet && u.source && u.source.outlet.length > 2 && !c.isWireAgency(u.source.outlet)) outlet = u.source.outlet;
    if (masthead) break;
  }
  return { ...(masthead ? { masthead } : {}), ...(outlet ? { outlet } : {}) };
}

/** How many lines may stand above a file's first page line and still be its running head, masthead or date line. */
const RUNNING_HEAD = 6;

/**
 * Units split at page lines: lines above the first page line (a running head, the masthead) belong to its page.
 * A sentence, a source line or a teaser above it is an article or a box of its own, named for the page that follows.
 */
export function splitPages(units: readonly Unit[]): Array<{ units: Unit[]; pageLine?: Unit }> {
  const pages: Array<{ units: Unit[]; pageLine?: Unit }> = [{ units: [] }];
  units.forEach((u, i) => {
    if (u.kind === 'page-line') {
      const cur = pages[pages.length - 1]!;
      const head =
        !cur.pageLine && pages.length === 1 && i < RUNNING_HEAD && cur.units.every((x) => x.text.length <= 30 && !x.shape.bodyLike && !x.shape.closed && !x.source && !x.pointer);
      if (head) cur.pageLine = u;
      else pages.push({ units: [], pageLine: u });
      return;
    }
    pages[pages.length - 1]!.units.push(u);
  });
  return pages;
}

export function readPage(text: string, options: ReadOptions = {}): PageModel {
  const segmenter = options.segmenter ?? noSegmenter;
  const profile = options.profile ?? DEFAULT_PROFILE;
  const c = conventionsFor(profile);
  const lines = splitLines(text);
  const cache = options.lineCache?.conventions === c ? options.lineCache : undefined;
  const units = readUnits(text, lines, c, cache);
  const names = paperNames(units, c);
  const paperName = names.masthead ?? names.outlet;
  const split = splitPages(units);
  const pages: Page[] = [];
  split.forEach((part, k) => {
    const start = k === 0 ? 0 : part.pageLine!.span.start;
    const next = split[k + 1];
    const end = next ? next.pageLine!.span.start : text.length;
    if (k > 0 || part.units.length > 0 || part.pageLine || split.length === 1) {
      const r = readUnitsOfPage(part.units, segmenter, profile);
      const ref = part.pageLine?.pageRef ?? (k === 0 ? options.pageRef : undefined);
      const interleaved = r.interleaved.map(([a, b]) => ({
        span: { start: r.units[a]!.span.start, end: r.units[b]!.span.end },
        firstLine: r.units[a]!.line.index,
        lastLine: r.units[b]!.line.index,
      }));
      pages.push({
        span: { start, end },
        ...(ref ? { ref } : {}),
        ...(part.pageLine ? { pageLine: part.pageLine.span } : {}),
        blocks: buildBlocks(paragraphs(text, r, profile, c, segmenter), c),
        ...(interleaved.length > 0 ? { interleaved } : {}),
      });
    }
  });
  return { text, lines, pages, ...(paperName ? { paperName } : {}), names, segmented: segmenter !== noSegmenter };
}
