/**
 * A document's diagnostics, as the server publishes them and the checker
 * prints them: its own findings and its cross-page ones, in position order,
 * capped where a front end has a limit, with one more diagnostic counting
 * the rest. Each page's findings become diagnostics relative to the page's
 * first line once, and are only moved while the page's text is unchanged: a
 * keystroke on one page of eighty converts one page.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { pageKey } from './analysis';
import { crossPageDiagnostic, omittedDiagnostic, toDiagnostic } from './diagnostics';
import type { CrossPageFinding } from './issue/crossPage';
import { modelIndex } from './pagedAnalysis';
import type { Finding } from './rules/finding';
import type { DocumentView } from './workspace/session';
import { t } from './l10n/t';

/** A front end's limit: at most `max` diagnostics per document; `name` says which setting or option set it. */
export interface ProblemLimit {
  readonly max: number;
  readonly name: string;
}

function shiftRange<T extends Range>(r: T, by: number): T {
  return { ...r, start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } };
}

/** A diagnostic computed relative to its page's first line, moved to where the page stands now. */
function shiftDiagnostic(d: Diagnostic, by: number): Diagnostic {
  if (by === 0) return d;
  return {
    ...d,
    range: shiftRange(d.range, by),
    ...(d.relatedInformation
      ? { relatedInformation: d.relatedInformation.map((r) => ({ ...r, location: { uri: r.location.uri, range: shiftRange(r.location.range, by) } })) }
      : {}),
  };
}

export class DocumentDiagnostics {
  private readonly relative = new WeakMap<Finding, Diagnostic>();

  /**
   * `related`: whether the client takes related information. One that does
   * not would only parse and drop it, a quarter of what a page of findings
   * weighs on every publish. `docs`: the page of a rule, for clients that
   * link a diagnostic's code to it (codeDescription).
   */
  constructor(
    private readonly related = true,
    private readonly docs?: (rule: string) => string,
  ) {}

  private shown(d: Diagnostic): Diagnostic {
    const linked = this.docs && typeof d.code === 'string' ? { ...d, codeDescription: { href: this.docs(d.code) } } : d;
    if (this.related || !linked.relatedInformation) return linked;
    const { relatedInformation: _, ...rest } = linked;
    return rest;
  }

  /**
   * Own findings and cross-page ones merged by position, within the limit if
   * any, and a count of the rest. Only what is listed is converted: a page of
   * 100,000 findings shown 999 at a time costs 999 diagnostics a keystroke.
   */
  of(view: DocumentView, cross: readonly CrossPageFinding[], limit?: ProblemLimit): Diagnostic[] {
    const chunks = view.analysis.chunks;
    // Ignores name a page only in a one-file issue.
    const paged = chunks.length > 1 || (chunks[0]?.model.pages.length ?? 0) > 1;
    const max = limit?.max ?? Infinity;
    const total = chunks.reduce((n, c) => n + c.findings.length, cross.length);
    const out: Diagnostic[] = [];
    let x = 0;
    const crossBefore = (at: number) => {
      while (x < cross.length && cross[x]!.span.start < at && out.length < max) out.push(this.shown(crossPageDiagnostic(cross[x++]!)));
    };
    listing: for (const c of chunks) {
      const pages = c.model.pages;
      let p = 0;
      for (const f of c.findings) {
        crossBefore(c.chunk.start + f.span.start);
        if (out.length >= max) break listing;
        let d = this.relative.get(f);
        if (!d) {
          while (p + 1 < pages.length && pages[p + 1]!.span.start <= f.span.start) p++;
          const page = paged && pages[p] ? pageKey(pages[p]!) : undefined;
          d = this.shown(toDiagnostic(f, modelIndex(c.model), view.uri, page));
          this.relative.set(f, d);
        }
        out.push(shiftDiagnostic(d, c.chunk.line));
      }
    }
    crossBefore(Infinity);
    const last = out[out.length - 1];
    if (limit && out.length < total && last) out.push(omittedDiagnostic(total - out.length, t`${limit.name} is ${limit.max}`, last.range));
    return out;
  }
}
