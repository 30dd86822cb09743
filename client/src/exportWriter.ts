/**
 * Writing an export's files where the person chose, through VS Code's file
 * system (local, remote or virtual alike): each file to a temporary file
 * beside it, then renamed over the target, so a failure or a cancellation
 * never leaves half a file. Nothing is written over a page the export read.
 */
import * as vscode from 'vscode';

export interface PlannedFile {
  readonly target: vscode.Uri;
  readonly content: string;
}

/** The targets under `folder` of paths with `/` between their parts. */
export function planFiles(folder: vscode.Uri, files: ReadonlyArray<{ readonly path: string; readonly content: string }>): PlannedFile[] {
  return files.map((f) => ({ target: vscode.Uri.joinPath(folder, ...f.path.split('/')), content: f.content }));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function existingFiles(files: readonly PlannedFile[]): Promise<PlannedFile[]> {
  const found = await Promise.all(files.map((f) => exists(f.target)));
  return files.filter((_, i) => found[i]);
}

/** The planned file that would replace one of the pages read, if any: file URIs compared as paths, the case of a drive letter aside. */
export function overInput(files: readonly PlannedFile[], inputs: readonly string[]): PlannedFile | undefined {
  const key = (uri: vscode.Uri) => uri.with({ path: uri.path.replace(/^\/([A-Za-z]):/, (_, d: string) => `/${d.toLowerCase()}:`) }).toString();
  const read = new Set(inputs.map((u) => key(vscode.Uri.parse(u))));
  return files.find((f) => read.has(key(f.target)));
}

export async function writeFileAtomically(file: PlannedFile): Promise<void> {
  const folder = vscode.Uri.joinPath(file.target, '..');
  await vscode.workspace.fs.createDirectory(folder);
  const name = file.target.path.slice(file.target.path.lastIndexOf('/') + 1);
  const tmp = vscode.Uri.joinPath(folder, `.${name}.newsprint-tmp`);
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(file.content));
  try {
    await vscode.workspace.fs.rename(tmp, file.target, { overwrite: true });
  } catch (err) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw err;
  }
}

export interface Written {
  readonly written: number;
  /** Files that could not be written, with why. */
  readonly failed: readonly string[];
  /** Cancelled before every file was written. */
  readonly stopped: boolean;
}

/** Writes the files one by one, stopping between two when cancelled. */
export async function writeFiles(files: readonly PlannedFile[], token: vscode.CancellationToken, onWritten: (done: number) => void): Promise<Written> {
  let written = 0;
  const failed: string[] = [];
  for (const f of files) {
    if (token.isCancellationRequested) return { written, failed, stopped: true };
    try {
      await writeFileAtomically(f);
      written++;
    } catch (err) {
      failed.push(`${f.target.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
    }
    onWritten(written + failed.length);
  }
  return { written, failed, stopped: false };
}
