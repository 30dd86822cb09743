/**
 * Reading a page file's text for the checker, and writing a fixed one back:
 * UTF-8 with or without a BOM, binary files skipped, invalid UTF-8 reported
 * with where it goes wrong.
 */
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decode } from '../text/decode';

export type FileText = { readonly ok: true; readonly text: string; readonly bom: boolean } | { readonly ok: false; readonly note: string; readonly status: 0 | 2 };

export function readText(file: string): FileText {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { ok: false, note: `${file}: cannot read: ${(err as Error).message}`, status: 2 };
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return { ok: false, note: `${file}: ${decoded.message}`, status: decoded.kind === 'encoding' ? 2 : 0 };
  return { ok: true, text: decoded.text, bom: decoded.bom };
}

/** Writes through a temporary file in the same folder and a rename, so a crash never leaves half a page. */
export function writeText(path: string, text: string, bom: boolean): void {
  const tmp = join(dirname(path), `.${basename(path)}.newsprint-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, (bom ? '\uFEFF' : '') + text, 'utf8');
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw err;
  }
}
