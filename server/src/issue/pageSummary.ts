/**
 * What the issue index keeps of one file: its pages and, for each article,
 * what linking, navigation and the issue map need (deck lines, markers,
 * first sentence, problems), with offsets and editor ranges computed once.
 * The text and the page model are not kept, so a large archive stays small.
 */
import { conventionsFor, countsPages, type Conventions, type MarkerDirection } from '../model/conventions';
import { DEFAULT_PROFILE } from '../model/profile';
import { TEXT_KINDS, type Block, type BlockKind, type Page, type PageModel, type Span } from '../model/page';
import { articleLength, blockName } from '../outline';
import type { Finding, RuleId } from '../rules/finding';
import { asksByline, bylineQuestion, jumpsOf, sourceLineFor } from '../rules/missingByline';
import type { RuleContext } from '../rules/rule';
import { hash53 } from '../text/hash';
import { isBefore, type PageRef } from '../text/numerals';
import type { LineIndex, Range } from '../text/positions';
import { normalizeHeadline, prepareDeck, type Deck } from './headlines';
import { t } from '../l10n/t';

export interface IndexedMarker {
  readonly text: string;
  readonly direction: MarkerDirection;
  /** The page it points to. */
  readonly page: PageRef;
  readonly span: Span;
  readonly range: Range;
  /** Identity of a cross-page finding on this marker, for "ignore this finding". */
  readonly fingerprint: string;
}

export interface IndexedArticle {
  readonly kind: Exclude<BlockKind, 'furniture'>;
  /** Headline deck lines as printed. */
  readonly deck: readonly string[];
  readonly prepared: Deck;
  /** The outline's name: deck lines joined by “ / ”, or the first words of a headless block. */
  readonly name: string;
  /** The name normalised (letters and digits only), for symbol queries over a whole archive. */
  readonly key: string;
  readonly span: Span;
  readonly range: Range;
  /** The headline (or first line): what a jump or a click selects. */
  readonly selection: Range;
  /** Source line or byline as printed. */
  readonly byline?: string;
  /** 字数, as the outline counts it. */
  readonly length: number;
  /** The first sentence of its text, without source line or arriving marker. */
  readonly firstSentence: string;
  /** Onward markers, one per target page, that point forward. */
  readonly onward: readonly IndexedMarker[];
  /** The arriving marker that opens a continued part under a repeated headline. */
  readonly arriving?: IndexedMarker;
  /**
   * An article that jumps with no source line or byline: whether the
   * continued part names one is the issue's question (crossPage.ts), asked
   * with the page rule's headline span, fingerprint and reading margin.
   */
  readonly unsourced?: {
    readonly span: Span;
    readonly range: Range;
    readonly fingerprint: string;
    readonly margin: number;
    /** Where the page rule would insert the source line, and the line: the finding's quick fix. */
    readonly insert: { readonly at: number; readonly text: string };
  };
  /** The last words before each onward marker, by the marker's span start. */
  readonly breaksOff: ReadonlyMap<number, string>;
  /**
   * What the page's own rules found inside it, every rule at its default
   * level: the file's configuration decides at query time what counts, so a
   * changed setting never needs the page read again.
   */
  readonly findings: readonly FoundHere[];
}

export interface FoundHere {
  readonly rule: RuleId;
  readonly fingerprint: string;
}

export interface IndexedPage {
  /** The page as its page line or file name gives it; undefined when neither does. */
  readonly ref?: PageRef;
  /** How the page is named for people: its page line, else `2版`, else the file name. */
  readonly label: string;
  /** Where the page starts: its page line, or the start of the file. */
  readonly range: Range;
  readonly articles: readonly IndexedArticle[];
}

export interface IndexedFile {
  readonly uri: string;
  /** Editor version when the text came from an open document; undefined for text read from disk. */
  readonly version?: number;
  readonly pages: readonly IndexedPage[];
}

/** `2版`, `A3版`, `12页`: the short name of a page that markers and the outline use. */
export function pageName(ref: PageRef): string {
  return `${ref.section ?? ''}${ref.number}${countsPages(ref.label) ? '页' : '版'}`;
}

/**
 * A cross-page finding's identity: like a rule's fingerprint (the text around
 * the marker within its page, spaces squeezed), salted so that ignoring it
 * does not also ignore a single-page finding on the same marker.
 */
export function crossPageFingerprint(text: string, span: Span, page: Span): string {
  const around = text.slice(Math.max(page.start, span.start - 12), Math.min(page.end, span.end + 12)).replace(/[\s\u3000\u00a0]+/g, '');
  return `orphaned-continuation:${hash53(`cross-page\0${around}`)}`;
}

const SENTENCE = /^.*?[。！？!?…]+[”’」』)）]?/;

function firstSentenceOf(text: string): string {
  const t = text.trim();
  const m = SENTENCE.exec(t);
  const s = m ? m[0] : t;
  return s.length > 80 ? s.slice(0, 79) + '…' : s;
}

/** The last sentence before `end` in an element's text: where an article breaks off before its onward marker. */
function lastSentenceOf(text: string): string {
  const t = text.trim();
  const cut = t.slice(0, -1).search(/[。！？!?][”’」』)）]?[^。！？!?]*$/);
  const s = cut >= 0 ? t.slice(cut + 1).replace(/^[”’」』)）]/, '') : t;
  return s.length > 60 ? '…' + s.slice(-59) : s;
}

/**
 * The findings (in position order) that start inside each block, its end
 * included: one sweep, not every finding for every block, which on a page of
 * thousands of blocks and findings was their product.
 */
function findingsByBlock(blocks: readonly Block[], findings: readonly Finding[]): Finding[][] {
  let k = 0;
  return blocks.map((b) => {
    while (k < findings.length && findings[k]!.span.start < b.span.start) k++;
    let j = k;
    while (j < findings.length && findings[j]!.span.start <= b.span.end) j++;
    return findings.slice(k, j);
  });
}

function summarizeBlock(
  block: Block,
  page: Page,
  text: string,
  index: LineIndex,
  mine: readonly Finding[],
  shared: ReadonlySet<string>,
  c: Conventions,
  sourceLine: string,
): IndexedArticle | undefined {
  if (block.kind === 'furniture') return undefined;
  const marker = (m: Block['markers'][number]): IndexedMarker => ({
    text: m.text,
    direction: m.direction,
    page: m.page,
    span: m.span,
    range: index.range(m.span.start, m.span.end),
    fingerprint: crossPageFingerprint(text, m.span, page.span),
  });
  const onward: IndexedMarker[] = [];
  const breaksOff = new Map<number, string>();
  const targets = new Set<string>();
  for (const m of block.markers) {
    if (m.direction !== 'onward' || !isBefore(page.ref, m.page)) continue;
    const key = `${m.page.section ?? ''}${m.page.number}`;
    // A repeated marker is the page rule's business; the jump is the first one.
    if (targets.has(key)) continue;
    targets.add(key);
    onward.push(marker(m));
    const holder = [...block.body].reverse().find((e) => TEXT_KINDS.has(e.kind) && e.span.start < m.span.start);
    if (holder) breaksOff.set(m.span.start, lastSentenceOf(holder.text.endsWith(m.text) ? holder.text.slice(0, -m.text.length) : holder.text));
  }
  // A figure (an image line, its caption) may stand above a journal's continued part: the marker opens what follows it.
  const opening = block.body.find((e) => e.kind !== 'figure');
  // Journals (上接第51页) repeat no headline; a paper's continued part without one is the page rule's finding.
  const arrivingMarker =
    block.kind === 'continuation' && opening
      ? block.markers.find(
          (m) => m.direction === 'arriving' && m.span.start === opening.span.start && !isBefore(page.ref, m.page) && (block.headline.length > 0 || countsPages(m.text)),
        )
      : undefined;
  const first = block.body.find((e) => e.kind === 'paragraph');
  let lead = first?.text ?? '';
  if (arrivingMarker && lead.startsWith(arrivingMarker.text)) lead = lead.slice(arrivingMarker.text.length);
  if (block.source?.placement === 'lead' && lead.startsWith(block.source.text)) lead = lead.slice(block.source.text.length);
  const head = block.headline[0] ?? block.body[0];
  const tail = block.headline[block.headline.length - 1] ?? head;
  const selection = head && tail ? index.range(head.span.start, tail.span.end) : index.range(block.span.start, block.span.start);
  const deck = block.headline.map((h) => h.text);
  const name = blockName(block);
  const asked = asksByline(block, page, c) && jumpsOf(block, page).length > 0 ? bylineQuestion(block, page, text) : undefined;
  const unsourcedJump = asked
    ? {
        span: asked.span,
        range: index.range(asked.span.start, asked.span.end),
        fingerprint: asked.fingerprint,
        margin: asked.margin,
        insert: { at: asked.insertAt, text: sourceLine },
      }
    : undefined;
  return {
    kind: block.kind,
    deck,
    prepared: prepareDeck(deck, shared),
    name,
    key: normalizeHeadline(name),
    span: block.span,
    range: index.range(block.span.start, block.span.end),
    selection,
    ...(block.source ? { byline: block.source.text } : {}),
    length: articleLength(block),
    firstSentence: firstSentenceOf(lead),
    onward,
    ...(arrivingMarker ? { arriving: marker(arrivingMarker) } : {}),
    ...(unsourcedJump ? { unsourced: unsourcedJump } : {}),
    breaksOff,
    findings: mine.map((f) => ({ rule: f.rule, fingerprint: f.fingerprint })),
  };
}

/** Deck lines that stand over two or more articles of a page (a series kicker): they tell no article apart. */
function sharedLines(page: Page): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const b of page.blocks) {
    for (const line of new Set(b.headline.map((h) => normalizeHeadline(h.text)))) {
      if (seen.has(line)) shared.add(line);
      seen.add(line);
    }
  }
  return shared;
}

/**
 * What the index keeps of a model's pages, from every finding of its rules
 * (findAll). `fileName` names a page that has no page number at all; the
 * text before a one-file issue's first page line is named for that line.
 */
export function summarizePages(
  model: PageModel,
  findings: readonly Finding[],
  index: LineIndex,
  fileName: string,
  naming: Omit<RuleContext, 'model'> = { profile: DEFAULT_PROFILE },
): IndexedPage[] {
  const c = conventionsFor(naming.profile);
  const sourceLine = sourceLineFor({ model, ...naming });
  const labels = model.pages.map((page) => (page.pageLine ? model.text.slice(page.pageLine.start, page.pageLine.end) : page.ref ? pageName(page.ref) : undefined));
  return model.pages.map((page, i): IndexedPage => {
    const start = page.pageLine ?? { start: page.span.start, end: page.span.start };
    const shared = sharedLines(page);
    const found = findingsByBlock(page.blocks, findings);
    const next = labels.slice(i + 1).find((l) => l !== undefined);
    return {
      ...(page.ref ? { ref: page.ref } : {}),
      label: labels[i] ?? (next ? t`before ${next}` : fileName),
      range: index.range(start.start, start.end),
      articles: page.blocks.map((b, k) => summarizeBlock(b, page, model.text, index, found[k]!, shared, c, sourceLine)).filter((a): a is IndexedArticle => a !== undefined),
    };
  });
}

/** The file name at the end of a URI, as people read it. */
export function fileNameOf(uri: string): string {
  const base = uri.replace(/^.*\//, '');
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

const shiftRange = (r: Range, lines: number): Range => ({
  start: { line: r.start.line + lines, character: r.start.character },
  end: { line: r.end.line + lines, character: r.end.character },
});
const shiftSpan = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

function shiftMarker(m: IndexedMarker, by: number, lines: number): IndexedMarker {
  return { ...m, span: shiftSpan(m.span, by), range: shiftRange(m.range, lines) };
}

/**
 * Pages summarised from a part of a text (one page of a one-file issue),
 * moved to where the part stands: `by` characters and `lines` lines down.
 * Parts start at a line's start, so columns stay as they are.
 */
export function shiftPages(pages: readonly IndexedPage[], by: number, lines: number): IndexedPage[] {
  if (by === 0 && lines === 0) return [...pages];
  return pages.map((p) => shifted(p, by, lines));
}

/** Moved pages and where they were moved from: what is worked out of a page once (its link signature) serves its moves. */
const origins = new WeakMap<IndexedPage, { readonly page: IndexedPage; readonly lines: number }>();

/** The page a moved page was moved from, and by how many lines; undefined for a page not moved. */
export function originOf(page: IndexedPage): { readonly page: IndexedPage; readonly lines: number } | undefined {
  return origins.get(page);
}

function shifted(p: IndexedPage, by: number, lines: number): IndexedPage {
  const moved: IndexedPage = {
    ...p,
    range: shiftRange(p.range, lines),
    articles: p.articles.map((a) => ({
      ...a,
      span: shiftSpan(a.span, by),
      range: shiftRange(a.range, lines),
      selection: shiftRange(a.selection, lines),
      onward: a.onward.map((m) => shiftMarker(m, by, lines)),
      ...(a.arriving ? { arriving: shiftMarker(a.arriving, by, lines) } : {}),
      // The fingerprint stays: like the page rule's, it is made from the page's own text.
      ...(a.unsourced
        ? {
            unsourced: {
              ...a.unsourced,
              span: shiftSpan(a.unsourced.span, by),
              range: shiftRange(a.unsourced.range, lines),
              insert: { ...a.unsourced.insert, at: a.unsourced.insert.at + by },
            },
          }
        : {}),
      breaksOff: new Map([...a.breaksOff].map(([at, words]) => [at + by, words])),
    })),
  };
  origins.set(moved, { page: p, lines });
  return moved;
}
