/** Cross-page findings as LSP diagnostics: the same code, source and data as a page's own, plus where to look on the other page. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { SOURCE, type DiagnosticData } from '../diagnostics';
import type { CrossPageFinding } from './crossPage';
import type { Severity } from '../rules/finding';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function crossPageDiagnostic(f: CrossPageFinding): Diagnostic {
  // No fixes: which page is wrong is for a person to decide; "ignore" and "turn off" still apply.
  const data: DiagnosticData = { rule: f.rule, fingerprint: f.fingerprint, fixes: [] };
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
