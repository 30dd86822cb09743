/**
 * The checker on an archive, next to its floor: a process that reads the
 * same files and scans their lines. Both are timed from spawn to exit, so
 * starting Node, loading the dictionary and writing the report all count.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchPage } from './texts';
import { oneFileIssue } from './texts';

export interface Archive {
  readonly dir: string;
  readonly files: number;
  readonly pages: number;
}

/** One page per file, a folder a day: 20190201/01.txt. */
export function writePageFiles(dir: string, pages: readonly BenchPage[]): Archive {
  rmSync(dir, { recursive: true, force: true });
  for (const p of pages) {
    mkdirSync(join(dir, p.day), { recursive: true });
    writeFileSync(join(dir, p.day, `${String(p.page).padStart(2, '0')}.txt`), p.text);
  }
  return { dir, files: pages.length, pages: pages.length };
}

/** The same pages as one-file issues of about 1 MB, each in a folder of its own. */
export function writeIssueFiles(dir: string, pages: readonly BenchPage[], bytes: number): Archive {
  rmSync(dir, { recursive: true, force: true });
  let from = 0;
  let files = 0;
  while (from < pages.length) {
    const issue = oneFileIssue(pages, bytes, from);
    const folder = join(dir, `issue-${String(files + 1).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'issue.txt'), issue.text);
    from += issue.pages;
    files++;
  }
  return { dir, files, pages: pages.length };
}

function timed(args: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  // 1 is findings at error severity: a result, not a failure.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(-2000)}`);
  return ms;
}

/** `newsprint check` (the bundle `cli`) on the archive, JSON out, as a script would run it. */
export function runChecker(cli: string, archive: Archive): number {
  return timed([cli, 'check', archive.dir, '--format', 'json']);
}

export function runFloorChecker(script: string, archive: Archive): number {
  return timed([script, archive.dir]);
}
