/**
 * Reading a page file's text for the checker, with a snapshot of the file
 * as it was read, and writing a fixed text back through the one safe write
 * in the encoding it was read in: UTF-8 with or without a BOM, or GB18030
 * (encoded back with iconv-lite: Node decodes GB18030 but has no encoder),
 * binary files skipped, invalid UTF-8 reported with where it goes wrong.
 */
import { encode } from 'iconv-lite';
import { decode, type Encoding } from '../text/decode';
import { readWithSnapshot, replaceFile, type FileSnapshot, type WriteResult } from '../workspace/safeWrite';
import { t } from '../l10n/t';

export type FileText =
  | { readonly ok: true; readonly text: string; readonly bom: boolean; readonly encoding: Encoding; readonly snapshot: FileSnapshot }
  /** `note` names the file; `reason` is the same without it, for a list of skipped files. */
  | { readonly ok: false; readonly note: string; readonly reason: string; readonly status: 0 | 2 };

export function readText(file: string): FileText {
  let read: { bytes: Buffer; snapshot: FileSnapshot };
  try {
    read = readWithSnapshot(file);
  } catch (err) {
    const reason = t`cannot read: ${(err as Error).message}`;
    return { ok: false, note: t`${file}: ${reason}`, reason, status: 2 };
  }
  const decoded = decode(read.bytes);
  if (!decoded.ok) return { ok: false, note: t`${file}: ${decoded.message}`, reason: decoded.message, status: decoded.kind === 'encoding' ? 2 : 0 };
  return { ok: true, text: decoded.text, bom: decoded.bom, encoding: decoded.encoding, snapshot: read.snapshot };
}

/** The fixed text, written over the file if it is still what was read. */
export function writeText(path: string, text: string, read: { readonly bom: boolean; readonly encoding: Encoding; readonly snapshot: FileSnapshot }): WriteResult {
  if (read.encoding === 'gb18030') return replaceFile(path, encode(text, 'gb18030'), { expect: read.snapshot });
  return replaceFile(path, (read.bom ? '\uFEFF' : '') + text, { expect: read.snapshot });
}
