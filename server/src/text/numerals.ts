/** Page numbers as papers print them: 2, 02, ２, 二, 十二, 二十, A2, A02. */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Value of a Chinese numeral up to 999 (一, 十二, 二十三, 一百零五), or undefined. */
export function chineseNumber(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      current = DIGITS[ch]!;
      seen = true;
    } else if (ch === '十') {
      total += (seen ? current : 1) * 10;
      current = 0;
      seen = false;
    } else if (ch === '百') {
      total += (seen ? current : 1) * 100;
      current = 0;
      seen = false;
    } else return undefined;
  }
  return total + current;
}

/** Value of ASCII or full-width digits, or a Chinese numeral. */
export function pageNumber(text: string): number | undefined {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d{1,4}$/.test(ascii)) return Number(ascii);
  return chineseNumber(text);
}

export interface PageRef {
  /** As printed: 第二版, A2版, 12页. */
  readonly label: string;
  /** Section letter of papers that number pages A1, B3… */
  readonly section?: string;
  readonly number: number;
}

/**
 * Whether `there` may come after `here` in the issue: a later page of the
 * same section, any page of another section, or any page when this one's name
 * is not known. Jumps only go forward.
 */
export function isBefore(here: PageRef | undefined, there: PageRef): boolean {
  return !here || (here.section ?? '') !== (there.section ?? '') || here.number < there.number;
}

const REF = /^第?\s*([A-Za-zＡ-Ｚ]?)\s*([0-9０-９]{1,4}|[零〇一二两三四五六七八九十百]{1,5})\s*[版页]?$/;

export function parsePageRef(label: string): PageRef | undefined {
  const m = REF.exec(label.trim());
  if (!m) return undefined;
  const number = pageNumber(m[2]!);
  if (number === undefined || number === 0) return undefined;
  const section = m[1] ? m[1].replace(/[Ａ-Ｚ]/, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toUpperCase() : undefined;
  return section ? { label, section, number } : { label, number };
}
