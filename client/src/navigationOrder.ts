/**
 * Which place comes next: the pure part of moving between articles and
 * problems, kept apart from VS Code so a test can hold it to account.
 */

export interface At {
  readonly line: number;
  readonly character: number;
}

const before = (a: At, b: At) => a.line < b.line || (a.line === b.line && a.character < b.character);

/**
 * The first of `places` after the cursor (or the last before it), going
 * round the page at its end, as VS Code's own next problem does. Undefined
 * when there is none, or when the only one is where the cursor is.
 */
export function nextPlace<T>(places: readonly T[], at: (t: T) => At, cursor: At, direction: 1 | -1): T | undefined {
  const sorted = [...places].sort((a, b) => (before(at(a), at(b)) ? -1 : before(at(b), at(a)) ? 1 : 0));
  if (direction === 1) return sorted.find((p) => before(cursor, at(p))) ?? sorted.find((p) => before(at(p), cursor));
  const earlier = sorted.filter((p) => before(at(p), cursor));
  return earlier[earlier.length - 1] ?? [...sorted].reverse().find((p) => before(cursor, at(p)));
}

/** A symbol tree as the Outline has it: pages (in a one-file issue) hold blocks; blocks hold subheadings, captions, markers. */
export interface SymbolLike<T extends SymbolLike<T>> {
  readonly kind: number;
  readonly children: readonly T[];
}

/**
 * The blocks of a page to move between: articles and the other items, with a
 * one-file issue's pages opened up, and furniture (mastheads, date lines)
 * left out, since nobody edits it.
 */
export function blocksOf<T extends SymbolLike<T>>(symbols: readonly T[], kinds: { readonly page: number; readonly furniture: number }): T[] {
  const blocks = symbols.flatMap((s) => (s.kind === kinds.page ? s.children : [s]));
  return blocks.filter((b) => b.kind !== kinds.furniture);
}
