/** Character classes of Chinese newspaper text, kept in one place so every rule agrees on them. */

/** CJK ideographs, including extension A and the compatibility block. */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const hanRe = new RegExp(`[${HAN}]`);
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && hanRe.test(ch);
}

/** Spaces that layout leaves in raw text: ASCII, ideographic (U+3000), no-break, thin and the BOM. */
export const SPACE = ' \\t\\u00a0\\u2000-\\u200b\\u202f\\u3000\\ufeff';
const spaceRe = new RegExp(`^[${SPACE}]$`);
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && spaceRe.test(ch);
}

/** End of a sentence. */
export const SENTENCE_END = '。！？!?…';
/** Closing quotes and brackets that may end a paragraph after its sentence. */
export const CLOSING_QUOTE = '”’」』》〉）)】］]';
/** Punctuation inside a sentence, which headlines rarely carry but body text always does. */
export const CLAUSE_PUNCT = '，,、；;：:';
export const OPENING = '“‘「『《〈（(【［[';

export const PAIRS: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '《': '》',
  '〈': '〉',
  '（': '）',
  '(': ')',
  '【': '】',
  '［': '］',
};

/** Count the characters of a text as a layout editor counts 字数: ideographs, letters and digits, not spaces. */
export function charCount(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (!isSpace(ch) && ch !== '\r' && ch !== '\n') n++;
  }
  return n;
}

/** Index just past the last non-space character at or before `end`, not before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text[end - 1])) end--;
  return end;
}

/** Index of the first non-space character at or after `start`, not after `end`. */
export function trimStart(text: string, start: number, end: number): number {
  while (start < end && isSpace(text[start])) start++;
  return start;
}
