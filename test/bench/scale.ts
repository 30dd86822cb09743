/**
 * Row 5: a year of an 8-page daily (365 × 8 page files, ~45 MB) in a
 * workspace folder: time from initialize to the end of background indexing,
 * then a workspace-symbol query.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSession } from '../helpers/lspSession';
import { CORPUS_PAGE, ROOT } from '../helpers/repo';
import { median } from './stats';

/** Pages to vary from: the corpus page and our own, with each day's date and page number written in. */
function templates(): string[] {
  const own = readdirSync(join(ROOT, 'test', 'pages'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(ROOT, 'test', 'pages', f), 'utf8'));
  return [readFileSync(CORPUS_PAGE, 'utf8'), ...own];
}

export function generateYear(dir: string): { files: number; megabytes: number } {
  rmSync(dir, { recursive: true, force: true });
  const pages = templates();
  let bytes = 0;
  let files = 0;
  const day = new Date(Date.UTC(2026, 0, 1));
  for (let d = 0; d < 365; d++) {
    const date = new Date(day.getTime() + d * 86_400_000).toISOString().slice(0, 10);
    const folder = join(dir, date);
    mkdirSync(folder, { recursive: true });
    for (let p = 1; p <= 8; p++) {
      // Each page differs (its day and number are in its headlines), so nothing is read twice from a cache.
      const body = pages[(d + p) % pages.length]!.replace(/(\n[^\n]{6,40})\n/, `$1 ${date}-${p}\n`);
      const again = (n: number) => body.replace(/八部门|熊征宇|王忠林|城市更新/g, (m) => m + n);
      const text = `第${p}版 要闻\n\n${body}\n\n${again(p)}\n\n${again(p + 10)}`;
      writeFileSync(join(folder, `${String(p).padStart(2, '0')}.txt`), text);
      bytes += Buffer.byteLength(text);
      files++;
    }
  }
  return { files, megabytes: bytes / 1e6 };
}

export interface ScaleResult {
  readonly files: number;
  readonly megabytes: number;
  readonly indexSeconds: number;
  readonly symbolMs: number;
  readonly symbols: number;
}

export async function scale(): Promise<ScaleResult> {
  const dir = join(tmpdir(), 'newsprint-bench-year');
  const { files, megabytes } = generateYear(dir);
  const t0 = performance.now();
  const session = await startSession({ pull: true, rootUri: pathToFileURL(dir).href });
  // Indexing ends with the end of its work-done progress; a benchmark may poll for it, a test may not.
  for (;;) {
    if (session.notifications.some((n) => n.method === '$/progress' && (n.params as { value?: { kind?: string } }).value?.kind === 'end')) break;
    if (session.process.exitCode !== null) throw new Error('server exited while indexing');
    if (performance.now() - t0 > 300_000) throw new Error('indexing did not finish in 5 minutes');
    await new Promise((r) => setTimeout(r, 20));
  }
  const indexSeconds = (performance.now() - t0) / 1000;
  const times: number[] = [];
  let symbols = 0;
  for (const query of ['熊征宇参加', '城市更新', '政协武汉市', '春耕', '图书馆']) {
    const s = performance.now();
    const result = (await session.connection.sendRequest('workspace/symbol', { query })) as unknown[];
    times.push(performance.now() - s);
    symbols = Math.max(symbols, result.length);
  }
  await session.close();
  rmSync(dir, { recursive: true, force: true });
  return { files, megabytes, indexSeconds, symbolMs: median(times), symbols };
}
