/** Segmenters for tests: the real nodejieba (trimmed dictionary, as shipped) and a fake with a word list. */
import { loadSegmenter } from '../../server/src/jieba/load';
import type { Segmenter } from '../../server/src/segment/segmenter';
import { DICT_DIR } from './repo';

let real: Segmenter | undefined;

export function jieba(): Segmenter {
  if (!real) {
    const status = loadSegmenter(DICT_DIR, 'trimmed');
    if (!status.ready) throw new Error(status.message);
    real = status.segmenter;
  }
  return real;
}

/** Longest-match segmentation over a fixed word list: enough to test rules without the dictionary. */
export function fakeSegmenter(words: readonly string[]): Segmenter {
  const set = new Set(words);
  const max = Math.max(1, ...words.map((w) => w.length));
  return {
    cut(text) {
      const out: string[] = [];
      let i = 0;
      while (i < text.length) {
        let len = Math.min(max, text.length - i);
        while (len > 1 && !set.has(text.slice(i, i + len))) len--;
        out.push(text.slice(i, i + len));
        i += len;
      }
      return out;
    },
  };
}
