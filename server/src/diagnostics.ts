/**
 * Findings as LSP diagnostics: the form the server publishes and the checker
 * prints as JSON. `data` names the finding and carries nothing more: code
 * actions find its fixes in the server's own analysis, and fixes left out
 * take a third off what every keystroke publishes.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { CrossPageFinding } from './issue/crossPage';
import type { LineIndex } from './text/positions';
import type { Finding, FixRecipe, RuleId, Severity } from './rules/finding';
import { t } from './l10n/t';

export const SOURCE = 'newsprint';

/**
 * What a diagnostic carries for its code actions. Clients send a
 * diagnostic back in their own columns (Neovim 0.7 counts bytes), but data
 * comes back as it went: actions find the finding by its fingerprint in the
 * server's own analysis, and never read the range sent with it.
 */
export interface DiagnosticData {
  readonly rule: RuleId;
  readonly fingerprint: string;
  /** In a one-file issue, the page it is on (A2, 5), so an ignore holds for that page alone. */
  readonly page?: string;
}

/** A fix as the checker's JSON gives it (`data.fixes`); the server gives fixes as code actions only. */
export interface FixData {
  readonly title: string;
  readonly safe: boolean;
  readonly edits: ReadonlyArray<{ readonly range: Range; readonly newText: string }>;
  /** Set instead of edits for a fix rebuilt from the text of a range (fixes/recipes.ts). */
  readonly recipe?: { readonly kind: FixRecipe['kind']; readonly range: Range };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `uri` is the document's: a finding's related places are in the same text. */
export function toDiagnostic(finding: Finding, index: LineIndex, uri: string, page?: string): Diagnostic {
  const range = index.range(finding.span.start, finding.span.end);
  const data: DiagnosticData = {
    rule: finding.rule,
    fingerprint: finding.fingerprint,
    ...(page !== undefined ? { page } : {}),
  };
  return {
    range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    source: SOURCE,
    message: finding.message,
    data,
    ...(finding.related?.length
      ? { relatedInformation: finding.related.map((r) => ({ location: { uri, range: index.range(r.span.start, r.span.end) }, message: r.message })) }
      : {}),
  };
}

/** A diagnostic counting the findings a front end's limit left out (`limit` says which: “newsprint.maxProblems is 999”), at the end of the last one listed. */
export function omittedDiagnostic(omitted: number, limit: string, range: Range): Diagnostic {
  return {
    range,
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: t`${omitted} more problems not shown: ${limit}.`,
  };
}

/** A diagnostic's message as text: ours are always plain, but LSP 3.18 lets a message be markup. */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  const d = value as Partial<DiagnosticData> | null | undefined;
  return !!d && typeof d.rule === 'string' && typeof d.fingerprint === 'string';
}

/** A cross-page finding as a diagnostic: the same code, source and data as a page's own, plus where to look on the other page. */
export function crossPageDiagnostic(f: CrossPageFinding): Diagnostic {
  // No fixes: which page is wrong is for a person to decide; "ignore" and "turn off" still apply.
  const data: DiagnosticData = { rule: f.rule, fingerprint: f.fingerprint, ...(f.page !== undefined ? { page: f.page } : {}) };
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: SOURCE,
    message: f.message,
    data,
    ...(f.related.length > 0 ? { relatedInformation: f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })) } : {}),
  };
}
