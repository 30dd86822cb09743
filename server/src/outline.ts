/**
 * The outline of a page: one entry per block, named by its headline, with
 * what a layout editor wants to see at a glance (kind, byline, 字数) and
 * children for subheadings, captions and continuation markers.
 */
import { charCount } from './text/chars';
import type { Block, BlockKind, Page, PageModel, Span } from './model/page';
import { t } from './l10n/t';

export interface OutlineEntry {
  readonly name: string;
  readonly kind: BlockKind | 'subheading' | 'caption' | 'marker' | 'page';
  readonly detail: string;
  readonly span: Span;
  /** The headline (or the first line when there is none): what a click selects. */
  readonly selection: Span;
  readonly children: OutlineEntry[];
}

/** Looked up when shown, not at load: the language is chosen after modules load. */
const KIND_LABEL: Record<BlockKind, () => string> = {
  article: () => t('article'),
  continuation: () => t('continued part'),
  commentary: () => t('commentary'),
  photo: () => t('photo'),
  teaser: () => t('teaser'),
  furniture: () => t('page furniture'),
};

/** 字数 of an article: headline and running text, without markers, credits and the source line. */
export function articleLength(block: Block): number {
  let n = 0;
  for (const e of block.headline) n += charCount(e.text);
  for (const e of block.body) {
    if (e.kind === 'paragraph' || e.kind === 'subheading') n += charCount(e.text);
  }
  for (const m of block.markers) if (!m.standalone) n -= charCount(m.text);
  if (block.source && block.source.placement !== 'own-line') n -= charCount(block.source.text);
  return n;
}

export function blockName(block: Block): string {
  if (block.headline.length > 0) return block.headline.map((h) => h.text).join(' / ');
  const first = block.body.find((e) => e.kind !== 'figure') ?? block.body[0];
  if (!first) return KIND_LABEL[block.kind]();
  return first.text.length > 24 ? first.text.slice(0, 24) + '…' : first.text;
}

function blockDetail(block: Block): string {
  const parts: string[] = [KIND_LABEL[block.kind]()];
  if (block.kind === 'teaser' || block.kind === 'furniture') return parts[0]!;
  if (block.source) parts.push(block.source.text);
  parts.push(`${articleLength(block)}字`);
  return parts.join(' · ');
}

function blockEntry(block: Block): OutlineEntry {
  const children: OutlineEntry[] = [];
  for (const e of block.body) {
    if (e.kind === 'subheading' || e.kind === 'caption') {
      children.push({ name: e.text, kind: e.kind, detail: e.kind === 'subheading' ? t('subheading') : t('caption'), span: e.span, selection: e.span, children: [] });
    }
  }
  for (const m of block.markers) {
    children.push({ name: m.text, kind: 'marker', detail: m.direction === 'onward' ? t('continues') : t('continued from'), span: m.span, selection: m.span, children: [] });
  }
  children.sort((a, b) => a.span.start - b.span.start);
  const first = block.headline[0] ?? block.body[0];
  const last = block.headline[block.headline.length - 1] ?? first;
  const selection = first && last ? { start: first.span.start, end: last.span.end } : block.span;
  return { name: blockName(block), kind: block.kind, detail: blockDetail(block), span: block.span, selection, children };
}

/**
 * One entry per page, its blocks beneath. A page with no number of its own
 * (the text above a one-file issue's first page line) is named for the page
 * that follows it.
 */
export function pageEntries(pages: readonly Page[]): OutlineEntry[] {
  return pages.map((page, i) => {
    const next = pages.slice(i + 1).find((p) => p.ref)?.ref;
    const name = page.ref ? page.ref.label : next ? t`before ${next.label}` : t('page');
    const selection = page.pageLine ?? page.span;
    return {
      name,
      kind: 'page' as const,
      detail: page.blocks.length === 1 ? t('1 block') : t`${page.blocks.length} blocks`,
      span: page.span,
      selection,
      children: page.blocks.map(blockEntry),
    };
  });
}

/** Whether a text of these pages is outlined page by page: a one-file issue is, a single page lists its blocks. */
export function byPage(pages: readonly Page[]): boolean {
  return pages.length > 1 || pages[0]?.pageLine !== undefined;
}

/** Entries of the whole text: its blocks, or in a one-file issue one entry per page with its blocks beneath. */
export function outline(model: PageModel): OutlineEntry[] {
  return byPage(model.pages) ? pageEntries(model.pages) : (model.pages[0]?.blocks.map(blockEntry) ?? []);
}

/** Entries made from a part of a text, moved `by` characters to where the part stands. */
export function shiftEntries(entries: readonly OutlineEntry[], by: number): OutlineEntry[] {
  if (by === 0) return [...entries];
  const shift = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  return entries.map((e) => ({ ...e, span: shift(e.span), selection: shift(e.selection), children: shiftEntries(e.children, by) }));
}
