/** Text edits in offsets: merging many fixes into one change, and applying it. */
import type { Finding, RuleId, TextEdit } from '../rules/finding';

/**
 * The edits of every safe fix, sorted and without overlaps: what fix-all
 * applies in one versioned change. When two fixes touch the same text the
 * earlier one wins and the other waits for the next run.
 */
export function fixAllEdits(findings: readonly Finding[], rule?: RuleId): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    if (rule && f.rule !== rule) continue;
    const fix = f.fixes.find((x) => x.safe);
    // A loop, not push(...): a 10 MB line's half-width fix has millions of edits, past the argument limit.
    if (fix) for (const e of fix.edits) edits.push(e);
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  let end = -1;
  for (const e of edits) {
    if (e.start < end) continue;
    out.push(e);
    end = Math.max(end, e.end);
  }
  return out;
}

/** Applies sorted, non-overlapping edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}
