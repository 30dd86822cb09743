/**
 * nodejieba behind the Segmenter interface. cppjieba aborts the whole
 * process on a missing or malformed dictionary file, so every file is
 * checked here before it is handed over, and user words are added one by one
 * with insertWord instead of as a file cppjieba would parse.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Segmenter } from '../segment/segmenter';
import { t } from '../l10n/t';

export type DictionaryChoice = 'trimmed' | 'full';

export interface JiebaOptions {
  /** Folder holding the trimmed dictionary built by server/scripts/trim-dictionary.mjs. */
  readonly dictDir: string;
  readonly dictionary: DictionaryChoice;
  /** Extra words (names of people and places) to add. */
  readonly userWords?: readonly string[];
}

export interface LoadedSegmenter {
  readonly segmenter: Segmenter;
  readonly dictionary: DictionaryChoice;
  readonly words: number;
  readonly millis: number;
}

interface NodeJieba {
  load(dicts: Record<string, string>): unknown;
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): Array<{ word: string; tag: string }>;
  insertWord(word: string): boolean;
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
}

export class DictionaryError extends Error {}

/** Checks a dictionary file line by line in the form cppjieba expects: word, frequency, tag. */
function checkDictionary(path: string, columns: number): number {
  if (!existsSync(path)) throw new DictionaryError(t`dictionary not found: ${path}`);
  if (statSync(path).size === 0) throw new DictionaryError(t`dictionary is empty: ${path}`);
  const text = readFileSync(path, 'utf8');
  if (text.includes('\uFFFD')) throw new DictionaryError(t`dictionary is not valid UTF-8: ${path}`);
  let n = 0;
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    const cols = line.split(' ');
    if (cols.length !== columns || !/^\d+$/.test(cols[1] ?? '')) {
      throw new DictionaryError(t`dictionary line ${n + 1} is malformed in ${path}`);
    }
    n++;
  }
  return n;
}

/** Checks the trimmed dictionary against the manifest written when it was built: cheaper than parsing it. */
function checkTrimmed(dir: string): number {
  const path = join(dir, 'jieba.trimmed.utf8');
  let manifest: { words?: unknown; bytes?: unknown; sha256?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as typeof manifest;
  } catch {
    throw new DictionaryError(t`dictionary manifest missing or unreadable in ${dir}`);
  }
  if (!existsSync(path)) throw new DictionaryError(t`dictionary not found: ${path}`);
  const bytes = readFileSync(path);
  if (bytes.length !== manifest.bytes || createHash('sha256').update(bytes).digest('hex') !== manifest.sha256) {
    throw new DictionaryError(t`dictionary does not match its manifest (damaged or replaced): ${path}`);
  }
  return typeof manifest.words === 'number' ? manifest.words : 0;
}

function checkReadable(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) throw new DictionaryError(t`dictionary file missing or empty: ${path}`);
}

/** Words a user may add: one per line, the first column, ideographs and a few joiners. */
export function parseUserWords(text: string): { words: string[]; rejected: number } {
  const words: string[] = [];
  let rejected = 0;
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const word = raw.trim().split(/\s+/)[0] ?? '';
    if (word === '' || word.startsWith('#')) continue;
    if (word.length <= 16 && /^[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9·]+$/.test(word)) words.push(word);
    else rejected++;
  }
  return { words, rejected };
}

let loaded: { jieba: NodeJieba; dictionary: DictionaryChoice; words: number; inserted: Set<string> } | undefined;

/**
 * Loads nodejieba once per process (it is a process-wide singleton) and
 * returns a segmenter over it. Throws DictionaryError or the native load
 * error; callers fall back to no segmentation.
 */
export function loadJieba(options: JiebaOptions): LoadedSegmenter {
  const t0 = performance.now();
  // Required here, not imported: a native module that cannot load on this machine must fail inside the try of loadSegmenter.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jieba = require('nodejieba') as NodeJieba;
  if (!loaded || loaded.dictionary !== options.dictionary) {
    const dir = options.dictDir;
    const dict = options.dictionary === 'full' ? jieba.DEFAULT_DICT : join(dir, 'jieba.trimmed.utf8');
    const hmm = join(dir, 'hmm_model.utf8');
    const words = options.dictionary === 'full' ? checkDictionary(dict, 3) : checkTrimmed(dir);
    checkReadable(hmm);
    for (const f of ['idf.utf8', 'stop_words.utf8']) checkReadable(join(dir, f));
    jieba.load({
      dict,
      hmmDict: hmm,
      userDict: join(dir, 'user.utf8'),
      idfDict: join(dir, 'idf.utf8'),
      stopWordDict: join(dir, 'stop_words.utf8'),
    });
    loaded = { jieba, dictionary: options.dictionary, words, inserted: new Set() };
  }
  const state = loaded;
  for (const w of options.userWords ?? []) {
    if (!state.inserted.has(w)) {
      jieba.insertWord(w);
      state.inserted.add(w);
    }
  }
  return {
    // Without the HMM, unknown words are not guessed: only dictionary words can straddle a break.
    segmenter: { cut: (text) => jieba.cut(text, false), tag: (text) => jieba.tag(text) },
    dictionary: state.dictionary,
    words: state.words + state.inserted.size,
    millis: performance.now() - t0,
  };
}
