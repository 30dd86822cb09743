/**
 * Incremental analysis of one-file issues: each page (chunk between page
 * lines) is read and checked on its own and remembered by its text, so a
 * keystroke re-analyses one page of sixty. The result equals a whole-text
 * analysis; a test holds the two together.
 */
import { DEFAULT_MAX_PROBLEMS, check, readModel, type AnalysisConfig, type AnalyzeOptions } from './analysis';
import { pageChunks, type Chunk } from './model/pageChunks';
import type { PageModel } from './model/page';
import type { Finding, Fix } from './rules/finding';

export interface ChunkResult {
  readonly model: PageModel;
  /** Findings with offsets relative to the chunk's start. */
  readonly findings: readonly Finding[];
}

export interface PagedAnalysis {
  readonly chunks: ReadonlyArray<{ readonly chunk: Chunk; readonly result: ChunkResult }>;
  /** Findings kept after maxProblems, as chunk and index pairs, in document order. */
  readonly kept: ReadonlyArray<{ readonly chunk: number; readonly finding: Finding }>;
  readonly omitted: number;
  /** The findings with offsets in the whole text; computed on first use. */
  findings(): Finding[];
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

function withoutPageRef(options: AnalyzeOptions): AnalyzeOptions {
  const { pageRef: _, ...rest } = options;
  return rest;
}

export class PagedAnalyzer {
  /** Models by chunk text; the first chunk's also depends on the page the file name gives, kept beside it. */
  private models = new Map<string, { model: PageModel; fileRef: string }>();
  private checked = new Map<PageModel, { paperName: string; findings: readonly Finding[] }>();

  /** Settings changed: findings must be recomputed, models may stay. */
  clearFindings(): void {
    this.checked.clear();
  }

  analyze(text: string, options: AnalyzeOptions): PagedAnalysis {
    const config: AnalysisConfig = options.config ?? {};
    const chunks = pageChunks(text);
    const models = new Map<string, { model: PageModel; fileRef: string }>();
    const read = chunks.map((chunk, i) => {
      // The chunk's own text is the key: a slice shares the text's memory, where a built key would copy it.
      const key = text.slice(chunk.start, chunk.end);
      // Only the first chunk takes the page from the file name; the others open with their page line.
      const fileRef = i === 0 ? (options.pageRef?.label ?? '') : '';
      const hit = this.models.get(key) ?? models.get(key);
      const model = hit && hit.fileRef === fileRef ? hit.model : readModel(key, i === 0 ? options : withoutPageRef(options));
      models.set(key, { model, fileRef });
      return { chunk, model };
    });
    // Keep only what this text uses: the caches never outgrow the document.
    this.models = models;
    const masthead = read.find((r) => r.model.names.masthead)?.model.names.masthead;
    const outlet = read.find((r) => r.model.names.outlet)?.model.names.outlet;
    const paperName = config.paperName ?? masthead ?? outlet;
    // Findings follow their model: the same model under the same paper name has the same findings.
    const checked = new Map<PageModel, { paperName: string; findings: readonly Finding[] }>();
    const out = read.map(({ chunk, model }) => {
      const name = paperName ?? '';
      const hit = this.checked.get(model) ?? checked.get(model);
      const findings = hit && hit.paperName === name ? hit.findings : check(model, config, paperName);
      checked.set(model, { paperName: name, findings });
      return { chunk, result: { model, findings } };
    });
    this.checked = checked;
    const all: Array<{ chunk: number; finding: Finding }> = [];
    out.forEach((c, i) => {
      for (const finding of c.result.findings) all.push({ chunk: i, finding });
    });
    const max = config.maxProblems ?? DEFAULT_MAX_PROBLEMS;
    const kept = all.length > max ? all.slice(0, max) : all;
    let shifted: Finding[] | undefined;
    return {
      chunks: out,
      kept,
      omitted: all.length - kept.length,
      findings: () => (shifted ??= kept.map(({ chunk, finding }) => shiftFinding(finding, out[chunk]!.chunk.start))),
    };
  }
}
