/**
 * Reads the workspace's page files from disk for the session: every file
 * with a page extension, in the background with work-done progress, and
 * again when it changes on disk. Disk reads and progress in, the session's
 * events out: what a file is, and what it changes, the session decides.
 * Nothing waits for it: requests answer with what is indexed so far.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type Connection, type FileEvent, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { decode } from '../text/decode';
import { hasPageExtension } from '../workspace/pageFiles';
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

/** A file's text, or undefined when it is gone, too large to be a page, or not text. */
async function readPageText(path: string): Promise<string | undefined> {
  try {
    const st = await stat(path);
    if (!st.isFile() || st.size > MAX_BYTES) return undefined;
    const decoded = decode(await readFile(path));
    return decoded.ok ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

async function walk(dir: string, depth: number, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (out.length >= MAX_FILES) return;
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (depth < 12) await walk(full, depth + 1, out);
    } else if (e.isFile() && hasPageExtension(e.name)) out.push(full);
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
      progress.begin('Newsprint: indexing issues', 0, 'looking for page files', false);
      const paths: string[] = [];
      for (const folder of this.folders) {
        const root = pathOf(folder);
        if (root) await walk(root, 0, paths);
      }
      if (generation !== this.generation) return;
      if (paths.length >= MAX_FILES) this.connection.console.warn(`Newsprint: the workspace has more than ${MAX_FILES} page files; the issue index holds the first ${MAX_FILES}.`);
      const seen = new Set<string>();
      let lastReport = 0;
      let pages = 0;
      const ahead = new Map<number, Promise<string | undefined>>();
      for (let i = 0; i < paths.length; i++) {
        if (generation !== this.generation) return;
        for (let k = i; k < Math.min(paths.length, i + READ_AHEAD); k++) if (!ahead.has(k)) ahead.set(k, readPageText(paths[k]!));
        const read = ahead.get(i)!;
        ahead.delete(i);
        const uri = pathToFileURL(paths[i]!).href;
        seen.add(canonicalUri(uri));
        if (await this.readFromDisk(uri, read)) pages++;
        const now = performance.now();
        if (now - lastReport > REPORT_MS) {
          lastReport = now;
          progress.report(Math.floor((100 * (i + 1)) / paths.length), `${i + 1}/${paths.length} files`);
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
  async readFromDisk(uri: string, read?: Promise<string | undefined>): Promise<boolean> {
    const key = canonicalUri(uri);
    const seq = ++this.readSeq;
    this.reads.set(key, seq);
    const path = pathOf(uri);
    if (!path) return false;
    const text = await (read ?? readPageText(path));
    if (this.reads.get(key) !== seq) return false;
    return this.session.diskFile(uri, text);
  }

  /** Page files created, changed or deleted on disk; open documents keep what the editor holds. */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const c of changes) {
      const path = pathOf(c.uri);
      if (!path || !hasPageExtension(path)) continue;
      if (c.type === FileChangeType.Deleted) {
        this.reads.set(canonicalUri(c.uri), ++this.readSeq);
        this.session.diskFile(c.uri, undefined);
      } else void this.readFromDisk(c.uri);
    }
  }
}
