/**
 * One issue's check: its files one by one, then the jumps between them. The
 * files given are grouped as the server groups them (a folder's pages, or a
 * file of several pages); each file's cross-page findings are merged into
 * its own and its outline notes the jumps. The whole of it runs where the
 * files were checked, so only finished reports travel between threads.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { crossPageDiagnostic } from '../diagnostics';
import { IssueIndex } from '../issue/issueIndex';
import { jumpNotes, withJumps } from '../issue/outlineJumps';
import type { OutlineEntry } from '../outline';
import type { Segmenter } from '../segment/segmenter';
import type { ConfigFinder } from '../workspaceConfigFiles';
import { checkFile, type CheckOptions, type FileResult } from './checkFile';

export interface CheckedFile {
  readonly file: string;
  readonly notes: FileResult['notes'];
  readonly report?: {
    readonly diagnostics: Diagnostic[];
    readonly outline: OutlineEntry[];
    /** The file's lines, packed: start, end and next of each. */
    readonly lines: Int32Array;
    readonly fixed?: number;
  };
}

const before = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/** Checks the files of one folder as an issue; results in the order given. */
export function checkIssue(files: readonly string[], options: CheckOptions, segmenter: Segmenter, finder: ConfigFinder): CheckedFile[] {
  const results = files.map((f) => checkFile(f, options, segmenter, finder));
  const index = new IssueIndex();
  for (const r of results) if (r.report) index.set(r.report.summary);
  return results.map((r): CheckedFile => {
    if (!r.report) return { file: r.file, notes: r.notes };
    const { summary, crossPage } = r.report;
    const cross = index.crossPageFindings(summary.uri, crossPage).map(crossPageDiagnostic);
    const own = r.report.diagnostics.filter((d) => d.code !== undefined);
    // The note on findings left out by maxProblems stays last.
    const notes = r.report.diagnostics.filter((d) => d.code === undefined);
    const links = index.linksOf(summary.uri);
    return {
      file: r.file,
      notes: r.notes,
      report: {
        diagnostics: [...[...own, ...cross].sort(before), ...notes],
        outline: links ? withJumps(r.report.outline, jumpNotes(links, summary.uri)) : r.report.outline,
        lines: r.report.lines,
        ...(r.report.fixed !== undefined ? { fixed: r.report.fixed } : {}),
      },
    };
  });
}
