/** The checker's output: compiler-style lines and an outline for people, JSON for programs. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { messageText } from '../diagnostics';
import type { OutlineEntry } from '../outline';
import type { LineIndex } from '../text/positions';
import { counted, t } from '../l10n/t';

export interface FileReport {
  readonly path: string;
  readonly diagnostics: Diagnostic[];
  readonly outline: OutlineEntry[];
  readonly index: LineIndex;
  /** Set when the file was fixed in place. */
  readonly fixed?: number;
  /** Set on a dry run: how many fixes --fix would apply. */
  readonly wouldFix?: number;
}

const SEVERITY_NAME = ['', 'error', 'warning', 'information', 'hint'];

export function severityName(d: Diagnostic): string {
  return SEVERITY_NAME[d.severity ?? 1] ?? 'error';
}

/** How a file URI is shown: the checker shows paths as the person typed them. */
export type ShowUri = (uri: string) => string;

/** A compiler-style line, then one indented line for each place on another page it points to. */
export function formatDiagnostic(path: string, d: Diagnostic, show: ShowUri = (uri) => uri): string {
  const head = `${path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d)} ${d.code ?? 'newsprint'} ${messageText(d)}`;
  const related = (d.relatedInformation ?? []).map((r) => `    ${show(r.location.uri)}:${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${r.message}`);
  return [head, ...related].join('\n');
}

function lines(entry: OutlineEntry, index: LineIndex): string {
  const a = index.position(entry.span.start).line + 1;
  const b = index.position(entry.span.end).line + 1;
  return a === b ? t`line ${a}` : t`lines ${a}–${b}`;
}

function outlineLines(entries: readonly OutlineEntry[], index: LineIndex, depth: number, out: string[]): void {
  entries.forEach((e, i) => {
    const pad = '  '.repeat(depth);
    const label = depth === 0 || e.kind === 'page' ? `${pad}${String(i + 1).padStart(2)}. ` : `${pad}    · `;
    out.push(`${label}${e.name}  [${e.detail}] (${lines(e, index)})`);
    outlineLines(e.children, index, depth + 1, out);
  });
}

function severityCount(severity: 'error' | 'warning' | 'information' | 'hint', n: number): string {
  switch (severity) {
    case 'error':
      return counted(n, t('{0} error'), t('{0} errors'));
    case 'warning':
      return counted(n, t('{0} warning'), t('{0} warnings'));
    case 'information':
      return t`${n} information`;
    case 'hint':
      return counted(n, t('{0} hint'), t('{0} hints'));
  }
}

export function formatText(reports: readonly FileReport[], showOutline: boolean, show?: ShowUri): string {
  const out: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) out.push(formatDiagnostic(r.path, d, show));
    if (r.fixed !== undefined) out.push(`${r.path}: ${counted(r.fixed, t('fixed {0} problem in place'), t('fixed {0} problems in place'))}`);
    if (r.wouldFix !== undefined)
      out.push(`${r.path}: ${counted(r.wouldFix, t('--fix would fix {0} problem (dry run: nothing written)'), t('--fix would fix {0} problems (dry run: nothing written)'))}`);
    if (showOutline) {
      out.push('', t`Outline of ${r.path}:`);
      outlineLines(r.outline, r.index, 0, out);
      out.push('');
    }
  }
  const counts = new Map<string, number>();
  for (const r of reports) for (const d of r.diagnostics) counts.set(severityName(d), (counts.get(severityName(d)) ?? 0) + 1);
  const summary = (['error', 'warning', 'information', 'hint'] as const).filter((s) => counts.has(s)).map((s) => severityCount(s, counts.get(s)!));
  const found = summary.length ? summary.join(t(', ')) : t('no problems');
  out.push(counted(reports.length, t('{1} in {0} file'), t('{1} in {0} files')).replace('{1}', found));
  return out.join('\n') + '\n';
}

function articleJson(e: OutlineEntry, index: LineIndex): unknown {
  return {
    headline: e.name,
    kind: e.kind,
    detail: e.detail,
    range: index.range(e.span.start, e.span.end),
    ...(e.children.length ? { children: e.children.map((c) => articleJson(c, index)) } : {}),
  };
}

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((r) => ({
    path: r.path,
    articles: r.outline.flatMap((e) => (e.kind === 'page' ? e.children : [e])).map((e) => articleJson(e, r.index)),
    diagnostics: r.diagnostics,
    ...(r.fixed !== undefined ? { fixed: r.fixed } : {}),
    ...(r.wouldFix !== undefined ? { wouldFix: r.wouldFix } : {}),
  }));
  return JSON.stringify({ files }, null, 2) + '\n';
}
