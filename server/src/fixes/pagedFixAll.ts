/**
 * Fix-all of a document page by page. Findings are made per page and a
 * page's fixes never reach past its own text, so the document's fix-all is
 * its pages' fix-alls side by side. Each page's is remembered with the
 * page's findings: a light bulb asked for after a keystroke on one page of
 * eighty runs that page's passes, not the whole file's.
 */
import type { Finding, RuleId, TextEdit } from '../rules/finding';
import { fixAll, type FixAllResult } from './fixAll';

/** A page of the document: its text, where it starts, and the findings its current text has. */
export interface FixablePage {
  readonly text: string;
  readonly start: number;
  readonly findings: readonly Finding[];
}

/**
 * The findings of a page's text after some fixes, read as the page at
 * `index` is read; undefined when the text no longer reads as one page (a
 * fix made or removed a page line), and the pages cannot be fixed apart.
 */
export type ReadPageAgain = (text: string, index: number) => readonly Finding[] | undefined;

/** Each page's fix-all, by the findings it was worked out from and the rule it was limited to. */
const remembered = new WeakMap<readonly Finding[], Map<string, FixAllResult>>();

function hasSafeFix(findings: readonly Finding[], rule: RuleId | undefined): boolean {
  return findings.some((f) => (rule === undefined || f.rule === rule) && f.fixes.some((x) => x.safe));
}

function pageFixAll(page: FixablePage, index: number, readAgain: ReadPageAgain, rule: RuleId | undefined): FixAllResult | undefined {
  const key = rule ?? '';
  const known = remembered.get(page.findings)?.get(key);
  if (known) return known;
  let split = false;
  const result = fixAll(
    page.text,
    (text) => {
      if (text === page.text) return page.findings;
      const findings = readAgain(text, index);
      if (findings === undefined) split = true;
      return findings ?? [];
    },
    rule ? { rule } : {},
  );
  if (split) return undefined;
  let byRule = remembered.get(page.findings);
  if (!byRule) remembered.set(page.findings, (byRule = new Map<string, FixAllResult>()));
  byRule.set(key, result);
  return result;
}

/**
 * The pages' fix-alls as one result against the whole text (`text`, the
 * pages end to end), or undefined when a page's fixes change where pages
 * begin: then only a fix-all of the whole text can say what the text becomes.
 */
export function pagedFixAll(text: string, pages: readonly FixablePage[], readAgain: ReadPageAgain, rule?: RuleId): FixAllResult | undefined {
  const parts: string[] = [];
  const edits: TextEdit[] = [];
  const byRule: Partial<Record<RuleId, number>> = {};
  let fixed = 0;
  let unapplied = 0;
  let passes = 0;
  let copied = 0;
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    if (!hasSafeFix(page.findings, rule)) continue;
    const result = pageFixAll(page, i, readAgain, rule);
    if (!result) return undefined;
    if (result.edits.length > 0) {
      parts.push(text.slice(copied, page.start), result.text);
      copied = page.start + page.text.length;
      for (const e of result.edits) edits.push({ start: e.start + page.start, end: e.end + page.start, newText: e.newText });
    }
    for (const [r, n] of Object.entries(result.byRule) as Array<[RuleId, number]>) byRule[r] = (byRule[r] ?? 0) + n;
    fixed += result.fixed;
    unapplied += result.unapplied;
    passes = Math.max(passes, result.passes);
  }
  parts.push(text.slice(copied));
  return { text: parts.join(''), edits, fixed, byRule, unapplied, passes };
}
