/**
 * Checking many files on every core: worker threads, each with its own
 * segmenter, take issues (the files of one folder) from one queue, so the
 * jumps between pages are linked where the pages were read and only
 * finished reports travel back. Results are put back in the order of the
 * files given, so the output is the same however the work was shared. Few
 * files are checked on the main thread: starting a worker and loading its
 * dictionary costs more than a handful of pages.
 */
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { loadSegmenter } from '../jieba/load';
import type { DictionaryChoice } from '../jieba/nodejieba';
import { ConfigFinder } from '../workspace/configFinder';
import { useLocale } from '../l10n/locale';
import { checkIssue, type CheckedFile, type CheckOptions, type CheckTarget } from './checkIssue';

/** Below this many files, workers are not worth their start-up. */
export const WORKER_THRESHOLD = 32;
/**
 * Issues each worker holds ahead: while the main thread takes in one result,
 * the worker is already checking the next issue instead of waiting for it.
 */
const AHEAD = 2;

export interface PoolOptions extends CheckOptions {
  readonly dictionary: DictionaryChoice;
  /** Threads to use: 1 checks on the main thread; undefined picks one per 1.5 cores when there are many files. */
  readonly jobs?: number;
  /** The script a worker runs (the bundled checker); without it everything runs on the main thread. */
  readonly workerScript?: string;
  /** The language findings are worded in, for workers, which start with none chosen. */
  readonly locale?: string;
}

interface WorkerInput {
  readonly options: CheckOptions;
  readonly locale: string | undefined;
  readonly dictionary: DictionaryChoice;
  readonly dictDir: string;
}

type ToWorker = { readonly index: number; readonly files: readonly CheckTarget[] } | { readonly done: true };
type FromWorker =
  | { readonly index: number; readonly results: CheckedFile[] }
  /** Sent once, first: why segmentation did not load, if it did not. */
  | { readonly segmentation: string | undefined }
  | { readonly failed: string };

export interface Checked {
  /** In the order of the files given. */
  readonly results: CheckedFile[];
  /** Why word segmentation did not load, said once however many threads tried. */
  readonly segmentation?: string;
}

/**
 * Cores one checking thread keeps busy: its own, and about half another for
 * V8's collector and compiler threads (on 2 cores, the month's 396 pages took
 * 3.4 s of CPU in 2.35 s on one thread, and two workers were no faster, with
 * 75 MB more memory).
 */
const CORES_PER_THREAD = 1.5;

/** Threads for a run: one per one and a half cores, so a 2-core machine checks on the main thread. */
export function defaultThreads(cores: number): number {
  return Math.max(1, Math.floor(cores / CORES_PER_THREAD));
}

export function threadsFor(files: number, options: PoolOptions): number {
  if (!options.workerScript) return 1;
  if (options.jobs !== undefined) return Math.max(1, Math.min(options.jobs, files));
  return files >= WORKER_THRESHOLD ? Math.max(1, Math.min(defaultThreads(availableParallelism()), files)) : 1;
}

/** The files of each folder, folders in the order they first appear. */
export function issuesOf(files: readonly CheckTarget[]): CheckTarget[][] {
  const groups = new Map<string, CheckTarget[]>();
  for (const f of files) {
    const dir = dirname(f.path);
    const g = groups.get(dir);
    if (g) g.push(f);
    else groups.set(dir, [f]);
  }
  return [...groups.values()];
}

/**
 * Checks every file, issue by issue; `onIssue` is called as each issue
 * finishes (in any order), and the results are returned in the order of `files`.
 */
export async function checkAll(files: readonly CheckTarget[], options: PoolOptions, dictDir: string, onIssue: (results: readonly CheckedFile[]) => void): Promise<Checked> {
  const threads = threadsFor(files.length, options);
  const groups = issuesOf(files);
  const done: CheckedFile[][] = [];
  let segmentation: string | undefined;
  const ordered = (): Checked => {
    const byFile = new Map(done.flat().map((r) => [r.file, r]));
    return { results: files.map((f) => byFile.get(f.path)!), ...(segmentation ? { segmentation } : {}) };
  };
  const check: CheckOptions = {
    fix: options.fix,
    missingPage: options.missingPage,
    ...(options.preview ? { preview: options.preview } : {}),
    ...(options.maxProblems !== undefined ? { maxProblems: options.maxProblems } : {}),
    ...(options.withFixes ? { withFixes: true } : {}),
  };
  if (threads <= 1) {
    const seg = loadSegmenter(dictDir, options.dictionary);
    if (!seg.ready) segmentation = seg.message;
    const finder = new ConfigFinder();
    for (let i = 0; i < groups.length; i++) {
      done[i] = checkIssue(groups[i]!, check, seg.segmenter, finder);
      onIssue(done[i]!);
      // Let a progress line draw between issues.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return ordered();
  }
  let next = 0;
  const input: WorkerInput = { options: check, locale: options.locale, dictionary: options.dictionary, dictDir };
  const workers = Array.from({ length: threads }, () => new Worker(options.workerScript!, { workerData: input }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let finished = false;
            const feed = () => {
              if (finished) return;
              finished = next >= groups.length;
              const message: ToWorker = finished ? { done: true } : { index: next, files: groups[next++]! };
              worker.postMessage(message);
            };
            worker.on('message', (m: FromWorker) => {
              if ('failed' in m) return reject(new Error(m.failed));
              if ('segmentation' in m) {
                segmentation ??= m.segmentation;
                return;
              }
              done[m.index] = m.results;
              onIssue(m.results);
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', () => resolve());
            for (let k = 0; k < AHEAD; k++) feed();
          }),
      ),
    );
  } catch (err) {
    // One failure ends the run: the others are stopped rather than left holding the process open.
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  return ordered();
}

/** The worker's side: load the dictionary once, then check issues as they come. */
export function runWorker(): void {
  const input = workerData as WorkerInput;
  useLocale(input.locale);
  const port = parentPort!;
  const seg = loadSegmenter(input.dictDir, input.dictionary);
  port.postMessage({ segmentation: seg.ready ? undefined : seg.message } satisfies FromWorker);
  const finder = new ConfigFinder();
  port.on('message', (m: ToWorker) => {
    if ('done' in m) {
      port.close();
      return;
    }
    try {
      port.postMessage({ index: m.index, results: checkIssue(m.files, input.options, seg.segmenter, finder) } satisfies FromWorker);
    } catch (err) {
      port.postMessage({ failed: `${m.files.map((f) => f.path).join(', ')}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}` } satisfies FromWorker);
    }
  });
}
