/**
 * `npm run bench -- --profile DIR`: the server under `node --cpu-prof` while
 * an editor opens the 1 MB issue file and types in it, once only typing
 * (what the keystroke row times) and once asking after each keystroke what
 * VS Code asks (outline, folds, code actions at the cursor),
 * and the checker under `--cpu-prof` on the month in both shapes. The
 * profiles are written to DIR, for a profiler's eyes, not for a figure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startSession } from '../helpers/lspSession';
import { CLI } from '../helpers/repo';
import { writeIssueFiles, writePageFiles } from './checker';
import type { BenchPage } from './texts';

/**
 * `asks`: after each keystroke, ask what VS Code asks (server.cpuprofile);
 * without, only type (server-typing.cpuprofile: what the keystroke row times).
 */
export async function profileServer(dir: string, warmUp: string, issueText: string, edits: number, asks = true): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const name = asks ? 'server.cpuprofile' : 'server-typing.cpuprofile';
  const session = await startSession({ pull: false, record: false, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`] });
  const open = async (uri: string, text: string) => {
    const waiting = session.nextDiagnostics(uri, (p) => p.version === 1);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text } });
    await waiting;
  };
  await open('file:///bench/warm/01.txt', warmUp);
  const uri = 'file:///bench/issue/issue.txt';
  await open(uri, issueText);
  const lines = issueText.split('\n');
  const body = lines.flatMap((l, i) => (l.length > 60 ? [i] : []));
  for (let k = 0; k < edits; k++) {
    const line = body[(k * 7919) % body.length]!;
    const character = 10 + (k % 20);
    const v = k + 2;
    const waiting = session.nextDiagnostics(uri, (p) => p.version === v);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: '的' }],
    });
    const published = await waiting;
    if (!asks) continue;
    const at = { start: { line, character }, end: { line, character: character + 1 } };
    await Promise.all([
      session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
      session.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }),
      session.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: at,
        context: { diagnostics: published.diagnostics.filter((d) => d.range.start.line <= line && d.range.end.line >= line) },
      }),
    ]);
  }
  await session.close();
}

export function profileChecker(dir: string, pages: readonly BenchPage[]): void {
  mkdirSync(dir, { recursive: true });
  const archives = { pages: writePageFiles(join(dir, 'archive-pages'), pages), issues: writeIssueFiles(join(dir, 'archive-issues'), pages, 1_000_000) };
  for (const [name, archive] of Object.entries(archives)) {
    spawnSync(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=checker-${name}.cpuprofile`, CLI, 'check', archive.dir, '--format', 'json', '--jobs', '1'],
      {
        stdio: 'ignore',
      },
    );
  }
}
