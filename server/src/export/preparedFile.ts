/**
 * One page file made ready for export: its certain fixes applied in memory,
 * the fixed text read and checked again, and summarised as the issue index
 * summarises it, so the jumps are linked on the text that is exported.
 */
import { analyze, namingOf, type Analysis, type AnalysisConfig } from '../analysis';
import { fileNameOf, summarizePages, type IndexedFile } from '../issue/pageSummary';
import type { Segmenter } from '../segment/segmenter';
import type { PageRef } from '../text/numerals';
import { LineIndex } from '../text/positions';
import { applyCertainFixes, type Fixed } from './certainFixes';

export interface PageFile {
  readonly uri: string;
  /** Decoded, without its BOM. */
  readonly text: string;
  readonly bom?: boolean;
  /** The page its file name gives. */
  readonly pageRef?: PageRef;
  readonly config?: AnalysisConfig;
}

export interface PreparedFile {
  readonly file: PageFile;
  readonly fixed: Fixed;
  /** Of the fixed text, every finding kept. */
  readonly analysis: Analysis;
  readonly summary: IndexedFile;
}

export function prepareFile(file: PageFile, segmenter: Segmenter): PreparedFile {
  const options = { segmenter, config: file.config ?? {}, ...(file.pageRef ? { pageRef: file.pageRef } : {}) };
  // The last pass reads the text that needs no more fixes: that reading is the one exported.
  let last: Analysis | undefined;
  const fixed = applyCertainFixes(file.text, (text) => (last = analyze(text, options)).findings);
  const analysis = last && last.model.text === fixed.text ? last : analyze(fixed.text, options);
  const pages = summarizePages(analysis.model, analysis.findings, new LineIndex(analysis.model.lines), fileNameOf(file.uri), namingOf(file.config ?? {}));
  return { file, fixed, analysis, summary: { uri: file.uri, pages } };
}
