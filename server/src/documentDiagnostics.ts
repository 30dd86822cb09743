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
import { crossPageDiagnostic, omittedDiagnostic, toDiagnostic, type DiagnosticData } from './diagnostics';
import type { CrossPageFinding } from './issue/crossPage';
import type { PageModel } from './model/page';
import type { Finding } from './rules/finding';
import { LineIndex } from './text/positions';
import type { DocumentView } from './workspace/session';

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
  const data = d.data as DiagnosticData;
  return {
    ...d,
    range: shiftRange(d.range, by),
    ...(d.relatedInformation
      ? { relatedInformation: d.relatedInformation.map((r) => ({ ...r, location: { uri: r.location.uri, range: shiftRange(r.location.range, by) } })) }
      : {}),
    data: {
      ...data,
      range: shiftRange(data.range, by),
      fixes: data.fixes.map((f) => ({
        ...f,
        edits: f.edits.map((e) => ({ range: shiftRange(e.range, by), newText: e.newText })),
        ...(f.recipe ? { recipe: { kind: f.recipe.kind, range: shiftRange(f.recipe.range, by) } } : {}),
      })),
    },
  };
}

const before = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

export class DocumentDiagnostics {
  private readonly relative = new WeakMap<Finding, Diagnostic>();
  private readonly indexes = new WeakMap<PageModel, LineIndex>();

  private indexOf(model: PageModel): LineIndex {
    let index = this.indexes.get(model);
    if (!index) this.indexes.set(model, (index = new LineIndex(model.lines)));
    return index;
  }

  /** Own findings, then cross-page ones merged in by position; within the limit, if any, and a count of the rest. */
  of(view: DocumentView, cross: readonly CrossPageFinding[], limit?: ProblemLimit): Diagnostic[] {
    const chunks = view.analysis.chunks;
    // Ignores name a page only in a one-file issue.
    const paged = chunks.length > 1 || (chunks[0]?.model.pages.length ?? 0) > 1;
    const own: Diagnostic[] = [];
    for (const c of chunks) {
      const pages = c.model.pages;
      let p = 0;
      for (const f of c.findings) {
        let d = this.relative.get(f);
        if (!d) {
          while (p + 1 < pages.length && pages[p + 1]!.span.start <= f.span.start) p++;
          const page = paged && pages[p] ? pageKey(pages[p]!) : undefined;
          d = toDiagnostic(f, this.indexOf(c.model), view.uri, page);
          this.relative.set(f, d);
        }
        own.push(shiftDiagnostic(d, c.chunk.line));
      }
    }
    const all = cross.length === 0 ? own : [...own, ...cross.map(crossPageDiagnostic)].sort(before);
    if (!limit || all.length <= limit.max) return all;
    const listed = all.slice(0, limit.max);
    const last = listed[listed.length - 1];
    if (last) listed.push(omittedDiagnostic(all.length - limit.max, `${limit.name} is ${limit.max}`, last.range));
    return listed;
  }
}
