/**
 * Word segmentation behind one small interface: the page model asks only
 * whether a word straddles a line break, so rules can be tested with a fake
 * and the real dictionary can load once, off the hot path.
 */
export interface Segmenter {
  /** Words of a short window of text, in order, covering it exactly. */
  cut(text: string): readonly string[];
}

/** The segmenter to use before the dictionary is ready, or when it cannot load: no word evidence at all. */
export const noSegmenter: Segmenter = {
  cut: (text) => Array.from(text),
};

export interface Straddle {
  /** The whole word that crosses the break. */
  readonly word: string;
  /** How many of its characters stand before the break. */
  readonly split: number;
}

/**
 * The word that crosses the boundary between `before` and `after` when both
 * are segmented together, if any. Only two-or-more character words count, and
 * only when both sides keep at least one character, which is what a cut word is.
 */
export function straddlingWord(segmenter: Segmenter, before: string, after: string): Straddle | undefined {
  if (before.length === 0 || after.length === 0) return undefined;
  const words = segmenter.cut(before + after);
  let pos = 0;
  for (const word of words) {
    const end = pos + word.length;
    if (pos < before.length && end > before.length) {
      return word.length >= 2 ? { word, split: before.length - pos } : undefined;
    }
    if (end >= before.length) return undefined;
    pos = end;
  }
  return undefined;
}

/** A segmenter that remembers windows it has seen: breaks repeat on every keystroke. */
export function cachedSegmenter(inner: Segmenter, capacity = 20000): Segmenter {
  const cache = new Map<string, readonly string[]>();
  return {
    cut(text) {
      let words = cache.get(text);
      if (words === undefined) {
        words = inner.cut(text);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
        cache.set(text, words);
      }
      return words;
    },
  };
}
