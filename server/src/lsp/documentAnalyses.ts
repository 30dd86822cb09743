/**
 * Analyses of open documents, cached by URI and version: every request for
 * one version (diagnostics, symbols, folding, code actions) shares one run.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type AnalysisConfig } from '../analysis';
import { pageRefFromFileName } from '../model/pageNames';
import { LineIndex } from '../text/positions';
import { ignoredFingerprints, rulesFor } from '../workspaceConfig';
import type { SegmentationService } from './segmentation';
import type { Settings, SettingsStore } from './settings';
import type { WorkspaceConfigService } from './workspaceConfigService';

export interface DocumentAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly analysis: Analysis;
  readonly index: LineIndex;
  readonly settings: Settings;
}

function compilePattern(pattern: string): RegExp | undefined {
  if (pattern === '') return undefined;
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

export class DocumentAnalyses {
  private readonly cache = new Map<string, { version: number; generation: number; result: Promise<DocumentAnalysis> }>();
  private generation = 0;

  constructor(
    private readonly settings: SettingsStore,
    private readonly segmentation: SegmentationService,
    private readonly configs: WorkspaceConfigService,
  ) {}

  /** Settings or config files changed: every analysis is stale. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
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
    const workspace = this.configs.forDocument(doc.uri);
    const fileConfig = workspace?.found.config;
    const config: AnalysisConfig = {
      rules: { ...settings.rules, ...(workspace ? rulesFor(workspace.found.config, workspace.relative) : {}) },
      ignored: fileConfig ? ignoredFingerprints(fileConfig) : new Set(),
      maxProblems: settings.maxProblems,
      ...(settings.paperName || fileConfig?.paperName ? { paperName: settings.paperName || fileConfig!.paperName! } : {}),
      ...(settings.bylineTemplate || fileConfig?.bylineTemplate ? { bylineTemplate: settings.bylineTemplate || fileConfig!.bylineTemplate! } : {}),
    };
    const pageRef = pageRefFromFileName(decodeURIComponent(doc.uri), compilePattern(settings.pageFileNamePattern));
    const text = doc.getText();
    const analysis = analyze(text, { segmenter, config, ...(pageRef ? { pageRef } : {}) });
    return { uri: doc.uri, version: doc.version, analysis, index: new LineIndex(analysis.model.lines), settings };
  }
}
