/**
 * The server's segmenter: loaded once, on first use, with the dictionary the
 * settings choose and the user's extra words. A dictionary that cannot load
 * leaves the server working on punctuation evidence, said once.
 */
import { readFileSync } from 'node:fs';
import type { Connection } from 'vscode-languageserver';
import { parseUserWords, type DictionaryChoice } from '../jieba/nodejieba';
import { loadSegmenter } from '../jieba/load';
import { t } from '../l10n/t';
import { STATUS_NOTIFICATION, type StatusParams } from '../protocol';
import { noSegmenter, type Segmenter } from '../segment/segmenter';

export class SegmentationService {
  private segmenter: Segmenter = noSegmenter;
  private loadedWith: string | undefined;
  private failed = false;
  private readonly warned = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly dictDir: string,
  ) {}

  private userWords(path: string): string[] {
    if (path === '') return [];
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      this.warnOnce(
        path,
        t`Newsprint: the user dictionary ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); using the built-in dictionary.`,
      );
      return [];
    }
    if (text.includes('\uFFFD') || text.includes('\0')) {
      this.warnOnce(path, t`Newsprint: the user dictionary ${path} is not UTF-8 text; using the built-in dictionary.`);
      return [];
    }
    const { words, rejected } = parseUserWords(text);
    if (rejected > 0) this.warnOnce(path + ':rejected', t`Newsprint: ${rejected} lines of the user dictionary ${path} are not words and were skipped.`);
    return words;
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    void this.connection.window.showWarningMessage(message);
    this.connection.console.warn(message);
  }

  /** The segmenter for these settings, loading or reloading nodejieba when they changed. */
  get(dictionary: DictionaryChoice, userDictionary: string): Segmenter {
    const key = `${dictionary}\0${userDictionary}`;
    if (this.failed || key === this.loadedWith) return this.segmenter;
    this.loadedWith = key;
    const status = loadSegmenter(this.dictDir, dictionary, this.userWords(userDictionary));
    this.segmenter = status.segmenter;
    if (!status.ready) {
      // A native module that failed once fails again: no reload loop.
      this.failed = true;
      this.warnOnce('segmentation', `Newsprint: ${status.message}`);
    } else {
      this.connection.console.info(`Newsprint: ${status.message}`);
    }
    void this.connection.sendNotification(STATUS_NOTIFICATION, {
      segmentation: status.ready ? 'ready' : 'unavailable',
      message: status.message,
    } satisfies StatusParams);
    return this.segmenter;
  }
}
