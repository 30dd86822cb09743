/**
 * The workspace session: what both front ends share between the analysis
 * and the files. It holds the open documents (the editor's buffers, or the
 * files the checker was given) and the pages read from disk, decides each
 * file's configuration and page number, keeps the issue index, and answers
 * with findings, cross-page findings, outlines, folds and fix-all.
 *
 * It reads no file itself but the config files: a front end hands it texts
 * (the server from the editor and from disk reads it schedules, the checker
 * from the files it was given) and listens to what changed. Each version of
 * an open document is analysed and applied to the index once, by `settle`,
 * the first time anything asks for it; what asks only reads.
 */
import type { Segmenter } from '../segment/segmenter';
import type { LineCache } from '../model/readPage';
import { PagedAnalyzer, type PagedAnalysis, type PagedOptions } from '../pagedAnalysis';
import { IssueIndex, type IndexChange } from '../issue/issueIndex';
import { issueMap, type IssueMap } from '../issue/issueMap';
import { folderOf } from '../issue/issues';
import { jumpNotes, withJumps } from '../issue/outlineJumps';
import { fileNameOf } from '../issue/pageSummary';
import type { CrossPageFinding } from '../issue/crossPage';
import { fixAll, type FixAllResult } from '../fixes/fixAll';
import { pagedFixAll } from '../fixes/pagedFixAll';
import { staysOnePage } from '../model/pageChunks';
import type { OutlineEntry } from '../outline';
import type { Finding, RuleId } from '../rules/finding';
import { looksBinary } from '../text/binary';
import { ConfigFinder } from './configFinder';
import { DEFAULT_SETTINGS, fileConfig, type FileConfig, type FrontEndSettings } from './fileConfig';
import { compileLinear } from './pagePattern';
import { pageRefOf, pageTest } from './pageFiles';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { canonicalUri, pathOf } from './uris';
import { t } from '../l10n/t';

export interface SessionOptions {
  /**
   * The segmenter to read with now: the server's loads once settings are
   * known. `wait`: the reading must have words now (fix-all, pages on disk);
   * an open document's first reading may come without them while the
   * dictionary loads, and is read again when `segmenterChanged` says so.
   */
  readonly segmenter: (wait: boolean) => Segmenter;
  readonly configs?: ConfigFinder;
  readonly lineCache?: LineCache;
  /** Whether the workspace is trusted (see fileConfig.ts); asked when a file is configured, since trust is known only once the client says. */
  readonly trusted?: () => boolean;
  /**
   * Look for `.newsprint.json` all the way up: the checker, run on paths a
   * person chose, does as other command-line tools do. The editor looks
   * within the workspace folder only.
   */
  readonly unbounded?: boolean;
}

/** What changed, for the front end to show again. */
export interface SessionChange {
  /** Open documents whose diagnostics may differ now. */
  readonly documents: readonly string[];
  /** The issue map may differ now. */
  readonly map: boolean;
  /** Jumps between pages may differ: outlines' jump notes too. */
  readonly links: boolean;
  /** Folders (URIs) whose page files must be read again: their page numbering changed. */
  readonly reread: readonly string[];
}

/** One analysed version of an open document. */
export interface DocumentView {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly analysis: PagedAnalysis;
  readonly config: FileConfig;
}

interface OpenDocument {
  readonly uri: string;
  version: number;
  text: string;
  analyzer: PagedAnalyzer;
  view?: DocumentView;
  /** The segmenter generation its analyzer read with: pages read under another are read again. */
  readWith?: number;
}

/** A page file read from disk: what its configuration was, to tell whether a change of settings reaches it. */
interface DiskPage {
  readonly uri: string;
  config: FileConfig;
}

export class WorkspaceSession {
  readonly index = new IssueIndex(canonicalUri);
  private readonly configs: ConfigFinder;
  private readonly open = new Map<string, OpenDocument>();
  private readonly disk = new Map<string, DiskPage>();
  /** Settings by workspace folder URI; files outside every folder get `fallback`. */
  private readonly scoped = new Map<string, FrontEndSettings>();
  private fallback: FrontEndSettings = DEFAULT_SETTINGS;
  private folders: string[] = [];
  private readonly configCache = new Map<string, FileConfig>();
  private readonly listeners: Array<(change: SessionChange) => void> = [];
  private readonly told = new Set<string>();
  private readonly warnings: Array<(message: string) => void> = [];
  /** Counts segmenterChanged: a document read under an earlier count is read again. */
  private generation = 0;

  constructor(private readonly options: SessionOptions) {
    this.configs = options.configs ?? new ConfigFinder();
  }

  onChange(listener: (change: SessionChange) => void): void {
    this.listeners.push(listener);
  }

  /** Problems with the configuration (a pattern that does not compile, a config file that cannot be read), each said once. */
  onWarning(listener: (message: string) => void): void {
    this.warnings.push(listener);
  }

  private emit(change: SessionChange): void {
    if (change.documents.length === 0 && !change.map && !change.links && change.reread.length === 0) return;
    for (const l of this.listeners) l(change);
  }

  private warn(message: string): void {
    if (this.told.has(message)) return;
    this.told.add(message);
    for (const w of this.warnings) w(message);
  }

  /** The workspace folders, as URIs: settings are per folder. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(canonicalUri);
    this.reconfigure();
  }

  /** The settings of a workspace folder (its URI), or of files outside every folder (undefined). */
  setSettings(folder: string | undefined, settings: FrontEndSettings): void {
    if (folder === undefined) this.fallback = settings;
    else this.scoped.set(canonicalUri(folder), settings);
    this.reconfigure();
  }

  /** A `.newsprint.json` changed on disk: what it reaches is configured again; nothing is read again but it. */
  configChanged(): void {
    this.configs.clear();
    this.reconfigure();
  }

  /**
   * Another segmenter (another dictionary, or the first once it has loaded):
   * every open document is read again the next time it is asked for; pages
   * on disk are the front end's to read again. Safe to call while a document
   * is being read: it reads again only what it has not read yet.
   */
  segmenterChanged(): void {
    this.generation++;
    const documents = [...this.open.values()].map((d) => d.uri);
    this.emit({ documents, map: documents.length > 0, links: documents.length > 0, reread: [] });
  }

  private folderOfFile(key: string): string | undefined {
    return this.folders.filter((f) => key.startsWith(f.replace(/\/?$/, '/'))).sort((a, b) => b.length - a.length)[0];
  }

  private settingsFor(key: string): FrontEndSettings {
    const folder = this.folderOfFile(key);
    return (folder && this.scoped.get(folder)) || this.fallback;
  }

  /** The workspace folder holding a file, as a path: where its config search stops. */
  rootOf(path: string): string | undefined {
    const folder = this.folderOfFile(canonicalUri(pathToFileURL(path).href));
    return folder ? pathOf(folder) : undefined;
  }

  private computeConfig(uri: string): FileConfig {
    const key = canonicalUri(uri);
    const path = pathOf(uri);
    // Within the workspace folder, or beside the file when it is in none: never from above the workspace.
    const found = path ? this.configs.forFile(path, this.options.unbounded ? undefined : (this.rootOf(path) ?? dirname(path))) : undefined;
    for (const p of found?.problems ?? []) this.warn(t`${found!.path ?? '.newsprint.json'}: ${p}`);
    const config = fileConfig(path, this.settingsFor(key), found, { compile: compileLinear, trusted: this.options.trusted?.() ?? true });
    for (const p of config.problems) this.warn(p);
    return config;
  }

  /** The segmenter the session reads with now, with its words: what asks for it is not shown before it is done. */
  segmenter(): Segmenter {
    return this.options.segmenter(true);
  }

  /** The configuration a file has now. */
  configOf(uri: string): FileConfig {
    const key = canonicalUri(uri);
    let config = this.configCache.get(key);
    if (!config) this.configCache.set(key, (config = this.computeConfig(uri)));
    return config;
  }

  /**
   * Settings or config files changed: every known file is configured again
   * and compared with what it had. Open documents whose configuration
   * differs are analysed again from the models they keep; pages on disk need
   * nothing but their counts, which the map works out when asked, unless
   * their page numbering changed: only then are they read again.
   */
  private reconfigure(): void {
    const before = new Map(this.configCache);
    this.configCache.clear();
    const documents: string[] = [];
    const reread = new Set<string>();
    let map = false;
    for (const [key, doc] of this.open) {
      const old = before.get(key);
      const now = this.configOf(doc.uri);
      if (old && old.signature !== now.signature) documents.push(doc.uri);
    }
    for (const page of this.disk.values()) {
      const now = this.configOf(page.uri);
      if (now.signature === page.config.signature) continue;
      map = true;
      if (now.patternText !== page.config.patternText) reread.add(folderOf(page.uri));
      page.config = now;
    }
    if (documents.length > 0) map = true;
    this.emit({ documents, map, links: false, reread: [...reread] });
  }

  // Open documents.

  isOpen(uri: string): boolean {
    return this.open.has(canonicalUri(uri));
  }

  openDocument(uri: string, version: number, text: string): void {
    const key = canonicalUri(uri);
    const doc = this.open.get(key);
    if (doc) {
      doc.version = version;
      doc.text = text;
      return;
    }
    // The editor's text now stands for the file, whatever was read from disk.
    this.disk.delete(key);
    this.open.set(key, { uri, version, text, analyzer: new PagedAnalyzer() });
  }

  /** The document's analysis of its current version, applied to the index the first time it is asked for. */
  document(uri: string): DocumentView | undefined {
    const doc = this.open.get(canonicalUri(uri));
    return doc ? this.settle(doc) : undefined;
  }

  private pagedOptions(uri: string, config: FileConfig, segmenter = this.options.segmenter(true)): PagedOptions {
    const path = pathOf(uri) ?? decodeURIComponent(uri);
    const pageRef = pageRefOf(path, config.pattern);
    return {
      segmenter,
      config: config.analysis,
      fileName: fileNameOf(uri),
      ...(pageRef ? { pageRef } : {}),
      ...(this.options.lineCache ? { lineCache: this.options.lineCache } : {}),
    };
  }

  /** `wait`: the view must be read with words (fix-all), even if the dictionary has to load for it now. */
  private settle(doc: OpenDocument, wait = false): DocumentView {
    const config = this.configOf(doc.uri);
    // Asked first: a load it sets off says so through segmenterChanged, and this reading is then already the new one.
    const segmenter = this.options.segmenter(wait);
    if (doc.readWith !== this.generation) {
      if (doc.readWith !== undefined) doc.analyzer = new PagedAnalyzer();
      doc.readWith = this.generation;
      delete doc.view;
    }
    if (doc.view && doc.view.version === doc.version && doc.view.config === config) return doc.view;
    // A binary file opened as text is read as empty: no squiggle on every byte.
    const text = looksBinary(doc.text) ? '' : doc.text;
    const analysis = doc.analyzer.analyze(text, this.pagedOptions(doc.uri, config, segmenter));
    doc.view = { uri: doc.uri, version: doc.version, text: doc.text, analysis, config };
    this.applyToIndex(canonicalUri(doc.uri), this.index.set({ uri: doc.uri, version: doc.version, pages: analysis.pages() }));
    return doc.view;
  }

  /** The editor closed the document: the file on disk stands for it again. True when the front end should read it from disk. */
  closeDocument(uri: string): boolean {
    const key = canonicalUri(uri);
    if (!this.open.delete(key)) return false;
    const path = pathOf(uri);
    if (path && this.folderOfFile(key)) return true;
    this.applyToIndex(key, this.index.delete(key));
    return false;
  }

  // Pages on disk.

  /**
   * A file as read from disk, or undefined when it is gone. Open documents
   * keep what the editor holds. True when it is a page, now in the index.
   */
  diskFile(uri: string, text: string | undefined): boolean {
    return this.readDisk(uri, text) !== undefined;
  }

  /**
   * `diskFile`, answering with the file's analysis for a front end that
   * shows a closed page's findings (Check the whole issue). The session keeps
   * only the index's summary; whoever asked keeps the view, or reads again.
   */
  diskView(uri: string, text: string): DocumentView | undefined {
    return this.readDisk(uri, text);
  }

  private readDisk(uri: string, text: string | undefined): DocumentView | undefined {
    const key = canonicalUri(uri);
    if (this.open.has(key)) return undefined;
    if (text === undefined) {
      this.forgetDisk(key);
      return undefined;
    }
    const config = this.configOf(uri);
    const path = pathOf(uri) ?? uri;
    if (!pageTest(path, text, config.pattern).page) {
      this.forgetDisk(key);
      return undefined;
    }
    const analysis = new PagedAnalyzer().analyze(text, this.pagedOptions(uri, config));
    this.disk.set(key, { uri, config });
    this.applyToIndex(key, this.index.set({ uri, pages: analysis.pages() }));
    return { uri, version: 0, text, analysis, config };
  }

  private forgetDisk(key: string): void {
    if (!this.disk.delete(key) && !this.index.get(key)) return;
    this.applyToIndex(key, this.index.delete(key));
  }

  /** Files read from disk, by URI: so a scan can tell which of them are gone. */
  diskFiles(): string[] {
    return [...this.disk.values()].map((p) => p.uri);
  }

  private applyToIndex(key: string, change: IndexChange): void {
    if (change.issues.length === 0) return;
    const issues = new Set(change.issues);
    const linked = change.linksChanged
      ? [...this.open.values()].filter((d) => {
          const k = canonicalUri(d.uri);
          const issue = this.index.issueIdOf(d.uri);
          return k !== key && issue !== undefined && issues.has(issue);
        })
      : [];
    this.emit({ documents: linked.map((d) => d.uri), map: true, links: change.linksChanged, reread: [] });
  }

  // Answers.

  /** The cross-page findings of a document or file, as the index has them now. */
  crossPage(uri: string): CrossPageFinding[] {
    return this.index.crossPageFindings(uri, this.configOf(uri).crossPage);
  }

  /** An open document's outline, with where each article continues or comes from. */
  outline(view: DocumentView): OutlineEntry[] {
    const entries = view.analysis.outline();
    const file = this.index.get(view.uri);
    const links = this.index.linksOf(view.uri);
    return file && links ? withJumps(entries, jumpNotes(links, file.uri)) : entries;
  }

  /**
   * Fix-all of an open document's current version (of one rule when
   * `rule` is given): the editor's Fix All, fix on save and the checker's
   * --fix all come here.
   */
  fixAll(uri: string, rule?: RuleId): FixAllResult | undefined {
    const doc = this.open.get(canonicalUri(uri));
    if (!doc) return undefined;
    // Fix-all is never worked out from a reading without words.
    const view = this.settle(doc, true);
    const { analysis } = view;
    // Later passes re-read the pages the fixes changed, and leave the document's own analyzer as it was.
    const analyzer = doc.analyzer.fork();
    const options = this.pagedOptions(uri, view.config);
    const pages = analysis.chunks.map((c) => ({ text: c.model.text, start: c.chunk.start, findings: c.findings }));
    // A page read alone is read as it is in the document: the first takes the file's page, every one the paper's name.
    const named = analysis.paperName;
    const config = named === undefined || named === options.config.paperName ? options.config : { ...options.config, paperName: named };
    const { pageRef: _, ...others } = { ...options, config };
    const readAgain = (text: string, index: number): readonly Finding[] | undefined => {
      const last = index === pages.length - 1;
      if (!staysOnePage(text, index === 0, !last && pages[index]!.text.endsWith('\n'))) return undefined;
      const again = analyzer.fork().analyze(text, index === 0 ? { ...others, ...(options.pageRef ? { pageRef: options.pageRef } : {}) } : others);
      return again.chunks.length === 1 ? again.chunks[0]!.findings : undefined;
    };
    const paged = pages.length > 1 ? pagedFixAll(analysis.text, pages, readAgain, rule) : undefined;
    if (paged) return paged;
    const analyse = (text: string): readonly Finding[] => (text === analysis.text ? analysis.findings() : analyzer.analyze(text, options).findings());
    return fixAll(analysis.text, analyse, rule ? { rule } : {});
  }

  map(indexing: boolean): IssueMap {
    return issueMap(this.index, (uri) => this.configOf(uri), indexing);
  }
}
