/**
 * Word segmentation behind one small interface: the page model asks only
 * whether a word straddles a line break, so rules can be tested with a fake
 * and the real dictionary can load once, off the hot path.
 */
export interface Segmenter {
  /** Words of a short window of text, in order, covering it exactly. */
  cut(text: string): readonly string[];
  /**
   * Words with their part of speech (jieba's tags: n noun, v verb, p
   * preposition, u particle…), when the segmenter knows them: what a reader
   * uses to tell a sentence that stops from one that was cut.
   */
  tag?(text: string): readonly TaggedWord[];
}

export interface TaggedWord {
  readonly word: string;
  readonly tag: string;
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

/**
 * The parts of speech on either side of a break: of the word that ends the
 * text before it and of the word that starts the text after it, tagged in
 * one window so each is read in context. Undefined without a tagger.
 */
export function tagsAcross(segmenter: Segmenter, before: string, after: string): { before: string; after: string } | undefined {
  if (!segmenter.tag || before.length === 0 || after.length === 0) return undefined;
  const words = segmenter.tag(before + after);
  let pos = 0;
  let tail: string | undefined;
  for (const w of words) {
    const end = pos + w.word.length;
    if (end <= before.length) tail = w.tag;
    if (pos >= before.length) return tail === undefined ? undefined : { before: tail, after: w.tag };
    // A word across the break: both sides are that word.
    if (pos < before.length && end > before.length) return { before: w.tag, after: w.tag };
    pos = end;
  }
  return undefined;
}

/** A segmenter that remembers windows it has seen: breaks repeat on every keystroke. */
export function cachedSegmenter(inner: Segmenter, capacity = 20000): Segmenter {
  const remember = <T>(cache: Map<string, T>, text: string, make: () => T): T => {
    let v = cache.get(text);
    if (v === undefined) {
      v = make();
      if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
      cache.set(text, v);
    }
    return v;
  };
  const cuts = new Map<string, readonly string[]>();
  const tags = new Map<string, readonly TaggedWord[]>();
  const tag = inner.tag?.bind(inner);
  return {
    cut: (text) => remember(cuts, text, () => inner.cut(text)),
    ...(tag ? { tag: (text: string) => remember(tags, text, () => tag(text)) } : {}),
  };
}
