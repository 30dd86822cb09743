/** Character classes of Chinese newspaper text, kept in one place so every rule agrees on them. */

/** CJK ideographs, including extension A and the compatibility block. */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && isHanCode(ch.charCodeAt(0));
}

export const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
export const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Spaces that layout leaves in raw text: ASCII, ideographic (U+3000), no-break, thin and the BOM. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0xfeff;
}
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && isSpaceCode(ch.charCodeAt(0));
}

/** End of a sentence. */
export const SENTENCE_END = '。！？!?…';
/** Closing quotes and brackets that may end a paragraph after its sentence. */
export const CLOSING_QUOTE = '”’」』》〉）)】］]';

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

/** Line breaks, isSpaceCode's spaces and low surrogates. */
const UNCOUNTED = /[\n\r \t\u3000\u00a0\u2000-\u200b\u202f\ufeff\udc00-\udfff]/g;

/** Count the characters of a text as a layout editor counts 字数: ideographs, letters and digits, not spaces. */
export function charCount(text: string): number {
  // What is not counted, found by the engine's pattern scan: most lines hold little of it, and a loop over every character of every line was slower.
  // (A surrogate pair is one character: its low half is not counted.)
  UNCOUNTED.lastIndex = 0;
  let n = text.length;
  while (UNCOUNTED.test(text)) n--;
  return n;
}

/** Index just past the last non-space character at or before `end`, not before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Index of the first non-space character at or after `start`, not after `end`. */
export function trimStart(text: string, start: number, end: number): number {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  return start;
}
