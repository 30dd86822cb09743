/**
 * Reads the workspace's page files from disk for the session: every file
 * with a page extension, in the background with work-done progress, and
 * again when it changes on disk. Disk reads and progress in, the session's
 * events out: what a file is, and what it changes, the session decides.
 * Nothing waits for it: requests answer with what is indexed so far.
 */
import { lstat, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type Connection, type FileEvent, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { t } from '../l10n/t';
import { decode } from '../text/decode';
import { hasPageExtension } from '../workspace/pageFiles';
import { walkPageFiles } from '../workspace/pageWalk';
import type { WorkspaceSession } from '../workspace/session';
import { canonicalUri, pathOf } from '../workspace/uris';

/** A workspace with more page files than this is an archive; the index stops there and says so. */
const MAX_FILES = 20_000;
/** A page is tens of kilobytes; a larger .txt is something else. */
const MAX_BYTES = 8 * 1024 * 1024;
/** Progress reports at most this often. */
const REPORT_MS = 150;
/** Files read ahead while one is analysed, so the disk's latency hides behind the analysis. */
const READ_AHEAD = 8;

/** Reads from disk at once, at most: a burst of thousands of changed files must not run out of file handles. */
const CONCURRENT_READS = 16;
/** A burst of at least this many changed files is reported as work-done progress. */
const BURST = 50;

/**
 * What reading a file gave: its text; `none` when it is gone or is no page
 * to read (too large, not text, a symbolic link, which is not followed);
 * `failed` when the read itself failed (too many open files, a busy disk),
 * which says nothing about the file, so what the index has of it stays.
 */
type Read = { readonly text: string } | { readonly none: true } | { readonly failed: string };

async function readPageText(path: string): Promise<Read> {
  try {
    const st = await lstat(path);
    if (!st.isFile() || st.size > MAX_BYTES) return { none: true };
    const decoded = decode(await readFile(path));
    return decoded.ok ? { text: decoded.text } : { none: true };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { none: true } : { failed: code ?? String(err) };
  }
}

/** Runs at most `limit` of the tasks at once. */
class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

export class IssueIndexer {
  /** Per file, the latest disk read started: an older read that finishes later is dropped. */
  private readonly reads = new Map<string, number>();
  private folders: string[] = [];
  private generation = 0;
  private readSeq = 0;
  private scanning = false;
  private readonly limiter = new Limiter(CONCURRENT_READS);

  constructor(
    private readonly connection: Connection,
    private readonly session: WorkspaceSession,
    /** The scan started or ended: the issue map says whether it is still indexing. */
    private readonly scanStateChanged: () => void,
  ) {}

  get indexing(): boolean {
    return this.scanning;
  }

  /** The workspace folders to read at the next rescan. */
  setFolders(uris: readonly string[]): void {
    this.folders = [...uris];
  }

  /** Reads every page file of the workspace again, in the background. */
  rescan(): void {
    const generation = ++this.generation;
    void this.scan(generation).catch((err: unknown) =>
      this.connection.console.error(`Newsprint: indexing failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    );
  }

  private async scan(generation: number): Promise<void> {
    this.scanning = true;
    this.scanStateChanged();
    const progress: WorkDoneProgressServerReporter = await this.connection.window.createWorkDoneProgress();
    const started = performance.now();
    try {
      progress.begin(t('Newsprint: indexing issues'), 0, t('looking for page files'), false);
      const paths: string[] = [];
      let truncated = false;
      for (const folder of this.folders) {
        const root = pathOf(folder);
        if (!root) continue;
        const walked = await walkPageFiles(root, { maxFiles: MAX_FILES - paths.length, maxDepth: 12 });
        paths.push(...walked.files);
        truncated ||= walked.truncated;
      }
      if (generation !== this.generation) return;
      if (truncated) this.connection.console.warn(`Newsprint: the workspace has more than ${MAX_FILES} page files; the issue index holds the first ${MAX_FILES}.`);
      const seen = new Set<string>();
      let lastReport = 0;
      let pages = 0;
      const ahead = new Map<number, Promise<Read>>();
      for (let i = 0; i < paths.length; i++) {
        if (generation !== this.generation) return;
        for (let k = i; k < Math.min(paths.length, i + READ_AHEAD); k++)
          if (!ahead.has(k))
            ahead.set(
              k,
              this.limiter.run(() => readPageText(paths[k]!)),
            );
        const read = ahead.get(i)!;
        ahead.delete(i);
        const uri = pathToFileURL(paths[i]!).href;
        seen.add(canonicalUri(uri));
        if (await this.readFromDisk(uri, read)) pages++;
        const now = performance.now();
        if (now - lastReport > REPORT_MS) {
          lastReport = now;
          progress.report(Math.floor((100 * (i + 1)) / paths.length), t`${i + 1}/${paths.length} files`);
        }
        await yieldToRequests();
      }
      // Files of an earlier scan that are gone now (a folder removed from the workspace).
      for (const uri of this.session.diskFiles()) if (!seen.has(canonicalUri(uri))) this.session.diskFile(uri, undefined);
      const seconds = (performance.now() - started) / 1000;
      this.connection.console.info(`Newsprint: indexed ${pages} page files of ${paths.length} files in ${seconds.toFixed(2)} s; ${this.session.index.issues().length} issues.`);
    } finally {
      progress.done();
      if (generation === this.generation) {
        this.scanning = false;
        this.scanStateChanged();
      }
    }
  }

  /** Reads one file from disk into the session (from `read`, when the scan read it ahead); true when it is a page. */
  async readFromDisk(uri: string, read?: Promise<Read>): Promise<boolean> {
    const key = canonicalUri(uri);
    const seq = ++this.readSeq;
    this.reads.set(key, seq);
    const path = pathOf(uri);
    if (!path) return false;
    const result = await (read ?? this.limiter.run(() => readPageText(path)));
    if (this.reads.get(key) !== seq) return false;
    if ('failed' in result) {
      this.connection.console.warn(`Newsprint: ${path} could not be read (${result.failed}); the index keeps what it had of it.`);
      return this.session.index.get(uri) !== undefined;
    }
    return this.session.diskFile(uri, 'text' in result ? result.text : undefined);
  }

  /** Page files created, changed or deleted on disk; open documents keep what the editor holds. A burst of them is read with progress. */
  filesChanged(changes: readonly FileEvent[]): void {
    const reads: Array<Promise<boolean>> = [];
    for (const c of changes) {
      const path = pathOf(c.uri);
      if (!path || !hasPageExtension(path)) continue;
      if (c.type === FileChangeType.Deleted) {
        this.reads.set(canonicalUri(c.uri), ++this.readSeq);
        this.session.diskFile(c.uri, undefined);
      } else reads.push(this.readFromDisk(c.uri));
    }
    if (reads.length >= BURST) void this.reportBurst(reads);
  }

  private async reportBurst(reads: ReadonlyArray<Promise<boolean>>): Promise<void> {
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('Newsprint: reading changed pages', 0, `0/${reads.length} files`, false);
    let done = 0;
    let lastReport = 0;
    try {
      await Promise.all(
        reads.map((r) =>
          r.finally(() => {
            done++;
            const now = performance.now();
            if (now - lastReport > REPORT_MS) {
              lastReport = now;
              progress.report(Math.floor((100 * done) / reads.length), `${done}/${reads.length} files`);
            }
          }),
        ),
      );
    } finally {
      progress.done();
    }
  }
}
