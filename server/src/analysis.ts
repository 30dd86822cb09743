/**
 * The analysis entry point shared by the language server and the checker:
 * text in, page model and findings out. No editor, no connection, no files.
 */
import { readPage, type LineCache } from './model/readPage';
import { DEFAULT_PROFILE, type PaperProfile } from './model/profile';
import type { PageModel } from './model/page';
import type { PageRef } from './text/numerals';
import { noSegmenter, type Segmenter } from './segment/segmenter';
import type { Finding, RuleId, RuleLevel } from './rules/finding';
import { RULES } from './rules';

export interface AnalysisConfig {
  /** Per-rule severity or off; rules not named keep their default. */
  readonly rules?: Partial<Record<RuleId, RuleLevel>>;
  readonly paperName?: string;
  readonly bylineTemplate?: string;
  /** Fingerprints of findings a person chose to ignore. */
  readonly ignored?: ReadonlySet<string>;
  /** At most this many findings; the rest are counted, not listed. */
  readonly maxProblems?: number;
  /** The paper's conventions: the default, or the default as a workspace extends it. */
  readonly profile?: PaperProfile;
}

export interface Analysis {
  readonly model: PageModel;
  readonly findings: Finding[];
  /** Findings left out because of maxProblems. */
  readonly omitted: number;
}

export interface AnalyzeOptions {
  readonly segmenter?: Segmenter;
  readonly pageRef?: PageRef;
  readonly config?: AnalysisConfig;
  readonly lineCache?: LineCache;
}

/** VS Code keeps at most 1,000 diagnostics per file: the default leaves room for the one that counts the rest. */
export const DEFAULT_MAX_PROBLEMS = 999;

export function readModel(text: string, options: AnalyzeOptions): PageModel {
  return readPage(text, {
    segmenter: options.segmenter ?? noSegmenter,
    ...(options.pageRef ? { pageRef: options.pageRef } : {}),
    ...(options.lineCache ? { lineCache: options.lineCache } : {}),
    ...(options.config?.profile ? { profile: options.config.profile } : {}),
  });
}

/** Every enabled rule's findings on a model, ignored ones left out, in position order. */
export function check(model: PageModel, config: AnalysisConfig, paperName = config.paperName): Finding[] {
  const context = {
    model,
    profile: config.profile ?? DEFAULT_PROFILE,
    ...(paperName ? { paperName } : {}),
    ...(config.bylineTemplate ? { bylineTemplate: config.bylineTemplate } : {}),
  };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const level = config.rules?.[rule.id] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    for (const f of rule.check(context, level)) {
      if (!config.ignored?.has(f.fingerprint)) findings.push(f);
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** At most `max` findings, and how many were left out. */
export function cap(findings: Finding[], max: number): { findings: Finding[]; omitted: number } {
  const omitted = Math.max(0, findings.length - max);
  return { findings: omitted > 0 ? findings.slice(0, max) : findings, omitted };
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? {};
  const model = readModel(text, options);
  const { findings, omitted } = cap(check(model, config), config.maxProblems ?? DEFAULT_MAX_PROBLEMS);
  return { model, findings, omitted };
}
