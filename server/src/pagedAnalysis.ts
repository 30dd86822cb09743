/**
 * Incremental analysis of a document: each page of a one-file issue (the
 * text between page lines) is read and checked on its own and remembered by
 * its text, so a keystroke re-reads one page of eighty. Findings, the
 * outline, folding and what the issue index keeps are all made page by page
 * and moved to where each page stands: nothing here reads the whole text
 * again. The result equals a whole-text analysis; a test holds the two together.
 */
import { configure, findAll, namingOf, readModel, type AnalysisConfig, type AnalyzeOptions } from './analysis';
import { folds, type Fold } from './folding';
import { shiftPages, summarizePages, type IndexedPage } from './issue/pageSummary';
import type { LineCache } from './model/readPage';
import type { PaperProfile } from './model/profile';
import { rechunk, type Chunk, type KnownChunk } from './model/pageChunks';
import type { PageModel } from './model/page';
import { byPage, outline, pageEntries, shiftEntries, type OutlineEntry } from './outline';
import { pageTokens, type PageToken } from './pageTokens';
import type { Finding, Fix } from './rules/finding';
import type { Segmenter, TaggedWord } from './segment/segmenter';
import type { PageRef } from './text/numerals';
import { LineIndex, type Range } from './text/positions';
import { detach } from './text/detach';
import { splitLines } from './text/lines';

export interface PagedChunk {
  readonly chunk: Chunk;
  /** Offsets relative to the chunk's start, lines to its first line. */
  readonly model: PageModel;
  /** Every rule's findings at their default level (relative). */
  readonly all: readonly Finding[];
  /** The findings the configuration keeps (relative). */
  readonly findings: readonly Finding[];
}

function shiftFix(fix: Fix, by: number): Fix {
  return {
    ...fix,
    edits: fix.edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText })),
    ...(fix.recipe ? { recipe: { kind: fix.recipe.kind, span: { start: fix.recipe.span.start + by, end: fix.recipe.span.end + by } } } : {}),
  };
}

/** A chunk's finding where the chunk stands, `by` characters further down. */
export function shiftFinding(f: Finding, by: number): Finding {
  if (by === 0) return f;
  return {
    ...f,
    span: { start: f.span.start + by, end: f.span.end + by },
    ...(f.related ? { related: f.related.map((r) => ({ span: { start: r.span.start + by, end: r.span.end + by }, message: r.message })) } : {}),
    fixes: f.fixes.map((x) => shiftFix(x, by)),
  };
}

/**
 * The segmentation a document asked for in its last two analyses. A shared
 * cache of fixed size evicting oldest first reuses nothing once a page has
 * more line breaks than it holds (30,000 short lines: 1.8 s a keystroke);
 * this one holds what the document uses, and forgets what it stopped using.
 */
class WindowCache {
  private current = new Map<string, readonly string[]>();
  private previous = new Map<string, readonly string[]>();
  private currentTags = new Map<string, readonly TaggedWord[]>();
  private previousTags = new Map<string, readonly TaggedWord[]>();
  private inner: Segmenter | undefined;
  private readonly wrapper: Segmenter = {
    cut: (text) => {
      let words = this.current.get(text);
      if (words === undefined) {
        words = this.previous.get(text) ?? this.inner!.cut(text);
        this.current.set(text, words);
      }
      return words;
    },
    // Parts of speech across a break are cues of the page model as much as the words are.
    tag: (text) => {
      let tags = this.currentTags.get(text);
      if (tags === undefined) {
        tags = this.previousTags.get(text) ?? this.inner!.tag?.(text) ?? [];
        this.currentTags.set(text, tags);
      }
      return tags;
    },
  };

  /** This cache in front of `inner`; another segmenter (another dictionary) starts it afresh. */
  over(inner: Segmenter): Segmenter {
    if (inner !== this.inner) {
      this.inner = inner;
      this.current = new Map();
      this.previous = new Map();
      this.currentTags = new Map();
      this.previousTags = new Map();
    }
    // A segmenter that knows no parts of speech (the fake of tests, none at all) is not given them.
    return inner.tag ? this.wrapper : { cut: (text) => this.wrapper.cut(text) };
  }

  /** An analysis is done: what it did not ask for goes at the next one. */
  rotate(): void {
    this.previous = this.current;
    this.current = new Map();
    this.previousTags = this.currentTags;
    this.currentTags = new Map();
  }

  /** A cache of its own that asks this one first (for fix-all's passes, which must not rotate the document's). */
  child(): WindowCache {
    const child = new WindowCache();
    child.over = (inner) => {
      child.inner = this.over(inner);
      return child.inner.tag ? child.wrapper : { cut: (text) => child.wrapper.cut(text) };
    };
    return child;
  }
}

/** Each page model's line index, made once: a position on a page never needs the whole text's lines. */
const lineIndexes = new WeakMap<PageModel, LineIndex>();

export function modelIndex(model: PageModel): LineIndex {
  let index = lineIndexes.get(model);
  if (!index) lineIndexes.set(model, (index = new LineIndex(model.lines)));
  return index;
}

/** Each page model's folds, relative to its first line: a model's folds are the same wherever its page stands. */
const modelFolds = new WeakMap<PageModel, readonly Fold[]>();
const modelTokens = new WeakMap<PageModel, readonly PageToken[]>();

/** Each page model's outline entries, relative to its start: naming an article and counting its 字数 is done once per page text. */
const modelEntries = new WeakMap<PageModel, readonly OutlineEntry[]>();

function entriesOf(model: PageModel): readonly OutlineEntry[] {
  let entries = modelEntries.get(model);
  if (!entries) modelEntries.set(model, (entries = pageEntries(model.pages)));
  return entries;
}

/** The last chunk starting at or before `at`, by `key`: chunks are in text order. */
function chunkBefore(chunks: readonly PagedChunk[], at: number, key: (c: Chunk) => number): PagedChunk | undefined {
  let lo = 0;
  let hi = chunks.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(chunks[mid]!.chunk) <= at) lo = mid;
    else hi = mid - 1;
  }
  return chunks[lo];
}

/** One version of a document, analysed page by page. */
export class PagedAnalysis {
  private shifted: Finding[] | undefined;
  private index: LineIndex | undefined;

  constructor(
    readonly text: string,
    readonly chunks: readonly PagedChunk[],
    /** A chunk's pages as the index keeps them, where the chunk stands. */
    private readonly summaryOf: (chunk: PagedChunk) => IndexedPage[],
    /** The paper's name the rules were given, configured or read from any page: a page read alone must be given it too. */
    readonly paperName?: string,
  ) {}

  /** The findings the configuration keeps, in the whole text's offsets, in position order. */
  findings(): Finding[] {
    if (!this.shifted) {
      const out: Finding[] = [];
      for (const c of this.chunks) for (const f of c.findings) out.push(shiftFinding(f, c.chunk.start));
      this.shifted = out;
    }
    return this.shifted;
  }

  /** How many kept findings satisfy `test`, counted where they were made: nothing is moved. */
  count(test: (f: Finding) => boolean): number {
    let n = 0;
    for (const c of this.chunks) for (const f of c.findings) if (test(f)) n++;
    return n;
  }

  /**
   * The kept finding with this fingerprint, in the whole text's offsets:
   * looked for first on the page at `line` (findings with one fingerprint
   * cover the same text; the line tells them apart), then everywhere.
   */
  locate(fingerprint: string, line: number): Finding | undefined {
    const near = chunkBefore(this.chunks, line, (c) => c.line);
    const withFingerprint = (c: PagedChunk) => c.findings.filter((f) => f.fingerprint === fingerprint);
    if (near) {
      const here = withFingerprint(near);
      const index = modelIndex(near.model);
      const exact = here.find((f) => index.position(f.span.start).line + near.chunk.line === line) ?? here[0];
      if (exact) return shiftFinding(exact, near.chunk.start);
    }
    for (const c of this.chunks) {
      const f = c === near ? undefined : withFingerprint(c)[0];
      if (f) return shiftFinding(f, c.chunk.start);
    }
    return undefined;
  }

  /** A span of the whole text as a range, worked out on the page it starts on. */
  range(start: number, end: number): Range {
    const c = chunkBefore(this.chunks, start, (x) => x.start);
    if (!c) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const r = modelIndex(c.model).range(start - c.chunk.start, end - c.chunk.start);
    return { start: { line: r.start.line + c.chunk.line, character: r.start.character }, end: { line: r.end.line + c.chunk.line, character: r.end.character } };
  }

  outline(): OutlineEntry[] {
    const pages = this.chunks.flatMap((c) => c.model.pages);
    if (!byPage(pages)) return this.chunks[0] ? outline(this.chunks[0].model) : [];
    return this.chunks.flatMap((c) => shiftEntries(entriesOf(c.model), c.chunk.start));
  }

  folds(): Fold[] {
    const out: Fold[] = [];
    for (const c of this.chunks) {
      let relative = modelFolds.get(c.model);
      if (!relative) modelFolds.set(c.model, (relative = folds(c.model, modelIndex(c.model))));
      for (const f of relative) out.push({ startLine: f.startLine + c.chunk.line, endLine: f.endLine + c.chunk.line });
    }
    return out;
  }

  /** Semantic tokens of every page, each page's kept with its model and moved to where the page stands. */
  tokens(): PageToken[] {
    const out: PageToken[] = [];
    for (const c of this.chunks) {
      let relative = modelTokens.get(c.model);
      if (!relative) modelTokens.set(c.model, (relative = pageTokens(c.model, modelIndex(c.model))));
      for (const t of relative) out.push(c.chunk.line === 0 ? t : { ...t, line: t.line + c.chunk.line });
    }
    return out;
  }

  /** What the issue index keeps of the document's pages. */
  pages(): IndexedPage[] {
    return this.chunks.flatMap((c) => this.summaryOf(c));
  }

  /** Positions in the whole text: for what spans pages (the checker's report); a page's own positions need only `range`. */
  lineIndex(): LineIndex {
    this.index ??= new LineIndex(splitLines(this.text));
    return this.index;
  }
}

export interface PagedOptions {
  readonly segmenter?: Segmenter;
  /** The page the file name gives: only the first page takes it, the others open with their page line. */
  readonly pageRef?: PageRef;
  readonly config: AnalysisConfig;
  readonly lineCache?: LineCache;
  /** Names a page that has no number at all, in what the index keeps. */
  readonly fileName: string;
}

/** A page's model as read, with what else it depends on: the page the file name gives the first page, and the paper's profile. */
interface KeptModel {
  readonly model: PageModel;
  readonly fileRef: string;
  readonly profile: PaperProfile | undefined;
}

/** One per document: what it remembers of the last version is what the next one reuses. */
export class PagedAnalyzer {
  /** Models by chunk text; the first chunk's also depends on the page the file name gives, kept beside it. */
  private models = new Map<string, KeptModel>();
  /** The last version's chunks and their models, in order: the next version's chunks are found from them (rechunk). */
  private last: Array<KnownChunk & { readonly kept: KeptModel }> = [];
  private found = new WeakMap<PageModel, { naming: string; profile: PaperProfile; all: Finding[] }>();
  private configured = new WeakMap<readonly Finding[], { config: AnalysisConfig; findings: Finding[] }>();
  /** Per model, its pages as the index keeps them, and where they were last moved to (pages before an edit stay put). */
  private summaries = new WeakMap<
    PageModel,
    { fileName: string; profile: PaperProfile; naming: string; pages: IndexedPage[]; at?: { start: number; line: number; pages: IndexedPage[] } }
  >();
  /** The windows this document's last two analyses segmented: sized to the document, so no cliff past a fixed capacity. */
  private windows = new WindowCache();

  /**
   * An analyzer that starts from what this one remembers and goes its own
   * way: fix-all's later passes re-read only the pages the fixes changed,
   * and leave the document's own memory as it was.
   */
  fork(): PagedAnalyzer {
    const other = new PagedAnalyzer();
    other.models = new Map(this.models);
    other.last = this.last;
    other.found = this.found;
    other.configured = this.configured;
    other.summaries = this.summaries;
    other.windows = this.windows.child();
    return other;
  }

  analyze(text: string, options: PagedOptions): PagedAnalysis {
    const { config } = options;
    const { chunks, same } = rechunk(text, this.last);
    const models = new Map<string, KeptModel>();
    const segmenter = options.segmenter ? this.windows.over(options.segmenter) : undefined;
    const read = chunks.map((chunk, i) => {
      const fileRef = i === 0 ? (options.pageRef?.label ?? '') : '';
      const fits = (k: KeptModel | undefined) => k && k.fileRef === fileRef && k.profile === config.profile;
      // A chunk known unchanged is not even sliced: a keystroke touches one page's text, not eighty.
      const unchanged = same[i] === undefined ? undefined : this.last[same[i]]?.kept;
      let kept = fits(unchanged) ? unchanged : undefined;
      if (!kept) {
        const key = text.slice(chunk.start, chunk.end);
        const hit = this.models.get(key) ?? models.get(key);
        const read: AnalyzeOptions = {
          ...(segmenter ? { segmenter } : {}),
          ...(options.lineCache ? { lineCache: options.lineCache } : {}),
          ...(i === 0 && options.pageRef ? { pageRef: options.pageRef } : {}),
          ...(config.profile ? { config: { profile: config.profile } } : {}),
        };
        // A model is read from a copy of its page and kept under that copy: the slice would keep this whole version of the document alive.
        kept = fits(hit) ? hit! : { model: readModel(detach(key), read), fileRef, profile: config.profile };
      }
      models.set(kept.model.text, kept);
      return { chunk, model: kept.model, kept };
    });
    this.last = read.map((r) => ({ chunk: r.chunk, text: r.model.text, kept: r.kept }));
    this.windows.rotate();
    // Keep only what this text uses: the caches never outgrow the document.
    this.models = models;
    const masthead = read.find((r) => r.model.names.masthead)?.model.names.masthead;
    const outlet = read.find((r) => r.model.names.outlet)?.model.names.outlet;
    const naming = namingOf(config, config.paperName ?? masthead ?? outlet);
    const namingKey = `${naming.paperName ?? ''}\0${naming.bylineTemplate ?? ''}`;
    const out = read.map(({ chunk, model }): PagedChunk => {
      // Findings follow their model: the same model under the same names has the same findings.
      let found = this.found.get(model);
      if (!found || found.naming !== namingKey || found.profile !== naming.profile)
        this.found.set(model, (found = { naming: namingKey, profile: naming.profile, all: findAll(model, naming) }));
      let kept = this.configured.get(found.all);
      if (!kept || kept.config !== config) this.configured.set(found.all, (kept = { config, findings: configure(found.all, config, model.pages) }));
      return { chunk, model, all: found.all, findings: kept.findings };
    });
    const summaryOf = (c: PagedChunk): IndexedPage[] => {
      let s = this.summaries.get(c.model);
      if (!s || s.fileName !== options.fileName || s.profile !== naming.profile || s.naming !== namingKey)
        this.summaries.set(
          c.model,
          (s = { fileName: options.fileName, profile: naming.profile, naming: namingKey, pages: summarizePages(c.model, c.all, modelIndex(c.model), options.fileName, naming) }),
        );
      const { start, line } = c.chunk;
      if (!s.at || s.at.start !== start || s.at.line !== line) s.at = { start, line, pages: shiftPages(s.pages, start, line) };
      return s.at.pages;
    };
    return new PagedAnalysis(text, out, summaryOf, naming.paperName);
  }
}
