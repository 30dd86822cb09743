/**
 * spaced-headline: headline characters spread apart by justification spaces
 * (进一步 强化 … 高 质 量 发 展, “ 扫 黄 打 非 ”, 2 0 1 8 年). A deck sets its
 * phrases apart with a space or two (菜价稳 品种多 货源足); justification makes
 * a run of four pieces or more, each a word or a character. Names in bylines
 * and credits are spread on purpose (本报记者 王 明): they are not headlines
 * and are never looked at, and a body line that reads as a list of names is
 * left alone too, as is a credit wholly in parentheses that the reader took
 * for a headline. Bracketed titles in a list (【论语】 【孟子】) are set apart,
 * not spread.
 */
import { elementOffset, type Element } from '../model/page';
import type { Finding, Severity, TextEdit } from './finding';
import { fingerprint } from './fingerprint';
import { t } from '../l10n/t';
import type { Rule } from './rule';

const SPACE = /[ \u3000\u00a0]/;

interface Piece {
  readonly start: number;
  readonly end: number;
  /** Ideographs, letters and digits in it: a piece of punctuation alone (“ ”《》) weighs nothing. */
  readonly weight: number;
}

function piecesOf(text: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && SPACE.test(text[i]!)) i++;
    const start = i;
    let weight = 0;
    while (i < text.length && !SPACE.test(text[i]!)) {
      if (/[\p{L}\p{N}]/u.test(text[i]!)) weight++;
      i++;
    }
    if (i > start) out.push({ start, end: i, weight });
  }
  return out;
}

/** The longest piece a justified run holds: a word of four characters at most. */
const MAX_PIECE = 4;

/** A title in brackets (【孟子】, 《论语》): a list of them is set apart by spaces, not spread. */
const BRACKETED = /^[【[［《〈「『][^【】[\]［］《》〈〉「」『』]*[】\]］》〉」』]$/;
/** A line wholly in parentheses is a credit or a note, (张明 李 华 赵 云), never a headline: its names are spread on purpose. */
const PARENTHESISED = /^[（(][^（）()]*[)）]$/;

export interface Spread {
  /** Offsets into the element's text of the run's first and last characters (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** Offsets of the spaces to remove. */
  readonly spaces: readonly number[];
  readonly pieces: number;
  /** Set character by character, or word by word with words of one or two characters: no phrase space can hide in it. */
  readonly certain: boolean;
}

/** Runs of justification spaces in one line of text. */
export function spreadsIn(text: string, certainSpaces: number): Spread[] {
  const pieces = piecesOf(text);
  const out: Spread[] = [];
  let i = 0;
  while (i < pieces.length) {
    let j = i;
    // A run: pieces of at most four characters, each one space apart.
    const fits = (p: Piece) => p.weight <= MAX_PIECE && !BRACKETED.test(text.slice(p.start, p.end));
    while (j + 1 < pieces.length && fits(pieces[j]!) && fits(pieces[j + 1]!) && pieces[j + 1]!.start - pieces[j]!.end === 1) j++;
    const run = pieces.slice(i, j + 1);
    const counted = run.filter((p) => p.weight > 0);
    const avg = counted.reduce((n, p) => n + p.weight, 0) / Math.max(1, counted.length);
    // A deck may set four phrases of three characters apart (稳增长 促转型 惠民生 强信心): a spread has shorter pieces, or more of them.
    if (run.length >= 4 && counted.length >= 3 && (avg <= 2.5 || (run.length >= 5 && avg <= 3.2))) {
      const spaces: number[] = [];
      for (let k = 0; k + 1 < run.length; k++) spaces.push(run[k]!.end);
      const singles = counted.filter((p) => p.weight === 1).length;
      // A long word one space from the run may be spread with it (李 明 在 市人民政府办公厅 调研 并 主持…): closing only the run would leave half the spread.
      const before = pieces[i - 1];
      const after = pieces[j + 1];
      const joinsLonger = (before !== undefined && run[0]!.start - before.end === 1) || (after !== undefined && after.start - run[run.length - 1]!.end === 1);
      out.push({
        start: run[0]!.start,
        end: run[run.length - 1]!.end,
        spaces,
        pieces: run.length,
        certain: spaces.length >= certainSpaces && (singles * 2 >= counted.length || avg <= 2.5) && !joinsLonger,
      });
    }
    i = j + 1;
  }
  return out;
}

/**
 * Most names a list holds without a name of three characters: two-character
 * names spread to three characters' width leave single characters in pairs
 * (张 炜 崔 佳), but most Chinese names have three characters, so a long run of
 * single characters and nothing else (内 蒙 古 国 家 大 数 据 …) is a spread line.
 */
const MOST_SHORT_NAMES = 4;

/** A body line of names spread to three characters' width: 钱 进 孙 平 吴晓东 郑 华. */
export function namesList(text: string): boolean {
  const pieces = piecesOf(text);
  if (pieces.length < 2 || !pieces.every((p) => p.weight >= 1 && p.weight <= 3) || /[，。、：；！？,.:;!?“”《》（）()]/.test(text)) return false;
  return pieces.some((p) => p.weight > 1) || pieces.length <= 2 * MOST_SHORT_NAMES;
}

/** Whether the line holding `at` opens with an ideographic-space indent before it: how an e-paper sets a paragraph, never a headline. */
function indented(text: string, at: number): boolean {
  // One scan back to the nearest break: a lastIndexOf('\r') on a text without one ran back to its start for every headline.
  let lineStart = 0;
  for (let i = Math.min(Math.max(at - 1, 0), text.length - 1); i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = i + 1;
      break;
    }
  }
  return text.startsWith('\u3000\u3000', lineStart);
}

export const spacedHeadline: Rule = {
  id: 'spaced-headline',
  defaultSeverity: 'warning',
  get description() {
    return t('Headline characters spread apart by justification spaces.');
  },
  check({ model, profile }, severity: Severity): Finding[] {
    const findings: Finding[] = [];
    const { text } = model;
    for (const page of model.pages) {
      for (const block of page.blocks) {
        const lines: Element[] = [...block.headline, ...block.body.filter((e) => e.kind === 'subheading' && !(profile.nameSpacing && namesList(e.text)))];
        for (const el of lines) {
          if (PARENTHESISED.test(el.text.trim())) continue;
          // Set with a paragraph's indent, a list of names is body text, whatever the reader made of it.
          if (profile.nameSpacing && indented(text, elementOffset(el, 0)) && namesList(el.text)) continue;
          for (const s of spreadsIn(el.text, profile.thresholds.certainSpread)) {
            const span = { start: elementOffset(el, s.start), end: elementOffset(el, s.end - 1) + 1 };
            const edits: TextEdit[] = s.spaces.map((at) => {
              const o = elementOffset(el, at);
              return { start: o, end: o + 1, newText: '' };
            });
            const shown = el.text.slice(s.start, s.end);
            const quoted = shown.length > 24 ? `${shown.slice(0, 10).trim()} … ${shown.slice(-10).trim()}` : shown;
            findings.push({
              rule: 'spaced-headline',
              span,
              severity,
              message: t`Headline characters are spread by ${edits.length} justification spaces: “${quoted}”.`,
              fixes: [{ title: t('Remove the justification spaces'), edits, safe: s.certain }],
              fingerprint: fingerprint('spaced-headline', text, span, page.span),
              confidence: { margin: s.pieces, certain: s.certain, likely: true },
            });
          }
        }
      }
    }
    return findings;
  },
};
