/**
 * An article's elements as body items of its record. The one place where the
 * page model's element kinds become record roles: a kind this does not know
 * (the model may learn author notes, box labels, pull-quotes) is kept as a
 * paragraph, never dropped.
 */
import type { Block, ElementKind } from '../model/page';
import type { BodyItem, BodyRole } from './exportedIssue';
import { pieceOf, without } from './pieces';

export function bodyRole(kind: ElementKind): BodyRole {
  switch (kind) {
    case 'subheading':
      return 'subheading';
    case 'byline':
    case 'end-credit':
      return 'byline';
    case 'caption':
      return 'caption';
    case 'credit':
      return 'credit';
    case 'teaser-line':
      return 'teaser-line';
    // A marker of its own is empty once markers are taken out; headlines and furniture are not in a body.
    default:
      return 'paragraph';
  }
}

/** The block's body as items, its continuation markers taken out (an item that was only a marker is gone). */
export function bodyItems(text: string, page: number, block: Block): BodyItem[] {
  const markers = block.markers.map((m) => m.span);
  const items: BodyItem[] = [];
  for (const el of block.body) {
    const spans = without(text, el.parts, markers);
    if (spans.length > 0) items.push({ role: bodyRole(el.kind), ...pieceOf(text, page, spans) });
  }
  return items;
}
