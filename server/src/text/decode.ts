/**
 * Decoding a page file read from disk, by the checker and by the server's
 * issue index: UTF-8 with or without a BOM, or GB18030 (which GBK and GB2312
 * are subsets of), the encoding of many Chinese newsroom archives. Binary
 * files are recognised and skipped; invalid UTF-8 that is not GB18030 is
 * reported with the line and byte where it starts, never decoded into
 * replacement characters that a --fix would then write back.
 */
import { t } from '../l10n/t';

export type Encoding = 'utf-8' | 'gb18030';
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly bom: boolean; readonly encoding: Encoding }
  | { readonly ok: false; readonly kind: 'binary' | 'encoding'; readonly message: string };

/**
 * The text as GB18030, when the file reads as nothing else: its first
 * non-ASCII byte already breaks UTF-8 (a UTF-8 file damaged later on is UTF-8
 * with a fault, not GB18030), every byte sequence is valid GB18030, and
 * ideographs come out.
 */
function gb18030(bytes: Uint8Array, bad: number): string | undefined {
  for (let i = 0; i < bad; i++) if (bytes[i]! >= 0x80) return undefined;
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return /[\u4e00-\u9fff]/.test(text) ? text : undefined;
}

/** The control bytes looksBinary counts, NUL among them. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL_BYTE = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  // A text file holds no control byte: one native scan of the head, as Latin-1, spares it the counting loop.
  if (!CONTROL_BYTE.test(Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1'))) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * UTF-16 text, by its byte order mark or, without one, by the NUL bytes
 * ASCII leaves in every other byte: text, only in another encoding, so the
 * person is told to convert it rather than that it is binary.
 */
function utf16(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return undefined;
  // Without a NUL byte in the head nothing below counts: one native search spares a UTF-8 file the loop.
  if (bytes.subarray(0, n).indexOf(0) < 0) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.3 && evenNul < half * 0.05) return 'little-endian';
  if (evenNul > half * 0.3 && oddNul < half * 0.05) return 'big-endian';
  return undefined;
}

/** Fails on any byte invalid UTF-8 rejects, as invalidUtf8At does; keeps a second byte order mark after the first, as the text holds it. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(bytes: Uint8Array): Decoded {
  const wide = utf16(bytes);
  if (wide)
    return {
      ok: false,
      kind: 'encoding',
      message:
        wide === 'little-endian'
          ? t('is UTF-16 (little-endian), not UTF-8; save it as UTF-8 and check again')
          : t('is UTF-16 (big-endian), not UTF-8; save it as UTF-8 and check again'),
    };
  if (looksBinary(bytes)) return { ok: false, kind: 'binary', message: t('not a text file (binary content); skipped') };
  // The engine's strict decoder checks and decodes in one native pass; the byte-by-byte scan runs only to say where a file goes wrong.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string | undefined;
  try {
    text = STRICT_UTF8.decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined) return { ok: true, text, bom, encoding: 'utf-8' };
  const bad = invalidUtf8At(bytes);
  if (bad >= 0) {
    const gb = gb18030(bytes, bad);
    if (gb !== undefined) return { ok: true, text: gb, bom: false, encoding: 'gb18030' };
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return {
      ok: false,
      kind: 'encoding',
      message: t`invalid UTF-8 at line ${line}, byte ${bad - lineStart + 1} of the line (offset ${bad}); save the file as UTF-8 and check again`,
    };
  }
  // Unreachable while the two agree on what valid UTF-8 is; kept so a disagreement decodes as before rather than failing.
  return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', bom ? 3 : 0), bom, encoding: 'utf-8' };
}
