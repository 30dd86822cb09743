/** What the issue index keeps of a file, made as the workspace session makes it. */
import type { AnalysisConfig } from '../../server/src/analysis';
import type { IndexedFile } from '../../server/src/issue/pageSummary';
import { fileNameOf } from '../../server/src/issue/pageSummary';
import { pageRefFromFileName } from '../../server/src/model/pageNames';
import { PagedAnalyzer } from '../../server/src/pagedAnalysis';
import type { Segmenter } from '../../server/src/segment/segmenter';

export function indexedFile(uri: string, text: string, segmenter: Segmenter, config: AnalysisConfig = {}): IndexedFile {
  const pageRef = pageRefFromFileName(decodeURIComponent(uri));
  const analysis = new PagedAnalyzer().analyze(text, { segmenter, config, fileName: fileNameOf(uri), ...(pageRef ? { pageRef } : {}) });
  return { uri, pages: analysis.pages() };
}
