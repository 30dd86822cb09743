/** File URIs and paths, spelt one way: the index keys files by these, the editor and the disk spell them differently. */
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * One spelling per file: editors and path APIs write the same file URI
 * differently (file:///c%3A/… and file:///C:/…), and a page opened in the
 * editor must replace the same page read from disk.
 */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href.replace(/^file:\/\/\/([A-Za-z]):/, (_, d: string) => `file:///${d.toLowerCase()}:`);
  } catch {
    return uri;
  }
}

/** The path of a file: URI, or undefined for untitled and virtual documents. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
