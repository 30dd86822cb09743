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
   * cues to say it: the reading's margin, and whether that is past the
   * profile's threshold for certain. Fix-all applies only fixes marked safe,
   * and a rule marks a fix safe only when its finding is certain.
   */
  readonly confidence?: { readonly margin: number; readonly certain: boolean };
  /**
   * For messages that name lines (0-based here): the lines and how to say the
   * message with them, so a page checked on its own can be renumbered where
   * it stands in a one-file issue.
   */
  readonly cites?: { readonly lines: readonly number[]; readonly render: (lines: readonly number[]) => string };
}

/**
 * The level of a finding the page model is not sure of: information where
 * the rule reports warnings or errors, the rule's own level when it is
 * already quieter.
 */
export function unsure(severity: Severity): Severity {
  return severity === 'error' || severity === 'warning' ? 'information' : severity;
}

/** The finding's message with its cited lines moved down by `by`. */
export function messageAt(finding: Finding, by: number): string {
  return by === 0 || !finding.cites ? finding.message : finding.cites.render(finding.cites.lines.map((l) => l + by));
}
