/** Paths of the repository, found from wherever the bundled test runs. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'newsprint') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
}

export const ROOT = findRoot();
export const CORPUS = join(ROOT, 'test', 'corpus');
export const CORPUS_PAGE = join(CORPUS, 'cjrb-2026-01-08', '01.txt');
export const SERVER = join(ROOT, 'server', 'out', 'server.js');
export const CLI = join(ROOT, 'server', 'out', 'cli.js');
export const DICT_DIR = join(ROOT, 'server', 'out', 'dict');

export function readCorpusPage(): string {
  return readFileSync(CORPUS_PAGE, 'utf8');
}

/** Every page of the corpus, for tests that must hold on all of them. */
export function corpusPages(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const issue of readdirSync(CORPUS)) {
    const dir = join(CORPUS, issue);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) out.push({ name: `${issue}/${f}`, text: readFileSync(join(dir, f), 'utf8') });
  }
  return out;
}
