/**
 * One file's check: read, decode, fix in place when asked, analyse. The
 * result is plain data (structured-clone safe), so a worker thread can make
 * it and the main thread print it.
 */
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze, type AnalysisConfig } from '../analysis';
import { omittedDiagnostic, toDiagnostic } from '../diagnostics';
import { applyEdits, fixAllEdits } from '../fixes/edits';
import type { CrossPageOptions, MissingPageLevel } from '../issue/crossPage';
import { summarizeFile, type IndexedFile } from '../issue/pageSummary';
import { pageRefFromFileName } from '../model/pageNames';
import { outline, type OutlineEntry } from '../outline';
import { orphanedContinuation } from '../rules/orphanedContinuation';
import type { Segmenter } from '../segment/segmenter';
import type { Line } from '../text/lines';
import { LineIndex } from '../text/positions';
import { ignoredFingerprints, rulesFor } from '../workspaceConfig';
import { ConfigFinder, relativeKey } from '../workspaceConfigFiles';
import { decode } from '../text/decode';

export interface CheckOptions {
  readonly fix: boolean;
  readonly missingPage: MissingPageLevel;
}

export interface FileResult {
  readonly file: string;
  /** Lines for stderr, and the exit status each asks for. */
  readonly notes: ReadonlyArray<{ readonly text: string; readonly status: 0 | 2 }>;
  readonly report?: {
    readonly diagnostics: Diagnostic[];
    readonly outline: OutlineEntry[];
    /** The file's lines, packed: start, end and next of each, in order. */
    readonly lines: Int32Array;
    /** What the issue index keeps of the file, for cross-page findings. */
    readonly summary: IndexedFile;
    readonly crossPage: CrossPageOptions;
    /** Set when the file was fixed in place. */
    readonly fixed?: number;
  };
}

/** Lines as one typed array: thousands of small objects cost more to pass between threads than the analysis itself. */
function packLines(lines: readonly Line[]): Int32Array {
  const out = new Int32Array(lines.length * 3);
  lines.forEach((l, i) => out.set([l.start, l.end, l.next], i * 3));
  return out;
}

export function unpackLines(packed: Int32Array): Line[] {
  const lines: Line[] = [];
  for (let i = 0; i < packed.length; i += 3) lines.push({ index: i / 3, start: packed[i]!, end: packed[i + 1]!, next: packed[i + 2]! });
  return lines;
}

/** Writes through a temporary file in the same folder and a rename, so a crash never leaves half a page. */
function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.newsprint-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw err;
  }
}

/** Safe fixes applied until nothing changes; overlapping fixes wait for the next pass. */
export function fixText(text: string, segmenter: Segmenter, config: AnalysisConfig, pageRef?: ReturnType<typeof pageRefFromFileName>): { text: string; fixed: number } {
  let fixed = 0;
  for (let pass = 0; pass < 5; pass++) {
    const { findings } = analyze(text, { segmenter, config: { ...config, maxProblems: Infinity }, ...(pageRef ? { pageRef } : {}) });
    const edits = fixAllEdits(findings);
    if (edits.length === 0) break;
    fixed += findings.filter((f) => f.fixes.some((x) => x.safe)).length;
    text = applyEdits(text, edits);
  }
  return { text, fixed };
}

export function configFor(finder: ConfigFinder, file: string): AnalysisConfig {
  const found = finder.forFile(file);
  return {
    rules: rulesFor(found.config, relativeKey(found.root, file)),
    ignored: ignoredFingerprints(found.config),
    ...(found.config.paperName ? { paperName: found.config.paperName } : {}),
    ...(found.config.bylineTemplate ? { bylineTemplate: found.config.bylineTemplate } : {}),
  };
}

export function checkFile(file: string, options: CheckOptions, segmenter: Segmenter, finder: ConfigFinder): FileResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { file, notes: [{ text: `${file}: cannot read: ${(err as Error).message}`, status: 2 }] };
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return { file, notes: [{ text: `${file}: ${decoded.message}`, status: decoded.kind === 'encoding' ? 2 : 0 }] };
  const config = configFor(finder, file);
  const pageRef = pageRefFromFileName(file);
  const notes: Array<{ text: string; status: 0 | 2 }> = [];
  let text = decoded.text;
  let fixed: number | undefined;
  if (options.fix) {
    const result = fixText(text, segmenter, config, pageRef);
    if (result.text !== text) {
      try {
        writeAtomically(file, (decoded.bom ? '\uFEFF' : '') + result.text);
        fixed = result.fixed;
        text = result.text;
      } catch (err) {
        notes.push({ text: `${file}: cannot write: ${(err as Error).message}`, status: 2 });
      }
    }
  }
  const analysis = analyze(text, { segmenter, config, ...(pageRef ? { pageRef } : {}) });
  const index = new LineIndex(analysis.model.lines);
  const uri = pathToFileURL(file).href;
  const diagnostics = analysis.findings.map((f) => toDiagnostic(f, index, uri));
  const last = diagnostics[diagnostics.length - 1];
  if (analysis.omitted > 0 && last) diagnostics.push(omittedDiagnostic(analysis.omitted, diagnostics.length, last.range));
  return {
    file,
    notes,
    report: {
      diagnostics,
      outline: outline(analysis.model),
      lines: packLines(analysis.model.lines),
      summary: summarizeFile(uri, analysis, index),
      crossPage: { level: config.rules?.['orphaned-continuation'] ?? orphanedContinuation.defaultSeverity, missingPage: options.missingPage, ...(config.ignored ? { ignored: config.ignored } : {}) },
      ...(fixed !== undefined ? { fixed } : {}),
    },
  };
}
