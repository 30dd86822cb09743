/**
 * The fixes export applies before it reads a page: the safe fixes fix-all
 * applies (fixes/fixAll.ts), less those that write words. An export is a record of what was
 * printed, so it joins cuts, closes up spread headlines and widens
 * punctuation, but never inserts a placeholder source line (记者 ): a missing
 * byline stays missing, and the record says so in a note.
 */
import { fixAll } from '../fixes/fixAll';
import type { Finding, Fix, RuleId, TextEdit } from '../rules/finding';

/** Half-width marks and the full-width forms a fix may turn them into. */
const WIDER: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };
const LAYOUT_SPACE = /^[\s\u3000\u00a0]*$/;

/** Whether a fix only takes out layout (line breaks, spaces) or widens a mark: the reader's text stays the same. */
export function keepsReaderText(fix: Fix, text: string): boolean {
  return fix.edits.every((e) => {
    const old = text.slice(e.start, e.end);
    if (LAYOUT_SPACE.test(old) && (e.newText === '' || e.newText === ' ')) return true;
    return old.length === 1 && WIDER[old] === e.newText;
  });
}

/** The findings with their other safe fixes marked unsafe, so fix-all's merge leaves them out. */
function certainOnly(findings: readonly Finding[], text: string): Finding[] {
  return findings.map((f) => ({ ...f, fixes: f.fixes.map((x) => (x.safe && !keepsReaderText(x, text) ? { ...x, safe: false } : x)) }));
}

export interface Fixed {
  readonly text: string;
  /** Findings whose fix was applied, by rule. */
  readonly applied: Partial<Record<RuleId, number>>;
  /** The edits, against the text given: what maps an offset of it to the fixed text. */
  readonly passes: ReadonlyArray<readonly TextEdit[]>;
}

/** Fix-all (the one the editor and the checker share) over the findings with only their reader-keeping fixes safe. */
export function applyCertainFixes(text: string, analyse: (text: string) => readonly Finding[]): Fixed {
  const result = fixAll(text, (t) => certainOnly(analyse(t), t));
  return { text: result.text, applied: result.byRule, passes: result.edits.length > 0 ? [result.edits] : [] };
}

/** Where an offset of the original text is in the fixed text (inside a replaced range: at its start). */
export function fixedOffset(fixed: Fixed, offset: number): number {
  let at = offset;
  for (const edits of fixed.passes) {
    let shift = 0;
    for (const e of edits) {
      if (e.start >= at) break;
      if (e.end > at) {
        at = e.start;
        break;
      }
      shift += e.newText.length - (e.end - e.start);
    }
    at += shift;
  }
  return at;
}
