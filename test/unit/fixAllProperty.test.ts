/** Fix-all on random text: lossless (only the documented changes) and idempotent, whatever the input. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/fixes/edits';
import { fixAll } from '../../server/src/fixes/fixAll';
import { ROOT, readCorpusPage } from '../helpers/repo';
import { Random, randomEdit } from '../helpers/random';
import { jieba } from '../helpers/segmenters';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };
const INSERTED = /[\u4e00-\u9fff]{2,8}讯（记者 ）/g;
const visible = (t: string) =>
  t
    .replace(INSERTED, '')
    .replace(/[\s\u3000\u00a0\ufeff]/g, '')
    .replace(/[,;:()!?]/g, (c) => FULL[c]!);

describe('fix-all on random text', () => {
  const seeds = [readCorpusPage(), readFileSync(join(ROOT, 'test', 'pages', 'rmrb-01.txt'), 'utf8'), readFileSync(join(ROOT, 'test', 'pages', 'defects.txt'), 'utf8')];
  const random = new Random(7);
  const CASES = 300;

  it(`is lossless and idempotent on ${CASES} mutated pages`, () => {
    for (let k = 0; k < CASES; k++) {
      let text = random.pick(seeds);
      for (let n = 1 + random.int(30); n > 0; n--) {
        const e = randomEdit(random, text);
        text = text.slice(0, e.start) + e.newText + text.slice(e.end);
      }
      const analyse = (t: string) => analyze(t, { segmenter: jieba() }).findings;
      const result = fixAll(text, analyse);
      const fixed = result.text;
      assert.equal(applyEdits(text, result.edits), fixed, `case ${k}: the edits against the original make the fixed text`);
      assert.equal(visible(fixed), visible(text), `case ${k}: fix-all keeps every character`);
      assert.deepEqual(fixAll(fixed, analyse).edits, [], `case ${k}: a second fix-all changes nothing`);
    }
  });
});
