/**
 * The product as the harness sees it: an issue's pages checked as the
 * checker checks a folder (each page's own findings, uncapped, then the
 * cross-page ones), and what fix-all would apply to each page.
 */
import { analyze, type Analysis } from '../../server/src/analysis';
import { fixAll } from '../../server/src/fixes/fixAll';
import { IssueIndex } from '../../server/src/issue/issueIndex';
import { fileNameOf, summarizePages } from '../../server/src/issue/pageSummary';
import type { Span } from '../../server/src/model/page';
import { DEFAULT_PROFILE, type PaperProfile } from '../../server/src/model/profile';
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
  readonly crossPage: boolean;
  /** The reading's margin for it, where the rule weighed one. */
  readonly margin?: number;
}

export interface CheckedPage {
  readonly page: RenderedPage;
  readonly analysis: Analysis;
  readonly found: readonly Found[];
  /** What fix-all would change, against the page's text. */
  readonly fixAll: readonly TextEdit[];
}

function uriOf(p: RenderedPage): string {
  return `file:///eval/${p.rendering}/${p.date}/${String(p.page).padStart(2, '0')}.txt`;
}

export function checkIssue(pages: readonly RenderedPage[], segmenter: Segmenter, profile?: PaperProfile): CheckedPage[] {
  const index = new IssueIndex();
  const analysed = pages.map((page) => {
    const pageRef = parsePageRef(String(page.page));
    const options = { segmenter, ...(pageRef ? { pageRef } : {}), config: profile ? { profile } : {} };
    const analysis = analyze(page.text, options);
    index.set({ uri: uriOf(page), pages: summarizePages(analysis.model, analysis.findings, new LineIndex(analysis.model.lines), fileNameOf(uriOf(page))) });
    const edits = fixAll(page.text, (t) => (t === page.text ? analysis.findings : analyze(t, options).findings)).edits;
    return { page, analysis, edits };
  });
  return analysed.map(({ page, analysis, edits }) => {
    const found: Found[] = analysis.findings.map((f) => {
      const proposed = f.fixes[0]?.edits;
      return {
        rule: f.rule,
        severity: f.severity,
        span: f.span,
        message: f.message,
        ...(proposed ? { proposed } : {}),
        ...(f.confidence ? { margin: f.confidence.margin } : {}),
        crossPage: false,
      };
    });
    for (const f of index.crossPageFindings(uriOf(page), {
      level: 'warning',
      missingPage: 'off',
      byline: { level: 'warning', likelyStart: (profile ?? DEFAULT_PROFILE).thresholds.likelyStart },
    })) {
      found.push({ rule: f.rule, severity: f.severity, span: f.span, message: f.message, crossPage: true });
    }
    return { page, analysis, found, fixAll: edits };
  });
}
