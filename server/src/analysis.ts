/**
 * The analysis entry point shared by the language server and the checker:
 * text in, page model and findings out. No editor, no connection, no files.
 *
 * Findings are made in two steps: every rule at its default severity
 * (`findAll`), then the configuration applied (`configure`): levels, rules
 * turned off, ignored findings. The first step reads the text; the second
 * is a filter, so a changed setting never needs the text again. How many
 * findings a front end shows is the front end's business: nothing here caps them.
 */
import { readPage, type LineCache } from './model/readPage';
import { DEFAULT_PROFILE, type PaperProfile } from './model/profile';
import type { Page, PageModel } from './model/page';
import type { PageRef } from './text/numerals';
import { noSegmenter, type Segmenter } from './segment/segmenter';
import { levelFor, type Finding, type RuleId, type RuleLevel } from './rules/finding';
import type { RuleContext } from './rules/rule';
import { RULES } from './rules';

/** Findings a person chose to ignore, by fingerprint: on every page of the file, or on one page of a one-file issue. */
export interface IgnoreSet {
  has(fingerprint: string, page?: string): boolean;
}

export interface AnalysisConfig {
  /** Per-rule severity or off; rules not named keep their default. */
  readonly rules?: Partial<Record<RuleId, RuleLevel>>;
  readonly paperName?: string;
  readonly bylineTemplate?: string;
  readonly ignored?: IgnoreSet;
  /** The paper's conventions: the default, or the default as a workspace extends it. */
  readonly profile?: PaperProfile;
}

export interface Analysis {
  readonly model: PageModel;
  /** Every finding the configuration keeps, in position order. */
  readonly findings: Finding[];
}

export interface AnalyzeOptions {
  readonly segmenter?: Segmenter;
  readonly pageRef?: PageRef;
  readonly config?: AnalysisConfig;
  readonly lineCache?: LineCache;
}

/** What the rules need beside the model: the paper's profile, its name and the source line template. */
export type Naming = Omit<RuleContext, 'model'>;

export function readModel(text: string, options: AnalyzeOptions): PageModel {
  return readPage(text, {
    segmenter: options.segmenter ?? noSegmenter,
    ...(options.pageRef ? { pageRef: options.pageRef } : {}),
    ...(options.lineCache ? { lineCache: options.lineCache } : {}),
    ...(options.config?.profile ? { profile: options.config.profile } : {}),
  });
}

/** The names the rules use: the configured paper name, else the one the page itself shows. */
export function namingOf(config: AnalysisConfig, paperName = config.paperName): Naming {
  return { profile: config.profile ?? DEFAULT_PROFILE, ...(paperName ? { paperName } : {}), ...(config.bylineTemplate ? { bylineTemplate: config.bylineTemplate } : {}) };
}

const byPosition = (a: Finding, b: Finding) => a.span.start - b.span.start || a.span.end - b.span.end;

/** Every rule's findings on a model, each at its rule's default severity, in position order. */
export function findAll(model: PageModel, naming: Naming): Finding[] {
  const context: RuleContext = { model, ...naming };
  const findings: Finding[] = [];
  for (const rule of RULES) for (const f of rule.check(context, rule.defaultSeverity)) findings.push(f);
  return findings.sort(byPosition);
}

/** How ignores name a page of a one-file issue: its section and number (A2, 5). */
export function refKey(ref: PageRef): string {
  return `${ref.section ?? ''}${ref.number}`;
}

/** A page's key for ignores; a page with no number has none. */
export function pageKey(page: Page): string | undefined {
  return page.ref ? refKey(page.ref) : undefined;
}

const DEFAULT_LEVEL = new Map<RuleId, RuleLevel>(RULES.map((r) => [r.id, r.defaultSeverity]));

/** The level a rule reports at under a configuration. */
export function levelOf(config: AnalysisConfig, rule: RuleId): RuleLevel {
  return config.rules?.[rule] ?? DEFAULT_LEVEL.get(rule) ?? 'warning';
}

/**
 * The findings a configuration keeps, at its levels. `pages` are the model's
 * (findings are in position order, so each one's page is found walking along).
 * A finding keeps its identity when its level is its rule's default, so
 * what front ends cache by finding stays valid.
 */
export function configure(findings: readonly Finding[], config: AnalysisConfig, pages: readonly Page[]): Finding[] {
  const out: Finding[] = [];
  let p = 0;
  for (const f of findings) {
    const level = levelOf(config, f.rule);
    if (level === 'off') continue;
    if (config.ignored) {
      while (p + 1 < pages.length && pages[p + 1]!.span.start <= f.span.start) p++;
      const page = pages[p];
      if (config.ignored.has(f.fingerprint, page ? pageKey(page) : undefined)) continue;
    }
    const shown = levelFor(f, level);
    out.push(shown === f.severity ? f : { ...f, severity: shown });
  }
  return out;
}

/** Every finding a configuration keeps on a model. */
export function check(model: PageModel, config: AnalysisConfig, paperName = config.paperName): Finding[] {
  return configure(findAll(model, namingOf(config, paperName)), config, model.pages);
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const model = readModel(text, options);
  return { model, findings: check(model, options.config ?? {}) };
}
