/**
 * The checker and the editor are two front ends over one workspace layer:
 * on the same files they must give the same findings (cross-page ones
 * included) and the same fix-all. Compared on every corpus page, on a
 * one-file issue of 80 pages, and on a folder whose pages are named by
 * .newsprint.json's pageFileNamePattern; fix-all is also applied through the
 * protocol and asked for again, which must then change nothing.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixData } from '../../server/src/diagnostics';
import { CLI, CORPUS, ROOT } from '../helpers/repo';
import { startSession, type Session } from '../helpers/lspSession';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-same-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function checker(args: string[], cwd: string): { files: Array<{ path: string; diagnostics: Diagnostic[] }> } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout) as { files: Array<{ path: string; diagnostics: Diagnostic[] }> };
}

/** What the checker's --fix writes, run on a copy of the folder. */
function checkerFix(files: Record<string, string>): Record<string, string> {
  const copy = workspace(files);
  const r = spawnSync(process.execPath, [CLI, 'check', '.', '--fix', '--no-outline'], { cwd: copy, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return Object.fromEntries(Object.keys(files).map((name) => [name, readFileSync(join(copy, name), 'utf8')]));
}

function withoutFixes(d: Diagnostic): Diagnostic {
  const { fixes: _, ...data } = d.data as { fixes?: unknown };
  return { ...d, data };
}

async function indexed(session: Session): Promise<void> {
  while (!session.notifications.some((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end')) await new Promise((r) => setImmediate(r));
}

function apply(text: string, uri: string, action: CodeAction | undefined): string {
  const edits = ((action?.edit?.documentChanges ?? []) as Array<{ edits: TextEdit[] }>).flatMap((c) => c.edits);
  return TextDocument.applyEdits(TextDocument.create(uri, 'newsprint', 0, text), edits);
}

/**
 * Opens every page file in the editor, then compares its diagnostics (with
 * every finding, then with each limit in `caps`: newsprint.maxProblems
 * against --max-problems) and its fix-all with the checker's.
 */
async function compare(files: Record<string, string>, caps: readonly number[] = []): Promise<void> {
  const dir = workspace(files);
  const names = Object.keys(files).filter((n) => n.endsWith('.txt') || n.endsWith('.np'));
  const fixedByChecker = checkerFix(files);
  const session = await startSession({ pull: true, rootUri: pathToFileURL(dir).href, configuration: { maxProblems: 1_000_000 } });
  try {
    await indexed(session);
    for (const name of names) {
      const uri = pathToFileURL(join(dir, name)).href;
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text: files[name] } });
    }
    const pull = async (name: string) =>
      ((await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: pathToFileURL(join(dir, name)).href } })) as { items: Diagnostic[] }).items;
    for (const cap of caps) {
      const json = checker(['check', '.', '--format', 'json', '--max-problems', String(cap)], dir);
      const asked = session.configurationRequests();
      session.setConfiguration({ maxProblems: cap });
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { newsprint: { maxProblems: cap } } });
      await session.configurationAsked(asked + 2);
      for (const name of names)
        assert.deepEqual(
          await pull(name),
          json.files.find((f) => f.path === name)!.diagnostics.map(withoutFixes),
          `${name}: the same first ${cap}, and the same count of the rest`,
        );
    }
    if (caps.length > 0) {
      session.setConfiguration({ maxProblems: 1_000_000 });
      const asked = session.configurationRequests();
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { newsprint: { maxProblems: 1_000_000 } } });
      await session.configurationAsked(asked + 2);
    }
    const json = checker(['check', '.', '--format', 'json'], dir);
    for (const name of names) {
      const uri = pathToFileURL(join(dir, name)).href;
      const items = await pull(name);
      const fromChecker = json.files.find((f) => f.path === name)!.diagnostics;
      assert.ok(items.length > 0, `${name}: the editor finds something`);
      // The checker's JSON carries each finding's fixes for programs; the editor asks for them as code actions.
      assert.deepEqual(items, fromChecker.map(withoutFixes), `${name}: the editor and the checker find the same`);
      for (const d of fromChecker.slice(0, 40)) {
        const fixes = (d.data as { fixes: FixData[] }).fixes;
        const actions = (await session.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: d.range,
          context: { diagnostics: [withoutFixes(d)], only: ['quickfix'] },
        })) as CodeAction[];
        const offered = fixes.map((f) => {
          const a = actions.find((x) => x.title === f.title);
          return [f.title, f.recipe ? 'rebuilt' : ((a?.edit?.documentChanges ?? []) as Array<{ edits: TextEdit[] }>).flatMap((c) => c.edits)];
        });
        assert.deepEqual(
          offered,
          fixes.map((f) => [f.title, f.recipe ? 'rebuilt' : f.edits]),
          `${name}: the quick fixes of “${String(d.message)}” are the checker's`,
        );
      }
      const fixAll = async (version: number) =>
        (
          (await session.connection.sendRequest('textDocument/codeAction', {
            textDocument: { uri },
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: [], only: ['source.fixAll'] },
          })) as CodeAction[]
        ).find((a) => ((a.edit?.documentChanges ?? []) as Array<{ textDocument: { version: number } }>)[0]?.textDocument.version === version);
      const fixed = apply(files[name]!, uri, await fixAll(1));
      assert.equal(fixed, fixedByChecker[name], `${name}: the editor's fix-all writes what --fix writes`);
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
      assert.equal(await fixAll(2), undefined, `${name}: fix-all once more changes nothing`);
    }
  } finally {
    await session.close();
  }
}

const corpusIssue = () => Object.fromEntries(readdirSync(join(CORPUS, 'cjrb-2026-01-08')).map((f) => [f, readFileSync(join(CORPUS, 'cjrb-2026-01-08', f), 'utf8')]));

describe('the checker and the editor give the same answers', () => {
  it('on every corpus page, as the issue they form', async () => {
    await compare(corpusIssue());
  });

  it('on a one-file issue of 80 pages, every finding and with the editor’s cap of 999', async () => {
    const pages = [...Object.values(corpusIssue()), ...['rmrb-01.txt', 'rmrb-02.txt', 'defects.txt'].map((f) => readFileSync(join(ROOT, 'test', 'pages', f), 'utf8'))];
    // Each page under its own page line; the pages of other papers bring their own, so theirs are dropped first.
    const body = (t: string) => t.replace(/^(?:人民日报\n[^\n]*\n)?第\d+版[^\n]*\n/, '');
    const text = Array.from({ length: 80 }, (_, i) => `第${i + 1}版 要闻\n\n${body(pages[i % pages.length]!)}`).join('\n');
    await compare({ 'issue.txt': text }, [999]);
  });

  it('on a folder whose pages are named by pageFileNamePattern', async () => {
    const issue = corpusIssue();
    await compare({ 'cjrb-1.txt': issue['01.txt']!, 'cjrb-2.txt': issue['02.txt']!, '.newsprint.json': JSON.stringify({ pageFileNamePattern: '^cjrb-(\\d+)$' }) });
  });
});
