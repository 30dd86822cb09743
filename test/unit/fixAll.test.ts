/**
 * The one fix-all: whole fixes or none, a fixed point over every finding,
 * one minimal set of edits against the original, and no fix applied twice
 * where it did not do its job. Findings here are made by small rules of the
 * test's own where a real page cannot show the case; real pages follow.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/fixes/edits';
import { compose, fixAll } from '../../server/src/fixes/fixAll';
import type { Finding, TextEdit } from '../../server/src/rules/finding';
import { Random } from '../helpers/random';
import { readCorpusPage } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';

function finding(edits: TextEdit[], rule: Finding['rule'] = 'spaced-headline', safe = true): Finding {
  return {
    rule,
    span: { start: edits[0]!.start, end: edits[0]!.end },
    message: '',
    severity: 'warning',
    fixes: [{ title: 'fix', edits, safe }],
    fingerprint: `${rule}:${edits[0]!.start}`,
  };
}

/** Every space goes, each space a finding of its own: a rule whose fixes never collide. */
const spaces = (text: string): Finding[] => [...text.matchAll(/ /g)].map((m) => finding([{ start: m.index, end: m.index + 1, newText: '' }]));

describe('fixAll', () => {
  it('applies a fix of several edits whole or not at all: a colliding fix waits for the next pass', () => {
    // Two findings on “a b c”: one deletes both spaces, one replaces the second space and what follows.
    const text = 'a b c';
    let calls = 0;
    const analyse = (t: string): Finding[] => {
      calls++;
      if (t === text)
        return [
          finding([
            { start: 1, end: 2, newText: '' },
            { start: 3, end: 4, newText: '' },
          ]),
          finding([{ start: 3, end: 5, newText: '-C' }], 'broken-wrap'),
        ];
      return [];
    };
    const result = fixAll(text, analyse);
    // The first fix went in whole; the second collided and, analysed again, was no longer found.
    assert.equal(result.text, 'abc');
    assert.equal(result.fixed, 1);
    assert.equal(calls, 2);
    assert.deepEqual(result.edits, [
      { start: 1, end: 2, newText: '' },
      { start: 3, end: 4, newText: '' },
    ]);
  });

  it('goes on until nothing is left to fix, and returns one set of edits against the original', () => {
    // Spaces go first; “ab” appears only once they have gone, and is then set in capitals by another rule.
    const text = 'a b, a b 甲 乙';
    const analyse = (t: string): Finding[] => [...spaces(t), ...[...t.matchAll(/ab/g)].map((m) => finding([{ start: m.index, end: m.index + 2, newText: 'AB' }], 'broken-wrap'))];
    const result = fixAll(text, analyse);
    assert.equal(result.text, 'AB,AB甲乙');
    assert.equal(result.passes, 2);
    assert.equal(result.fixed, 7);
    assert.equal(applyEdits(text, result.edits), result.text);
    assert.deepEqual(result.edits, [
      { start: 0, end: 3, newText: 'AB' },
      { start: 4, end: 9, newText: 'AB' },
      { start: 10, end: 11, newText: '' },
    ]);
  });

  it('does not apply a fix again where its rule already wrote: an inserted line that is not recognised is inserted once', () => {
    const text = '标题\n\n正文。';
    // A rule that asks for a source line at the start of the text, whatever is already there.
    const byline = (t: string): Finding[] => [finding([{ start: 4, end: 4, newText: 'X'.repeat(t.length > 100 ? 1 : 200) }], 'missing-byline')];
    const result = fixAll(text, byline);
    assert.equal(result.fixed, 1);
    assert.equal(result.text.length, text.length + 200);
    assert.equal(result.unapplied, 1);
  });

  it('leaves an unsafe fix, and a fix whose edits collide with each other, to a person', () => {
    const text = 'a b';
    const analyse = (): Finding[] => [
      finding([{ start: 1, end: 2, newText: '' }], 'orphaned-continuation', false),
      finding([
        { start: 0, end: 2, newText: 'x' },
        { start: 1, end: 3, newText: 'y' },
      ]),
    ];
    const result = fixAll(text, analyse);
    assert.equal(result.text, text);
    assert.deepEqual(result.edits, []);
    assert.equal(result.unapplied, 1);
  });

  it('fixes one rule only when asked', () => {
    const text = readCorpusPage();
    const analyse = (t: string) => analyze(t, { segmenter: jieba() }).findings;
    const result = fixAll(text, analyse, { rule: 'broken-wrap' });
    // Ten cuts are certain; the five the reader barely chose stay for a person.
    assert.equal(result.fixed, 10);
    const left = analyse(result.text);
    const cuts = left.filter((f) => f.rule === 'broken-wrap');
    assert.equal(cuts.length, 5);
    assert.ok(cuts.every((f) => f.fixes.every((x) => !x.safe)));
    assert.equal(left.filter((f) => f.rule === 'halfwidth-punctuation').length, 1);
  });
});

describe('compose', () => {
  /** Sorted, non-overlapping random edits of a text. */
  function randomEdits(random: Random, text: string): TextEdit[] {
    const edits: TextEdit[] = [];
    let at = 0;
    while (at <= text.length && edits.length < 6) {
      const start = at + random.int(4);
      if (start > text.length) break;
      const end = Math.min(text.length, start + random.int(3));
      edits.push({ start, end, newText: random.pick(['', 'x', 'yz', '中文']) });
      at = end + (end === start ? 1 : 0);
    }
    return edits;
  }

  it('gives edits against the original that make what the two rounds made, on 2,000 random cases', () => {
    const random = new Random(11);
    for (let k = 0; k < 2000; k++) {
      const original = 'abcdefghij'.slice(0, 3 + random.int(8));
      const first = randomEdits(random, original);
      const middle = applyEdits(original, first);
      const second = randomEdits(random, middle);
      const composed = compose(first, second, middle);
      assert.equal(applyEdits(original, composed), applyEdits(middle, second), `case ${k}: ${JSON.stringify({ original, first, second })}`);
      for (let i = 1; i < composed.length; i++) assert.ok(composed[i]!.start >= composed[i - 1]!.end, `case ${k}: sorted and apart`);
    }
  });
});
