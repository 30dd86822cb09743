/**
 * Word boundaries for labelling planted cuts as mid-word or between words:
 * jieba's full dictionary and its maximum-probability path over the word
 * graph, without the HMM. It runs in the harness only, apart from the
 * segmenter the analysis uses (the trimmed dictionary, through nodejieba), so
 * the label does not come from the thing being measured.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export class Words {
  private readonly freq = new Map<string, number>();
  private readonly logTotal: number;
  private readonly maxLen: number;

  constructor(path = Words.defaultPath()) {
    let total = 0;
    let maxLen = 1;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const [word, f] = line.split(' ');
      if (!word || !f) continue;
      const n = Number(f);
      this.freq.set(word, (this.freq.get(word) ?? 0) + n);
      total += n;
      if (word.length > maxLen) maxLen = word.length;
    }
    this.logTotal = Math.log(total);
    this.maxLen = Math.min(maxLen, 16);
  }

  static defaultPath(): string {
    const require = createRequire(__filename);
    return join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');
  }

  /** Offsets (0 < b < text.length) where the best segmentation puts a word boundary. */
  boundaries(text: string): Set<number> {
    const n = text.length;
    const best = new Float64Array(n + 1).fill(-Infinity);
    const next = new Int32Array(n + 1);
    best[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      // A single character is always a word, at the dictionary's floor when unknown.
      for (let len = 1; len <= this.maxLen && i + len <= n; len++) {
        const w = text.slice(i, i + len);
        const f = this.freq.get(w);
        if (f === undefined && len > 1) continue;
        const score = Math.log(f ?? 1) - this.logTotal + best[i + len]!;
        if (score > best[i]!) {
          best[i] = score;
          next[i] = i + len;
        }
      }
    }
    const out = new Set<number>();
    for (let i = 0; i < n; i = next[i]!) if (i > 0) out.add(i);
    return out;
  }
}
