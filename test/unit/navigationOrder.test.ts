/** Which article or problem comes next: forward, back, round the page, and never the one the cursor is on. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { blocksOf, nextPlace } from '../../client/src/navigationOrder';

const places = [
  { name: 'c', at: { line: 40, character: 0 } },
  { name: 'a', at: { line: 2, character: 0 } },
  { name: 'b', at: { line: 12, character: 4 } },
];
const next = (line: number, character: number, direction: 1 | -1) => nextPlace(places, (p) => p.at, { line, character }, direction)?.name;

describe('moving between places on a page', () => {
  it('goes to the next one after the cursor, in page order whatever the order given', () => {
    assert.equal(next(0, 0, 1), 'a');
    assert.equal(next(2, 0, 1), 'b', 'not the one the cursor is on');
    assert.equal(next(12, 3, 1), 'b', 'a place later on the same line is after the cursor');
    assert.equal(next(12, 4, 1), 'c');
  });

  it('goes back to the one before, and round the page at either end', () => {
    assert.equal(next(12, 4, -1), 'a');
    assert.equal(next(30, 0, -1), 'b');
    assert.equal(next(50, 0, 1), 'a', 'past the last: the first');
    assert.equal(next(0, 0, -1), 'c', 'before the first: the last');
  });

  it('has nowhere to go when the only place is where the cursor is, or there is none', () => {
    assert.equal(
      nextPlace([places[1]!], (p) => p.at, { line: 2, character: 0 }, 1),
      undefined,
    );
    assert.equal(
      nextPlace([], (p: (typeof places)[number]) => p.at, { line: 0, character: 0 }, -1),
      undefined,
    );
  });
});

describe('the blocks to move between', () => {
  interface S {
    readonly name: string;
    readonly kind: number;
    readonly children: readonly S[];
  }
  const KINDS = { page: 4, furniture: 13 };
  const s = (name: string, kind: number, children: S[] = []): S => ({ name, kind, children });

  it('opens up the pages of a one-file issue and leaves furniture out', () => {
    const symbols = [s('masthead', 13), s('第1版', 4, [s('A', 15, [s('(下转第二版)', 20)]), s('date line', 13)]), s('第2版', 4, [s('B', 15)])];
    assert.deepEqual(
      blocksOf(symbols, KINDS).map((b) => b.name),
      ['A', 'B'],
    );
  });
});
