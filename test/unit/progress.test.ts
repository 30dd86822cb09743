/** The checker's progress line: on a terminal only, after a moment, redrawn in place, cleared at the end. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Progress } from '../../server/src/cli/progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (t: string) => written.push(t) };
}

describe('progress on stderr', () => {
  it('draws files done and findings so far on a terminal, then clears the line', () => {
    let now = 0;
    const s = stream(true);
    const p = new Progress(s, 3, () => now);
    p.add(2);
    assert.deepEqual(s.written, [], 'nothing in the first moments: a quick run shows no progress');
    now = 400;
    p.add(5);
    assert.deepEqual(s.written, ['\r\x1b[Knewsprint: 2/3 files checked, 7 findings so far']);
    now = 450;
    p.add(0);
    assert.equal(s.written.length, 1, 'redrawn at most every 100 ms');
    p.finish();
    assert.equal(s.written[1], '\r\x1b[K');
  });

  it('stays silent on a pipe or a file', () => {
    let now = 0;
    const s = stream(false);
    const p = new Progress(s, 100, () => now);
    for (let i = 0; i < 100; i++) {
      now += 50;
      p.add(1);
    }
    p.finish();
    assert.deepEqual(s.written, []);
  });
});
