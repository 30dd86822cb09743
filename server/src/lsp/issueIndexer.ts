/**
 * Keeps the issue index of the workspace: page files read from disk in the
 * background with work-done progress, re-read when they change on disk, and
 * overridden by their open documents. Nothing waits for it: requests answer
 * with what is indexed so far. When a page's jumps change, the open pages of
 * its issue are named to the server so their diagnostics are refreshed.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type Connection, type Diagnostic, type FileEvent, type TextDocuments, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../analysis';
import type { CrossPageOptions } from '../issue/crossPage';
import { crossPageDiagnostic } from '../diagnostics';
import { IssueIndex, type IndexChange } from '../issue/issueIndex';
import { canonicalUri } from '../workspace/uris';
import { issueMap, type IssueMap } from '../issue/issueMap';
import { folderOf } from '../issue/issues';
import { summarizeFile } from '../issue/pageSummary';
import { matchPageLine } from '../model/conventions';
import { pageRefFromFileName } from '../model/pageNames';
import { orphanedContinuation } from '../rules/orphanedContinuation';
import { decode } from '../text/decode';
import { LineIndex } from '../text/positions';
import type { DocumentAnalyses, DocumentAnalysis } from './documentAnalyses';
import { analysisConfigFor, crossPageOptionsFor, fileNamePattern } from './analysisConfig';
import type { SegmentationService } from './segmentation';
import type { SettingsStore } from './settings';
import type { WorkspaceConfigService } from './workspaceConfigService';

/** Page files: the extensions the checker reads. */
export const PAGE_FILE_GLOB = '**/*.{txt,newsprint,np}';
const PAGE_FILE = /\.(?:txt|newsprint|np)$/i;
/** Files of the language by their extension: pages even when their name gives no page number. */
const LANGUAGE_FILE = /\.(?:newsprint|np|np\.txt)$/i;
/** A workspace with more page files than this is an archive; the index stops there and says so. */
const MAX_FILES = 20_000;
/** A page is tens of kilobytes; a larger .txt is something else. */
const MAX_BYTES = 8 * 1024 * 1024;
/**
 * Open documents up to this size are re-indexed with every analysis, so
 * their cross-page findings always sit on the current lines. Larger ones
 * (one-file issues of a whole day) are re-indexed when typing pauses, so a
 * keystroke only re-reads the page it touched.
 */
const SYNC_CHARS = 128 * 1024;
const PAUSE_MS = 300;
/** Progress reports at most this often. */
const REPORT_MS = 150;
/** Files read ahead while one is analysed, so the disk's latency hides behind the analysis. */
const READ_AHEAD = 8;

export interface IndexerHost {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly analyses: DocumentAnalyses;
  readonly settings: SettingsStore;
  readonly segmentation: SegmentationService;
  readonly configs: WorkspaceConfigService;
}

export interface IndexerEvents {
  /** Open documents whose cross-page findings may have changed. */
  linked(uris: readonly string[]): void;
  /** The issue map changed; `indexing` says whether a scan is still running. */
  mapChanged(indexing: boolean): void;
}

function hasPageLine(text: string): boolean {
  // Page lines are short lines of their own; a cheap pre-check keeps long .txt files of other kinds fast.
  for (const line of text.split(/\r\n|\r|\n/)) {
    const t = line.trim();
    if (t.length > 0 && t.length <= 30 && /[版A-Z]/.test(t) && matchPageLine(t)) return true;
  }
  return false;
}

/** A file's bytes, or undefined when it is gone or too large to be a page. */
async function readPageFile(path: string): Promise<Buffer | undefined> {
  try {
    const st = await stat(path);
    if (!st.isFile() || st.size > MAX_BYTES) return undefined;
    return await readFile(path);
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
    } else if (e.isFile() && PAGE_FILE.test(e.name)) out.push(full);
  }
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

export class IssueIndexer {
  readonly index = new IssueIndex(canonicalUri);
  private readonly options = new Map<string, CrossPageOptions>();
  /** The analysis each open document was last indexed from: the same one is never indexed twice. */
  private readonly indexedFrom = new Map<string, DocumentAnalysis>();
  /** Files read from disk by the last scan or since, by canonical URI. */
  private readonly onDisk = new Set<string>();
  /** Per file, the latest disk read started: an older read that finishes later is dropped. */
  private readonly reads = new Map<string, number>();
  private readonly paused = new Map<string, ReturnType<typeof setTimeout>>();
  private folders: string[] = [];
  private generation = 0;
  private scanning = false;
  private readSeq = 0;

  constructor(
    private readonly host: IndexerHost,
    private readonly events: IndexerEvents,
  ) {}

  /** The workspace folders to index at the next rescan. */
  setFolders(uris: readonly string[]): void {
    this.folders = [...uris];
  }

  /** Reads every page file of the workspace again, in the background. */
  rescan(): void {
    const generation = ++this.generation;
    void this.scan(generation).catch((err: unknown) => this.host.connection.console.error(`Newsprint: indexing failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
  }

  private isOpen(key: string): boolean {
    return this.host.documents.all().some((d) => canonicalUri(d.uri) === key);
  }

  private async scan(generation: number): Promise<void> {
    this.scanning = true;
    const progress: WorkDoneProgressServerReporter = await this.host.connection.window.createWorkDoneProgress();
    const started = performance.now();
    try {
      progress.begin('Newsprint: indexing issues', 0, 'looking for page files', false);
      const paths: string[] = [];
      for (const folder of this.folders) {
        const root = pathOf(folder);
        if (root) await walk(root, 0, paths);
      }
      if (generation !== this.generation) return;
      if (paths.length >= MAX_FILES) this.host.connection.console.warn(`Newsprint: the workspace has more than ${MAX_FILES} page files; the issue index holds the first ${MAX_FILES}.`);
      const seen = new Set<string>();
      let lastReport = 0;
      let pages = 0;
      const ahead = new Map<number, Promise<Buffer | undefined>>();
      for (let i = 0; i < paths.length; i++) {
        if (generation !== this.generation) return;
        for (let k = i; k < Math.min(paths.length, i + READ_AHEAD); k++) if (!ahead.has(k)) ahead.set(k, readPageFile(paths[k]!));
        const read = ahead.get(i)!;
        ahead.delete(i);
        const uri = pathToFileURL(paths[i]!).href;
        seen.add(canonicalUri(uri));
        if (!this.isOpen(canonicalUri(uri)) && (await this.readFromDisk(uri, read))) pages++;
        const now = performance.now();
        if (now - lastReport > REPORT_MS) {
          lastReport = now;
          progress.report(Math.floor((100 * (i + 1)) / paths.length), `${i + 1}/${paths.length} files`);
          this.events.mapChanged(true);
        }
        await yieldToRequests();
      }
      // Files of an earlier scan that are gone now (a folder removed from the workspace).
      for (const key of [...this.onDisk]) {
        if (!seen.has(key) && !this.isOpen(key)) this.forget(key);
      }
      const seconds = (performance.now() - started) / 1000;
      this.host.connection.console.info(`Newsprint: indexed ${pages} page files of ${paths.length} files in ${seconds.toFixed(2)} s; ${this.index.issues().length} issues.`);
    } finally {
      progress.done();
      if (generation === this.generation) {
        this.scanning = false;
        this.events.mapChanged(false);
        this.events.linked(this.host.documents.all().map((d) => d.uri));
      }
    }
  }

  /**
   * Where a page's settings are read: editors set resource settings per
   * workspace folder, so one request serves every page under it instead of
   * one round trip per issue folder.
   */
  private settingsScope(uri: string): string {
    const key = canonicalUri(uri);
    return this.folders.filter((f) => key.startsWith(canonicalUri(f).replace(/\/?$/, '/'))).sort((a, b) => b.length - a.length)[0] ?? folderOf(uri);
  }

  private forget(key: string): void {
    this.onDisk.delete(key);
    this.options.delete(key);
    this.indexedFrom.delete(key);
    this.apply(this.index.delete(key), key);
  }

  /**
   * Reads one file from disk into the index (from `read`, when the scan read
   * it ahead); false when it is not a page file, which leaves the index.
   */
  private async readFromDisk(uri: string, read?: Promise<Buffer | undefined>): Promise<boolean> {
    const key = canonicalUri(uri);
    const seq = ++this.readSeq;
    this.reads.set(key, seq);
    const path = pathOf(uri)!;
    const stale = () => this.reads.get(key) !== seq || this.isOpen(key);
    const bytes = await (read ?? readPageFile(path));
    if (!bytes) {
      if (!stale()) this.forget(key);
      return false;
    }
    const settings = await this.host.settings.get(this.settingsScope(uri));
    if (stale()) return false;
    const decoded = decode(bytes);
    const pageRef = pageRefFromFileName(path, fileNamePattern(settings));
    if (!decoded.ok || !(pageRef || LANGUAGE_FILE.test(path) || hasPageLine(decoded.text))) {
      if (this.index.get(key)) this.forget(key);
      return false;
    }
    const segmenter = this.host.segmentation.get(settings.dictionary, settings.userDictionary);
    const analysis = analyze(decoded.text, { segmenter, config: analysisConfigFor(uri, settings, this.host.configs), ...(pageRef ? { pageRef } : {}) });
    this.onDisk.add(key);
    this.indexedFrom.delete(key);
    this.options.set(key, crossPageOptionsFor(uri, settings, this.host.configs));
    this.apply(this.index.set(summarizeFile(uri, analysis, new LineIndex(analysis.model.lines))), key);
    return true;
  }

  /** Indexes an open document's analysis, unless this very analysis is indexed already. */
  private indexAnalysis(result: DocumentAnalysis): void {
    const key = canonicalUri(result.uri);
    if (this.indexedFrom.get(key) === result) return;
    this.indexedFrom.set(key, result);
    this.onDisk.delete(key);
    this.options.set(key, crossPageOptionsFor(result.uri, result.settings, this.host.configs));
    this.apply(this.index.set(summarizeFile(result.uri, result.analysis, result.index, result.version)), key);
  }

  private apply(change: IndexChange, key: string): void {
    if (change.issues.length === 0) return;
    this.events.mapChanged(this.scanning);
    if (!change.linksChanged) return;
    const issues = new Set(change.issues);
    const linked = this.host.documents.all().filter((d) => {
      const k = canonicalUri(d.uri);
      const issue = this.index.issueIdOf(d.uri);
      return k !== key && issue !== undefined && issues.has(issue);
    });
    if (linked.length > 0) this.events.linked(linked.map((d) => d.uri));
  }

  /** The index holds this open document as it is now: for navigation, which must land on current lines. */
  async current(doc: TextDocument): Promise<void> {
    const result = await this.host.analyses.get(doc);
    if (this.host.documents.get(doc.uri)?.version === result.version) this.indexAnalysis(result);
  }

  /** An open document changed: index it once typing pauses, for pages whose diagnostics are not pulled. */
  documentChanged(doc: TextDocument): void {
    const timer = this.paused.get(doc.uri);
    if (timer) clearTimeout(timer);
    this.paused.set(
      doc.uri,
      setTimeout(() => {
        this.paused.delete(doc.uri);
        const current = this.host.documents.get(doc.uri);
        if (current) void this.current(current).catch(() => undefined);
      }, PAUSE_MS),
    );
  }

  /** An open document closed: the index goes back to the file on disk, or forgets an unsaved one. */
  documentClosed(uri: string): void {
    const timer = this.paused.get(uri);
    if (timer) clearTimeout(timer);
    this.paused.delete(uri);
    const key = canonicalUri(uri);
    this.indexedFrom.delete(key);
    if (pathOf(uri) && this.folders.some((f) => key.startsWith(canonicalUri(f) + '/'))) void this.readFromDisk(uri);
    else this.forget(key);
  }

  /** Page files created, changed or deleted on disk; open documents keep what the editor holds. */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const c of changes) {
      if (!PAGE_FILE.test(c.uri) || !pathOf(c.uri)) continue;
      const key = canonicalUri(c.uri);
      if (this.isOpen(key)) continue;
      if (c.type === FileChangeType.Deleted) {
        this.reads.set(key, ++this.readSeq);
        if (this.index.get(key)) this.forget(key);
      } else void this.readFromDisk(c.uri);
    }
  }

  crossPageOptions(uri: string): CrossPageOptions {
    return this.options.get(canonicalUri(uri)) ?? { level: orphanedContinuation.defaultSeverity, missingPage: 'off' };
  }

  /**
   * Cross-page diagnostics of an open document, from its analysis. A small
   * document is indexed from this analysis first; a large one keeps the
   * findings of its last indexed version until typing pauses.
   */
  diagnostics(result: DocumentAnalysis): Diagnostic[] {
    const doc = this.host.documents.get(result.uri);
    if (doc && doc.getText().length <= SYNC_CHARS) this.indexAnalysis(result);
    else if (doc) this.documentChanged(doc);
    return this.index.crossPageFindings(result.uri, this.crossPageOptions(result.uri)).map(crossPageDiagnostic);
  }

  map(): IssueMap {
    return issueMap(this.index, (uri) => this.crossPageOptions(uri), this.scanning);
  }
}
