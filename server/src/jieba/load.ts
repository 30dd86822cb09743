/** Chooses the segmenter for a process: nodejieba when it loads, no word evidence when it cannot. */
import { DictionaryError, loadJieba, type DictionaryChoice } from './nodejieba';
import { cachedSegmenter, noSegmenter, type Segmenter } from '../segment/segmenter';

export interface SegmenterStatus {
  readonly segmenter: Segmenter;
  readonly ready: boolean;
  /** One line for a status item or stderr. */
  readonly message: string;
  readonly millis: number;
}

export function loadSegmenter(dictDir: string, dictionary: DictionaryChoice = 'trimmed', userWords: readonly string[] = []): SegmenterStatus {
  const t0 = performance.now();
  try {
    const loaded = loadJieba({ dictDir, dictionary, userWords });
    return {
      segmenter: cachedSegmenter(loaded.segmenter),
      ready: true,
      message: `word segmentation ready (${loaded.dictionary} dictionary, ${loaded.words} words, ${Math.round(loaded.millis)} ms)`,
      millis: loaded.millis,
    };
  } catch (err) {
    const reason = err instanceof DictionaryError ? err.message : err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return {
      segmenter: noSegmenter,
      ready: false,
      message: `word segmentation unavailable, cuts are found from punctuation alone: ${reason}`,
      millis: performance.now() - t0,
    };
  }
}
