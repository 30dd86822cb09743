/** What a rule reports: plain data in offsets, turned into LSP diagnostics or checker lines at the edges. */
import type { Span } from '../model/page';

export const RULE_IDS = ['broken-wrap', 'orphaned-continuation', 'missing-byline', 'spaced-headline', 'halfwidth-punctuation'] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleLevel = Severity | 'off';

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

/** Replace the text in [start, end) with newText. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /**
   * Whether fix-all may apply it unattended. Fixes that reorder text (moving
   * a marker) or delete words (a duplicate marker) wait for a person.
   */
  readonly safe: boolean;
  /** When set, the fix can be rebuilt from the text of this span alone (see fixes/recipes.ts). */
  readonly recipe?: FixRecipe;
}

export interface FixRecipe {
  readonly kind: 'halfwidth-punctuation';
  readonly span: Span;
}

export interface Finding {
  readonly rule: RuleId;
  readonly span: Span;
  readonly message: string;
  readonly severity: Severity;
  readonly fixes: readonly Fix[];
  /** Rule and surrounding text, not a line number, so an ignore survives edits elsewhere. */
  readonly fingerprint: string;
  /**
   * How sure the page model is of what the finding says, where it weighed
   * cues to say it: the reading's margin, whether that is past the profile's
   * threshold for certain (fix-all applies only fixes marked safe, and a rule
   * marks a fix safe only when its finding is certain), and whether it is
   * likely at all: a finding that is not is shown at information, whatever
   * the rule's level (see `unsure`).
   */
  readonly confidence?: { readonly margin: number; readonly certain: boolean; readonly likely: boolean };
  /**
   * Other places in the same text the finding concerns (the second part of a
   * cut), so that its message names no line: positions are the front end's to say.
   */
  readonly related?: ReadonlyArray<{ readonly span: Span; readonly message: string }>;
}

/**
 * The level of a finding the page model is not sure of: information where
 * the rule reports warnings or errors, the rule's own level when it is
 * already quieter.
 */
export function unsure(severity: Severity): Severity {
  return severity === 'error' || severity === 'warning' ? 'information' : severity;
}

/** The level a finding is shown at when its rule is set to `level`. */
export function levelFor(finding: Finding, level: Severity): Severity {
  return finding.confidence?.likely === false ? unsure(level) : level;
}
