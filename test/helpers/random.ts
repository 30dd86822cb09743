/** A seeded random source and the kinds of text an editor throws at a server, for fuzz and property tests. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** mulberry32 */
  next(): number {
    let t = (this.state += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** Pieces of text that have broken editors before: CJK, astral characters, lone surrogates, every line end, odd spaces, NUL. */
const PIECES = [
  '的',
  '市人大常',
  '委会',
  '。',
  '，',
  ',',
  '(',
  ')',
  '(下转第二版)',
  '（上接第一版）',
  '长江日报讯(记者高萌 通讯员王晓珊)',
  '进 一 步 强 化',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\u3000\u3000',
  '\u00a0',
  ' ',
  '\0',
  '😀',
  '𠀀',
  '\ud800',
  '\udc00',
  'Hello, world!',
  '12:30',
  'https://example.com/a,b',
  '第2版 要闻\n',
  '2-6版',
  '长江日报记者詹松 摄',
  '本版责编：刘阳',
];

export function randomPiece(random: Random): string {
  if (random.int(40) === 0) return '中'.repeat(200 + random.int(2000));
  let s = '';
  for (let n = 1 + random.int(3); n > 0; n--) s += random.pick(PIECES);
  return s;
}

/** An LSP position cannot name the point between \r and \n: such an offset moves to before the \r. */
function addressable(text: string, offset: number): number {
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}

/** A random edit of `text`: insert, delete or replace a span, in UTF-16 offsets (so it may split a surrogate pair). */
export function randomEdit(random: Random, text: string): { start: number; end: number; newText: string } {
  const start = addressable(text, random.int(text.length + 1));
  const kind = random.int(3);
  const end = kind === 0 ? start : Math.max(start, addressable(text, Math.min(text.length, start + 1 + random.int(kind === 1 ? 40 : 8))));
  return { start, end, newText: kind === 1 ? '' : randomPiece(random) };
}
