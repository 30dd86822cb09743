/**
 * The product as the harness sees it: an issue's pages checked as the
 * checker checks a folder (each page's own findings, uncapped, then the
 * cross-page ones), and what fix-all would apply to each page.
 */
import { analyze, type Analysis } from '../../server/src/analysis';
import { fixAllEdits } from '../../server/src/fixes/edits';
import { IssueIndex } from '../../server/src/issue/issueIndex';
import { summarizeFile } from '../../server/src/issue/pageSummary';
import type { Span } from '../../server/src/model/page';
import type { PaperProfile } from '../../server/src/model/profile';
import type { RuleId, Severity, TextEdit } from '../../server/src/rules/finding';
import type { Segmenter } from '../../server/src/segment/segmenter';
import { parsePageRef } from '../../server/src/text/numerals';
import { LineIndex } from '../../server/src/text/positions';
import type { RenderedPage } from './render';

export interface Found {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  /** Edits of its first fix, safe or not. */
  readonly proposed?: readonly TextEdit[];
  /** Edits of the fix fix-all would apply for it; undefined when it applies none. */
  readonly applied?: readonly TextEdit[];
  readonly crossPage: boolean;
  /** The reading's margin for it, where the rule weighed one. */
  readonly margin?: number;
}

export interface CheckedPage {
  readonly page: RenderedPage;
  readonly analysis: Analysis;
  readonly found: readonly Found[];
}

function uriOf(p: RenderedPage): string {
  return `file:///eval/${p.rendering}/${p.date}/${String(p.page).padStart(2, '0')}.txt`;
}

export function checkIssue(pages: readonly RenderedPage[], segmenter: Segmenter, profile?: PaperProfile): CheckedPage[] {
  const index = new IssueIndex();
  const analysed = pages.map((page) => {
    const pageRef = parsePageRef(String(page.page));
    const analysis = analyze(page.text, { segmenter, ...(pageRef ? { pageRef } : {}), config: { maxProblems: Infinity, ...(profile ? { profile } : {}) } });
    index.set(summarizeFile(uriOf(page), analysis, new LineIndex(analysis.model.lines)));
    return { page, analysis };
  });
  return analysed.map(({ page, analysis }) => {
    const kept = new Set(fixAllEdits(analysis.findings));
    const found: Found[] = analysis.findings.map((f) => {
      const fix = f.fixes.find((x) => x.safe);
      const applied = fix && fix.edits.length > 0 && fix.edits.every((e) => kept.has(e)) ? fix.edits : undefined;
      const proposed = f.fixes[0]?.edits;
      return {
        rule: f.rule,
        severity: f.severity,
        span: f.span,
        message: f.message,
        ...(proposed ? { proposed } : {}),
        ...(applied ? { applied } : {}),
        ...(f.confidence ? { margin: f.confidence.margin } : {}),
        crossPage: false,
      };
    });
    for (const f of index.crossPageFindings(uriOf(page), { level: 'warning', missingPage: 'off' })) {
      found.push({ rule: f.rule, severity: f.severity, span: f.span, message: f.message, crossPage: true });
    }
    return { page, analysis, found };
  });
}
