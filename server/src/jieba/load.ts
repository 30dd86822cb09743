/** Chooses the segmenter for a process: nodejieba when it loads, no word evidence when it cannot, and why. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DictionaryError, loadJieba, type DictionaryChoice } from './nodejieba';
import { t } from '../l10n/t';
import { cachedSegmenter, noSegmenter, type Segmenter } from '../segment/segmenter';

/** This machine as package targets name it: linux-x64, alpine-x64, darwin-arm64. */
function here(): string {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  const musl = process.platform === 'linux' && !report?.header?.glibcVersionRuntime;
  return `${musl ? 'alpine' : process.platform}-${process.arch === 'arm' ? 'armhf' : process.arch}`;
}

/** What the build wrote about the platform nodejieba's binary was compiled for (server/out/build.json), if it can be read. */
function builtFor(dictDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(dictDir, '..', 'build.json'), 'utf8')) as { platform?: string }).platform;
  } catch {
    return undefined;
  }
}

/**
 * Why segmentation is unavailable, in one line for the status item and the
 * log. A native module that does not load where the package was not built
 * says so: the package installs anywhere, but its binary runs only on the
 * platform it was built for.
 */
export function unavailableMessage(reason: string, built: string | undefined, machine: string, native: boolean): string {
  if (native && built && built !== machine)
    return t`word segmentation unavailable, cuts are found from punctuation alone: nodejieba's native module was built for ${built}, and this machine is ${machine} (install the package for ${machine}, or build Newsprint here): ${reason}`;
  return t`word segmentation unavailable, cuts are found from punctuation alone: ${reason}`;
}

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
      message: t`word segmentation ready (${loaded.dictionary} dictionary, ${loaded.words} words, ${Math.round(loaded.millis)} ms)`,
      millis: loaded.millis,
    };
  } catch (err) {
    const native = !(err instanceof DictionaryError);
    const reason = !native ? err.message : err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return {
      segmenter: noSegmenter,
      ready: false,
      message: unavailableMessage(reason, builtFor(dictDir), here(), native),
      millis: performance.now() - t0,
    };
  }
}
