/**
 * What a theme can show that the grammar cannot know: the role the page
 * model gave each line. A pattern sees `(下转第二版)` or `本报讯`; only the
 * model knows that a short line is a kicker or a subheading, that a line of
 * names is a byline, or that a line is a caption. Tokens lie on one line
 * each (LSP's semantic tokens cannot span lines), sorted, never overlapping.
 */
import { headlineRoles } from './model/headlineRoles';
import type { Block, ElementKind, PageModel, Span } from './model/page';
import type { LineIndex } from './text/positions';

/** The legend, in this order: a token's type is its index here. */
export const TOKEN_TYPES = [
  'kicker',
  'headline',
  'subhead',
  'subheading',
  'sourceLine',
  'byline',
  'caption',
  'credit',
  'continuationMarker',
  'teaser',
  'furniture',
  'pageLine',
] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];

export interface PageToken {
  readonly line: number;
  /** In UTF-16 code units, as the text is held. */
  readonly character: number;
  readonly length: number;
  readonly type: TokenType;
}

const BODY_TYPES: Partial<Record<ElementKind, TokenType>> = {
  subheading: 'subheading',
  byline: 'byline',
  caption: 'caption',
  credit: 'credit',
  'end-credit': 'credit',
  marker: 'continuationMarker',
  'teaser-line': 'teaser',
  furniture: 'furniture',
};

const HEADLINE_TYPES = { kicker: 'kicker', main: 'headline', subhead: 'subhead' } as const;

function blockSpans(block: Block, add: (span: Span, type: TokenType, rank: number) => void): void {
  const roles = headlineRoles(block.headline.map((h) => h.text));
  const boxed = block.kind === 'furniture' ? 'furniture' : block.kind === 'teaser' ? 'teaser' : undefined;
  block.headline.forEach((h, i) => add(h.span, boxed ?? HEADLINE_TYPES[roles[i] ?? 'main'], 1));
  // A source line inside the lead paragraph, and markers inside running text, are tokens of their own there.
  if (block.source) add(block.source.span, 'sourceLine', 0);
  for (const m of block.markers) add(m.span, 'continuationMarker', 0);
  for (const e of block.body) {
    const type = block.kind === 'furniture' ? 'furniture' : BODY_TYPES[e.kind];
    if (type) add(e.span, type, 1);
  }
}

/** The tokens of a page model, in its own lines and columns. */
export function pageTokens(model: PageModel, index: LineIndex): PageToken[] {
  const spans: Array<{ span: Span; type: TokenType; rank: number }> = [];
  const add = (span: Span, type: TokenType, rank: number) => {
    if (span.end > span.start) spans.push({ span, type, rank });
  };
  for (const page of model.pages) {
    if (page.pageLine) add(page.pageLine, 'pageLine', 0);
    for (const block of page.blocks) blockSpans(block, add);
  }
  // Earlier first; at one start the narrower claim (a source line, a marker) wins over the element that holds it.
  spans.sort((a, b) => a.span.start - b.span.start || a.rank - b.rank || a.span.end - b.span.end);
  const out: PageToken[] = [];
  let covered = 0;
  for (const { span, type } of spans) {
    const start = Math.max(span.start, covered);
    if (start >= span.end) continue;
    const first = index.position(start).line;
    const last = index.position(span.end).line;
    for (let line = first; line <= last; line++) {
      const l = model.lines[line];
      if (!l) break;
      const from = Math.max(start, l.start);
      const to = Math.min(span.end, l.end);
      if (to > from) out.push({ line, character: from - l.start, length: to - from, type });
    }
    covered = span.end;
  }
  return out;
}

/**
 * LSP's encoding of tokens: five integers each (line delta, start delta,
 * length, type, modifiers), each relative to the token before it.
 */
export function encodeTokens(tokens: readonly PageToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const t of tokens) {
    const dl = t.line - line;
    data.push(dl, dl === 0 ? t.character - character : t.character, t.length, TOKEN_TYPES.indexOf(t.type), 0);
    line = t.line;
    character = t.character;
  }
  return data;
}
