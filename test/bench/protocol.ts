/** Rows 2–4: the built server through the real protocol: cold start, typing on a 1 MB file, memory. */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startSession, type Session } from '../helpers/lspSession';
import { CORPUS_PAGE } from '../helpers/repo';
import { median, percentile } from './stats';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function open(session: Session, uri: string, text: string): Promise<void> {
  const waiting = session.nextDiagnostics(uri, (p) => p.version === 1);
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text } });
  await waiting;
}

/** Spawn to first diagnostics of the corpus page, the dictionary load included. */
export async function coldStart(runs: number): Promise<number> {
  const text = readFileSync(CORPUS_PAGE, 'utf8');
  const uri = pathToFileURL(CORPUS_PAGE).href;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const session = await startSession({ pull: false });
    await open(session, uri, text);
    times.push(performance.now() - t0);
    await session.close();
  }
  return median(times);
}

export interface TypingResult {
  readonly megabytes: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly openMs: number;
  readonly rssStartMb: number;
  readonly rssLoadedMb: number;
}

/** Single-character edits through didChange, each timed until diagnostics of its version arrive. */
export async function typing(issueText: string, edits: number): Promise<TypingResult> {
  const session = await startSession({ pull: false });
  const uri = 'file:///bench/issue/issue.txt';
  const small = 'file:///bench/issue/01.txt';
  await open(session, small, readFileSync(CORPUS_PAGE, 'utf8'));
  const rssStartMb = rssMb(session.process.pid!);
  const t0 = performance.now();
  await open(session, uri, issueText);
  const openMs = performance.now() - t0;
  const lines = issueText.split('\n');
  // Edits land in body paragraphs spread over the file, deterministic so runs compare.
  const bodyLines = lines
    .map((l, i) => [l, i] as const)
    .filter(([l]) => l.length > 60)
    .map(([, i]) => i);
  const times: number[] = [];
  let version = 1;
  for (let k = 0; k < edits; k++) {
    const line = bodyLines[(k * 7919) % bodyLines.length]!;
    const character = 10 + (k % 20);
    const insert = k % 2 === 0;
    version++;
    const change = insert
      ? { range: { start: { line, character }, end: { line, character } }, text: '的' }
      : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
    const v = version;
    const waiting = session.nextDiagnostics(uri, (p) => p.version === v);
    const s = performance.now();
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
    await waiting;
    times.push(performance.now() - s);
  }
  const rssLoadedMb = rssMb(session.process.pid!);
  await session.close();
  return {
    megabytes: Buffer.byteLength(issueText, 'utf8') / 1e6,
    medianMs: median(times),
    p95Ms: percentile(times, 95),
    openMs,
    rssStartMb,
    rssLoadedMb,
  };
}
