/**
 * Analyses of open documents, cached by URI and version: every request for
 * one version (diagnostics, symbols, folding, code actions) shares one run.
 * Diagnostics come from the paged analysis, page by page, each page's
 * diagnostics kept relative to its first line so unchanged pages are only
 * shifted; the whole-text model is built when a request needs it.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readModel, type Analysis, type AnalyzeOptions } from '../analysis';
import { omittedDiagnostic, toDiagnostic, type DiagnosticData } from '../diagnostics';
import { pageRefFromFileName } from '../model/pageNames';
import { LineCache } from '../model/readPage';
import { PagedAnalyzer, type PagedAnalysis } from '../pagedAnalysis';
import type { Finding } from '../rules/finding';
import { looksBinary } from '../text/binary';
import { LineIndex } from '../text/positions';
import { analysisConfigFor, fileNamePattern } from './analysisConfig';
import type { SegmentationService } from './segmentation';
import type { Settings, SettingsStore } from './settings';
import type { WorkspaceConfigService } from './workspaceConfigService';

function shiftRange<T extends { start: { line: number; character: number }; end: { line: number; character: number } }>(r: T, by: number): T {
  return { ...r, start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } };
}

/** A diagnostic computed relative to its page's first line, moved to where the page stands now. */
function shiftDiagnostic(d: Diagnostic, by: number): Diagnostic {
  if (by === 0) return d;
  const data = d.data as DiagnosticData;
  return {
    ...d,
    range: shiftRange(d.range, by),
    ...(d.relatedInformation ? { relatedInformation: d.relatedInformation.map((r) => ({ ...r, location: { uri: r.location.uri, range: shiftRange(r.location.range, by) } })) } : {}),
    data: {
      ...data,
      fixes: data.fixes.map((f) => ({
        ...f,
        edits: f.edits.map((e) => ({ range: shiftRange(e.range, by), newText: e.newText })),
        ...(f.recipe ? { recipe: { kind: f.recipe.kind, range: shiftRange(f.recipe.range, by) } } : {}),
      })),
    },
  };
}

export class DocumentAnalysis {
  private full: Analysis | undefined;
  private lineIndex: LineIndex | undefined;
  readonly diagnostics: Diagnostic[];

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly settings: Settings,
    private readonly text: string,
    private readonly options: AnalyzeOptions,
    private readonly paged: PagedAnalysis,
    relative: (finding: Finding, chunk: number) => Diagnostic,
  ) {
    this.diagnostics = paged.kept.map(({ chunk, finding }) => shiftDiagnostic(relative(finding, chunk), paged.chunks[chunk]!.chunk.line));
    const last = this.diagnostics[this.diagnostics.length - 1];
    if (paged.omitted > 0 && last) this.diagnostics.push(omittedDiagnostic(paged.omitted, settings.maxProblems, last.range));
  }

  /** The whole text's model with its findings: for symbols, folding and fix-all. */
  get analysis(): Analysis {
    this.full ??= { model: readModel(this.text, this.options), findings: this.paged.findings(), omitted: this.paged.omitted };
    return this.full;
  }

  get index(): LineIndex {
    this.lineIndex ??= new LineIndex(this.analysis.model.lines);
    return this.lineIndex;
  }
}

export class DocumentAnalyses {
  private readonly cache = new Map<string, { version: number; generation: number; result: Promise<DocumentAnalysis> }>();
  private readonly analyzers = new Map<string, PagedAnalyzer>();
  /** Diagnostics of a page's findings, relative to the page: reused while the page's text is unchanged. */
  private relative = new WeakMap<Finding, Diagnostic>();
  private generation = 0;
  /** Shared by every open document: pages of one issue repeat their furniture and each other's headlines. */
  private readonly lineCache = new LineCache();

  constructor(
    private readonly settings: SettingsStore,
    private readonly segmentation: SegmentationService,
    private readonly configs: WorkspaceConfigService,
  ) {}

  /** Settings or config files changed: every analysis is stale. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
    for (const a of this.analyzers.values()) a.clearFindings();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.analyzers.delete(uri);
    this.settings.forget(uri);
  }

  get(doc: TextDocument): Promise<DocumentAnalysis> {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === this.generation) return hit.result;
    const generation = this.generation;
    const result = this.settings.get(doc.uri).then((settings) => this.run(doc, settings));
    this.cache.set(doc.uri, { version: doc.version, generation, result });
    return result;
  }

  private run(doc: TextDocument, settings: Settings): DocumentAnalysis {
    const segmenter = this.segmentation.get(settings.dictionary, settings.userDictionary);
    const config = analysisConfigFor(doc.uri, settings, this.configs);
    const pageRef = pageRefFromFileName(decodeURIComponent(doc.uri), fileNamePattern(settings));
    // A binary file opened as text is read as empty: no squiggle on every byte.
    const raw = doc.getText();
    const text = looksBinary(raw) ? '' : raw;
    const options: AnalyzeOptions = { segmenter, config, lineCache: this.lineCache, ...(pageRef ? { pageRef } : {}) };
    let analyzer = this.analyzers.get(doc.uri);
    if (!analyzer) this.analyzers.set(doc.uri, (analyzer = new PagedAnalyzer()));
    const paged = analyzer.analyze(text, options);
    const indexes = new Map<number, LineIndex>();
    const relative = (finding: Finding, chunk: number): Diagnostic => {
      let d = this.relative.get(finding);
      if (!d) {
        let index = indexes.get(chunk);
        if (!index) indexes.set(chunk, (index = new LineIndex(paged.chunks[chunk]!.result.model.lines)));
        d = toDiagnostic(finding, index, doc.uri);
        this.relative.set(finding, d);
      }
      return d;
    };
    return new DocumentAnalysis(doc.uri, doc.version, settings, text, options, paged, relative);
  }
}
