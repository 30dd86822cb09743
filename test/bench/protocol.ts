/**
 * A server through the real protocol, the same steps for Newsprint and for
 * the do-nothing floor: cold start, opening pages and a 1 MB issue file,
 * typing in it, memory and the bytes each keystroke brings the client.
 */
import { readFileSync } from 'node:fs';
import { startSession, type Session } from '../helpers/lspSession';
import { median } from './stats';

const STATUS = 'newsprint/status';

/** A server to measure: its script, and whether it is a Newsprint server (one that loads a dictionary and says so). */
export interface Server {
  readonly script: string;
  readonly newsprint: boolean;
  /** What node is told at start: Newsprint's server is launched as the VS Code client launches it. */
  readonly nodeArgs?: readonly string[];
}

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

/** Whether a notification says the dictionary has loaded, or failed to: not that it is loading. */
function loaded(n: { method: string; params: unknown }): boolean {
  const state = n.method === STATUS ? (n.params as { segmentation?: string }).segmentation : undefined;
  return state === 'ready' || state === 'unavailable';
}

/** Whether the server has said word segmentation is ready (the floor never does, and needs no dictionary). */
function segmentationReady(session: Session): boolean {
  return session.notifications.some(loaded);
}

/** Resolves once the server has reported on segmentation; at once for a server that does not speak of it. */
async function dictionaryReported(session: Session, speaks: boolean): Promise<void> {
  while (speaks && !segmentationReady(session)) {
    if (session.process.exitCode !== null) throw new Error('server exited before reporting on segmentation');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export interface ColdStart {
  /** Spawn to the first diagnostics of a page. */
  readonly firstMs: number;
  /** Spawn to diagnostics read with the dictionary. */
  readonly dictionaryMs: number;
}

/**
 * Spawn to the first diagnostics of a page, and to the first diagnostics
 * published after the server reported the dictionary loaded: with a server
 * that loads it before it answers, the two are the same publication.
 */
export async function coldStart(server: Server, uri: string, text: string): Promise<ColdStart> {
  const t0 = performance.now();
  const session = await startSession({ pull: false, early: true, server: server.script, nodeArgs: server.nodeArgs ?? [] });
  await open(session, uri, text);
  const firstMs = performance.now() - t0;
  let dictionaryMs = firstMs;
  if (server.newsprint) {
    const before = session.notifications.findIndex(loaded);
    const published = session.notifications.findIndex((n) => n.method === 'textDocument/publishDiagnostics');
    if (before < 0 || before > published) {
      // The first diagnostics came before the dictionary: wait for the ones read with it.
      await session.nextDiagnostics(uri, (p) => p.version === 1);
      dictionaryMs = performance.now() - t0;
    }
  }
  await session.close();
  return { firstMs, dictionaryMs };
}

/** Opening distinct pages one by one in one session, each timed to its diagnostics. */
export async function openPages(server: Server, pages: ReadonlyArray<{ uri: string; text: string }>): Promise<number[]> {
  const session = await startSession({ pull: false, server: server.script, nodeArgs: server.nodeArgs ?? [] });
  // The first page starts the dictionary; the pages timed come after it.
  await open(session, 'file:///bench/warm/00.txt', pages[0]!.text);
  await dictionaryReported(session, server.newsprint);
  const times: number[] = [];
  for (const p of pages.slice(1)) {
    const t0 = performance.now();
    await open(session, p.uri, p.text);
    times.push(performance.now() - t0);
  }
  await session.close();
  return times;
}

export interface TypingRun {
  readonly openMs: number;
  readonly editMs: readonly number[];
  /** Bytes the server wrote per keystroke, on average. */
  readonly bytesPerEdit: number;
  readonly rssMb: number;
}

/**
 * Opens a 1 MB issue file after a warm-up page (so the dictionary is
 * loaded), then makes single-character edits through didChange, each timed
 * until diagnostics of its version arrive.
 */
export async function typing(server: Server, warmUp: string, issueText: string, edits: number): Promise<TypingRun> {
  const session = await startSession({ pull: false, record: false, server: server.script, nodeArgs: server.nodeArgs ?? [] });
  const uri = 'file:///bench/issue/issue.txt';
  await open(session, 'file:///bench/warm/01.txt', warmUp);
  await dictionaryReported(session, server.newsprint);
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
  const bytes: number[] = [];
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
    const b0 = session.bytesReceived();
    const s = performance.now();
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
    await waiting;
    times.push(performance.now() - s);
    bytes.push(session.bytesReceived() - b0);
  }
  const rss = rssMb(session.process.pid!);
  await session.close();
  return { openMs, editMs: times, bytesPerEdit: median(bytes), rssMb: rss };
}
