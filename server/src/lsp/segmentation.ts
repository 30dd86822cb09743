/**
 * The server's segmenter: loaded once, with the dictionary the settings
 * choose and the user's extra words. The first page opened does not wait
 * for it: it is read on punctuation evidence and shown at once, the
 * dictionary loads once that is answered, and what was read without it is
 * read again. A dictionary that cannot load leaves the server working on
 * punctuation evidence, said once.
 */
import { readFileSync } from 'node:fs';
import { LogMessageNotification, MessageType, type Connection } from 'vscode-languageserver';
import { parseUserWords, type DictionaryChoice } from '../jieba/nodejieba';
import { loadSegmenter } from '../jieba/load';
import { STATUS_NOTIFICATION, type StatusParams } from '../protocol';
import { noSegmenter, type Segmenter } from '../segment/segmenter';
import { t } from '../l10n/t';

export class SegmentationService {
  private segmenter: Segmenter = noSegmenter;
  private loadedWith: string | undefined;
  private failed = false;
  /** The first load, left until the page that asked has been answered, and the settings it loads. */
  private pending = false;
  private wanted: { dictionary: DictionaryChoice; userDictionary: string } | undefined;
  private readonly listeners: Array<() => void> = [];
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

  /** Called once a dictionary has loaded (or failed to) after pages were read with the segmenter it replaces. */
  onLoaded(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * The segmenter for these settings, loading or reloading nodejieba when
   * they changed. `wait`: the caller needs words now (fix-all, pages on
   * disk); without it, the first load is left until what asked has been
   * answered, and until then the segmenter has no words.
   */
  get(dictionary: DictionaryChoice, userDictionary: string, wait = true): Segmenter {
    const key = `${dictionary}\0${userDictionary}`;
    if (this.failed || key === this.loadedWith) return this.segmenter;
    if (!wait && this.loadedWith === undefined) {
      this.wanted = { dictionary, userDictionary };
      if (!this.pending) {
        this.pending = true;
        void this.connection.sendNotification(STATUS_NOTIFICATION, {
          segmentation: 'loading',
          message: t('loading the dictionary: until it is ready, pages are read on punctuation alone'),
        } satisfies StatusParams);
        // Messages go out in order, each a turn of the event loop later: once a line logged after what asked is written, so is the answer.
        setImmediate(() => {
          void this.connection.sendNotification(LogMessageNotification.type, { type: MessageType.Log, message: t('Newsprint: loading the dictionary') }).then(() => {
            if (this.pending && this.wanted) this.load(this.wanted.dictionary, this.wanted.userDictionary);
          });
        });
      }
      return this.segmenter;
    }
    this.load(dictionary, userDictionary);
    return this.segmenter;
  }

  private load(dictionary: DictionaryChoice, userDictionary: string): void {
    this.pending = false;
    this.wanted = undefined;
    this.loadedWith = `${dictionary}\0${userDictionary}`;
    const status = loadSegmenter(this.dictDir, dictionary, this.userWords(userDictionary));
    this.segmenter = status.segmenter;
    if (!status.ready) {
      // A native module that failed once fails again: no reload loop.
      this.failed = true;
      this.warnOnce('segmentation', t`Newsprint: ${status.message}`);
    } else {
      this.connection.console.info(t`Newsprint: ${status.message}`);
    }
    void this.connection.sendNotification(STATUS_NOTIFICATION, {
      segmentation: status.ready ? 'ready' : 'unavailable',
      message: status.message,
    } satisfies StatusParams);
    for (const listener of this.listeners) listener();
  }
}
