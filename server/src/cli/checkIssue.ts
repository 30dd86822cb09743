/**
 * One issue's check: the files of one folder (or one file of several pages)
 * opened in a workspace session, as the editor opens them, fixed in place
 * when asked, then each file's findings and its cross-page findings, its
 * outline with the jumps noted. The whole of it runs where the files were
 * read, so only finished reports (plain, structured-clone safe data) travel
 * between threads.
 */
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DocumentDiagnostics } from '../documentDiagnostics';
import { isDiagnosticData, type FixData } from '../diagnostics';
import type { MissingPageLevel } from '../issue/crossPage';
import { issueFindingFixes } from '../issue/issueFixes';
import type { OutlineEntry } from '../outline';
import type { Finding } from '../rules/finding';
import type { Segmenter } from '../segment/segmenter';
import type { Line } from '../text/lines';
import type { ConfigFinder } from '../workspace/configFinder';
import { DEFAULT_SETTINGS } from '../workspace/fileConfig';
import { pageTest } from '../workspace/pageFiles';
import { WorkspaceSession, type DocumentView } from '../workspace/session';
import { readText, writeText } from './fileText';
import { unifiedDiff } from './unifiedDiff';
import { t } from '../l10n/t';

export interface CheckOptions {
  readonly fix: boolean;
  /** With fix: show what it would do instead of writing (`--diff`: the unified diff; `--dry-run`: how many fixes). */
  readonly preview?: 'diff' | 'dry-run';
  readonly missingPage: MissingPageLevel;
  /** At most this many findings listed per file; the rest are counted. */
  readonly maxProblems?: number;
  /** Each diagnostic's fixes in its data, for programs (--format json); the editor asks for them by code action instead. */
  readonly withFixes?: boolean;
}

/** A file to check, and whether it was named on the command line (or found in a folder, where only pages count). */
export interface CheckTarget {
  readonly path: string;
  readonly named: boolean;
}

export interface CheckedFile {
  readonly file: string;
  /** Lines for stderr, and the exit status each asks for. */
  readonly notes: ReadonlyArray<{ readonly text: string; readonly status: 0 | 2 }>;
  /** Set when the file was found in a folder and is not a page: why not. */
  readonly skipped?: string;
  readonly report?: {
    readonly diagnostics: Diagnostic[];
    readonly outline: OutlineEntry[];
    /** The file's lines, packed: start, end and next of each. */
    readonly lines: Int32Array;
    /** Set when the file was fixed in place: how many fixes. */
    readonly fixed?: number;
    /** Set on a preview: how many fixes --fix would apply, and (--diff) the change as a unified diff. */
    readonly wouldFix?: number;
    readonly diff?: string;
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

/** What a file's check threw, as a note on the file: one file that cannot be checked must not end the run. */
function guarded<T>(o: { t: CheckTarget; notes: Array<{ text: string; status: 0 | 2 }>; failed?: boolean }, work: () => T): T | undefined {
  try {
    return work();
  } catch (err) {
    // Said once per file, however many of its steps then fail: told by a flag, since the note's words follow the language.
    if (o.failed) return undefined;
    o.failed = true;
    o.notes.push({ text: t`${o.t.path}: could not be checked (${err instanceof Error ? err.message : String(err)}); the other files were`, status: 2 });
    return undefined;
  }
}

/** Checks the files of one issue; results in the order given. */
export function checkIssue(targets: readonly CheckTarget[], options: CheckOptions, segmenter: Segmenter, configs: ConfigFinder): CheckedFile[] {
  const session = new WorkspaceSession({ segmenter: () => segmenter, configs, unbounded: true });
  session.setSettings(undefined, { ...DEFAULT_SETTINGS, missingPage: options.missingPage });
  const opened = targets.map((target) => {
    const uri = pathToFileURL(target.path).href;
    const read = readText(target.path);
    if (!read.ok) {
      // Found in a folder under a name that is no page's, it is not a page: no reason to fail over its bytes.
      if (!target.named && !pageTest(target.path, '', session.configOf(uri).pattern).page) return { t: target, uri, notes: [], skipped: read.reason };
      return { t: target, uri, notes: [{ text: read.note, status: read.status }] };
    }
    if (!target.named) {
      const test = pageTest(target.path, read.text, session.configOf(uri).pattern);
      if (!test.page) return { t: target, uri, notes: [], skipped: test.reason };
    }
    session.openDocument(uri, 0, read.text);
    // Said, not silent: a person should know the checker read the bytes as GB18030, and that --fix keeps them so.
    const notes: Array<{ text: string; status: 0 | 2 }> =
      read.encoding === 'gb18030' ? [{ text: t`${target.path}: read as GB18030 (GBK); --fix writes it back in GB18030`, status: 0 }] : [];
    return { t: target, uri, notes, read };
  });
  const fixed = new Map<string, number>();
  const previews = new Map<string, { wouldFix: number; diff?: string }>();
  if (options.fix) {
    for (const o of opened) {
      if (!('read' in o) || !o.read) continue;
      const result = guarded(o, () => session.fixAll(o.uri));
      if (!result || result.edits.length === 0) continue;
      if (options.preview) {
        // Nothing is written: the findings and outline stay those of the file as it is.
        const before = o.read.text;
        previews.set(o.uri, { wouldFix: result.fixed, ...(options.preview === 'diff' ? { diff: unifiedDiff(o.t.path, before, result.text) } : {}) });
        continue;
      }
      try {
        const written = writeText(o.t.path, result.text, o.read);
        if (written.written) {
          fixed.set(o.uri, result.fixed);
          session.openDocument(o.uri, 1, result.text);
        } else o.notes.push({ text: t`${written.reason}: not fixed, left as it is`, status: 2 });
      } catch (err) {
        o.notes.push({ text: t`${o.t.path}: cannot write: ${(err as Error).message}`, status: 2 });
      }
    }
  }
  // Every file is in the index before any cross-page finding is asked for.
  const views = new Map(opened.map((o) => [o.uri, guarded(o, () => session.document(o.uri))]));
  const diagnostics = new DocumentDiagnostics();
  const limit = options.maxProblems !== undefined ? { max: options.maxProblems, name: '--max-problems' } : undefined;
  return opened.map((o): CheckedFile => {
    const view = views.get(o.uri);
    if (!view) return { file: o.t.path, notes: o.notes, ...('skipped' in o && o.skipped ? { skipped: o.skipped } : {}) };
    const report = guarded(o, () => ({
      diagnostics: withFixes(diagnostics.of(view, session.crossPage(o.uri), limit), view, options.withFixes === true),
      outline: session.outline(view),
      lines: packLines(view.analysis.lineIndex().lines),
    }));
    if (!report) return { file: o.t.path, notes: o.notes };
    const n = fixed.get(o.uri);
    return { file: o.t.path, notes: o.notes, report: { ...report, ...(n !== undefined ? { fixed: n } : {}), ...previews.get(o.uri) } };
  });
}

/**
 * Diagnostics with their fixes in `data.fixes`, in LSP ranges: what a program
 * reading the checker's JSON needs to apply one. A fix the text of a range
 * rebuilds (the half-width marks of a 10 MB line) is given as that recipe.
 */
function withFixes(list: Diagnostic[], view: DocumentView, wanted: boolean): Diagnostic[] {
  if (!wanted) return list;
  const { analysis } = view;
  const range = (span: { start: number; end: number }) => analysis.range(span.start, span.end);
  // One pass over the findings: a search per diagnostic is quadratic on a page of thousands of findings.
  const byFingerprint = new Map<string, Finding[]>();
  for (const f of analysis.findings()) {
    const same = byFingerprint.get(f.fingerprint);
    if (same) same.push(f);
    else byFingerprint.set(f.fingerprint, [f]);
  }
  return list.map((d) => {
    if (!isDiagnosticData(d.data)) return d;
    const same = byFingerprint.get(d.data.fingerprint) ?? [];
    // Findings that share a fingerprint cover the same text on different pages: the line tells them apart.
    const own = same.length === 1 ? same[0] : analysis.locate(d.data.fingerprint, d.range.start.line);
    const fixes: FixData[] = (own?.fixes ?? issueFindingFixes(analysis.pages(), d.data.rule, d.data.fingerprint, d.range.start.line)).map((fix) =>
      fix.recipe
        ? { title: fix.title, safe: fix.safe, edits: [], recipe: { kind: fix.recipe.kind, range: range(fix.recipe.span) } }
        : { title: fix.title, safe: fix.safe, edits: fix.edits.map((e) => ({ range: range(e), newText: e.newText })) },
    );
    return { ...d, data: { ...d.data, fixes } };
  });
}
