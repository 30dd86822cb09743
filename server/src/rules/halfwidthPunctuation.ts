/**
 * halfwidth-punctuation: ASCII , ; : ( ) ! ? in Chinese text. Reported once
 * per page (a page of extracted text may hold hundreds), with one fix that
 * converts them all. Times (12:30), thousands (1,000), decimals, URLs and
 * Latin text keep their ASCII marks.
 */
import { isHanCode } from '../text/chars';
import type { Page, PageModel } from '../model/page';
import type { Finding, Severity, TextEdit } from './finding';
import { fingerprint } from './fingerprint';
import { t } from '../l10n/t';
import type { Rule } from './rule';

const FULL: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };
const SKIP = /(?:https?|ftp):\/\/[^\s\u3000-\u303f\uff00-\uffef“”]+|www\.[A-Za-z0-9.-]+|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}/g;

/** Ideographs and CJK punctuation (including “”‘’…—·): the company that makes an ASCII mark wrong. */
function chinese(c: number): boolean {
  return (
    isHanCode(c) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x2026 ||
    c === 0x2014 ||
    c === 0xb7
  );
}

/** The nearest character code that is not a space, looking one way along one line (at most 4 steps); -1 if none. */
function neighbour(text: string, i: number, step: -1 | 1): number {
  for (let k = i + step, n = 0; k >= 0 && k < text.length && n < 4; k += step, n++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return -1;
    if (c !== 32 && c !== 0x3000 && c !== 0xa0) return c;
  }
  return -1;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

const HALFWIDTH = /[,;:()!?]/g;

/** Offsets of the marks to convert in [start, end). */
export function halfwidthMarks(text: string, start: number, end: number): number[] {
  const skipped: Array<[number, number]> = [];
  const slice = text.slice(start, end);
  // Addresses are rare in page text: look for them only where one can be.
  if (slice.includes('://') || slice.includes('www.') || slice.includes('@')) {
    SKIP.lastIndex = 0;
    for (let m = SKIP.exec(slice); m; m = SKIP.exec(slice)) skipped.push([start + m.index, start + m.index + m[0].length]);
  }
  let s = 0;
  const marks: number[] = [];
  // Open brackets as numbers: +(offset+1) when it converts, -(offset+1) when not; a line of ten million ( stays cheap.
  const opens: number[] = [];
  let needsSort = false;
  // The engine's pattern scan jumps from mark to mark: in Chinese text they are few, and a loop over every character of the page was most of the rule.
  HALFWIDTH.lastIndex = 0;
  for (let m = HALFWIDTH.exec(slice); m; m = HALFWIDTH.exec(slice)) {
    const i = start + m.index;
    const c = text.charCodeAt(i);
    while (s < skipped.length && skipped[s]![1] <= i) s++;
    if (s < skipped.length && skipped[s]![0] <= i) continue;
    if ((c === 58 || c === 44) && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) continue;
    const inChinese = chinese(neighbour(text, i, -1)) || chinese(neighbour(text, i, 1));
    if (c === 40) {
      opens.push(inChinese ? i + 1 : -(i + 1));
      continue;
    }
    if (c === 41) {
      const open = opens.pop();
      // Brackets convert in pairs: （2025） stays a pair even though digits sit inside.
      if (open !== undefined) {
        if (open > 0 || inChinese) {
          marks.push(Math.abs(open) - 1, i);
          needsSort = true;
        }
      } else if (inChinese) marks.push(i);
      continue;
    }
    if (inChinese) marks.push(i);
  }
  for (const open of opens) {
    if (open > 0) {
      marks.push(open - 1);
      needsSort = true;
    }
  }
  // Marks are pushed in order except the opening bracket of a pair, pushed when it closes.
  return needsSort ? marks.sort((a, b) => a - b) : marks;
}

/** The edits that convert the marks in [start, end) to full width. */
export function halfwidthEdits(text: string, start: number, end: number): TextEdit[] {
  return halfwidthMarks(text, start, end).map((at) => ({ start: at, end: at + 1, newText: FULL[text[at]!]! }));
}

/**
 * How many lines hold the marks: what the fix's title says of where it
 * converts them. Not related places, one a line: a page's hundred lines of
 * them would bury every other problem in the Problems panel.
 */
function linesHolding(text: string, marks: readonly number[]): number {
  let lines = 0;
  let end = -1;
  for (const at of marks) {
    if (at < end) continue;
    lines++;
    const eol = text.indexOf('\n', at);
    end = eol < 0 ? text.length : eol;
  }
  return lines;
}

function pageFinding(model: PageModel, page: Page, severity: Severity): Finding | undefined {
  const marks = halfwidthMarks(model.text, page.span.start, page.span.end);
  if (marks.length === 0) return undefined;
  const first = marks[0]!;
  const edits: TextEdit[] = marks.map((at) => ({ start: at, end: at + 1, newText: FULL[model.text[at]!]! }));
  const kinds = [...new Set(marks.map((at) => model.text[at]!))].join(' ');
  const span = { start: first, end: first + 1 };
  const lines = linesHolding(model.text, marks);
  return {
    rule: 'halfwidth-punctuation',
    span,
    severity,
    message:
      marks.length === 1
        ? t`Half-width “${model.text[first] ?? ''}” in Chinese text.`
        : t`${marks.length} half-width punctuation marks (${kinds}) in Chinese text on this page; the first is here.`,
    fixes: [
      {
        title:
          marks.length === 1
            ? t('Convert it to full width')
            : lines === 1
              ? t`Convert all ${marks.length} marks to full width, on one line`
              : t`Convert all ${marks.length} marks to full width, on ${lines} lines`,
        edits,
        safe: true,
        // Hundreds of edits per page would swell every diagnostic sent: the fix is rebuilt from the page's text instead.
        recipe: { kind: 'halfwidth-punctuation', span: { start: page.span.start, end: page.span.end } },
      },
    ],
    fingerprint: fingerprint('halfwidth-punctuation', model.text, span, page.span),
  };
}

export const halfwidthPunctuation: Rule = {
  id: 'halfwidth-punctuation',
  defaultSeverity: 'information',
  get description() {
    return t('ASCII , ; : ( ) ! ? in Chinese text, reported once per page with a fix that converts them all.');
  },
  check({ model }, severity: Severity): Finding[] {
    const out: Finding[] = [];
    for (const page of model.pages) {
      const f = pageFinding(model, page, severity);
      if (f) out.push(f);
    }
    return out;
  },
};
