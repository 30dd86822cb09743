/**
 * The issue features of the built server over stdio: background indexing
 * with work-done progress, cross-page diagnostics refreshed when the other
 * page changes on disk or in the editor, definition, hover, document links,
 * workspace symbols, the outline's jump notes and the issue map.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  type ClientCapabilities,
  type Diagnostic,
  type DocumentLink,
  type DocumentSymbol,
  type Hover,
  type LocationLink,
  type PublishDiagnosticsParams,
  type SymbolInformation,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol';
import type { FixData } from '../../server/src/diagnostics';
import type { IssueMap } from '../../server/src/issue/issueMap';
import { CLI, CORPUS } from '../helpers/repo';
import { startSession, type Session } from '../helpers/lspSession';

const SOURCE = join(CORPUS, 'cjrb-2026-01-08');
const PAGE1 = readFileSync(join(SOURCE, '01.txt'), 'utf8');
const PAGE2 = readFileSync(join(SOURCE, '02.txt'), 'utf8');

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A workspace holding a copy of the corpus issue, so tests may change its pages on disk. */
function workspace(files: Record<string, string> = { '01.txt': PAGE1, '02.txt': PAGE2 }, folder = 'cjrb-2026-01-08'): { root: string; dir: string; uri: (name: string) => string } {
  const root = mkdtempSync(join(tmpdir(), 'newsprint-issue-'));
  dirs.push(root);
  const dir = join(root, folder);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { root, dir, uri: (name) => pathToFileURL(join(dir, name)).href };
}

const CAPABILITIES = (pull: boolean): ClientCapabilities => ({
  window: { workDoneProgress: true },
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, symbol: {} },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    definition: { linkSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { versionSupport: true, relatedInformation: true },
    ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false, relatedInformation: true } } : {}),
  },
});

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** Watches a session's work-done progress and the requests that ask the client to refresh diagnostics. */
function observe(session: Session) {
  const progress: Progress[] = [];
  const ended: Array<() => void> = [];
  let refreshes = 0;
  const refreshWaiters: Array<{ after: number; resolve: () => void }> = [];
  const registrations: unknown[] = [];
  const take = (value: Progress) => {
    progress.push(value);
    if (value.kind === 'end') for (const r of ended.splice(0)) r();
  };
  // The session records progress from its start: what arrived before this observer (the server may ask for a
  // token while `initialized` is still being written, on a busy machine) is taken first, then what follows.
  for (const n of session.notifications) if (n.method === '$/progress') take((n.params as { value: Progress }).value);
  const recorded = session.notifications.push.bind(session.notifications);
  session.notifications.push = (...items) => {
    for (const n of items) if (n.method === '$/progress') take((n.params as { value: Progress }).value);
    return recorded(...items);
  };
  session.connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    for (const w of refreshWaiters.filter((x) => refreshes > x.after)) {
      refreshWaiters.splice(refreshWaiters.indexOf(w), 1);
      w.resolve();
    }
    return null;
  });
  session.connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  return {
    progress,
    registrations,
    /** Resolves when an indexing run has ended. */
    indexed: () => new Promise<void>((resolve) => (progress.some((p) => p.kind === 'end') ? resolve() : ended.push(resolve))),
    /** Resolves on the next refresh request after this call. */
    nextRefresh: () => new Promise<void>((resolve) => refreshWaiters.push({ after: refreshes, resolve })),
  };
}

async function open(session: Session, uri: string, text: string, version = 1): Promise<void> {
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version, text } });
}

async function pull(session: Session, uri: string): Promise<Diagnostic[]> {
  return ((await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
}

const cross = (items: readonly Diagnostic[]) => items.filter((d) => d.code === 'orphaned-continuation').map((d) => d.range.start.line + 1);

describe('an issue in the workspace, pull diagnostics (as VS Code)', () => {
  const ws = workspace();
  const P1 = ws.uri('01.txt');
  const P2 = ws.uri('02.txt');
  let session: Session;
  let seen: ReturnType<typeof observe>;
  before(async () => {
    session = await startSession({ pull: true, rootUri: pathToFileURL(ws.root).href, capabilities: CAPABILITIES(true) });
    seen = observe(session);
    await seen.indexed();
    await open(session, P1, PAGE1);
  });
  after(() => session.close());

  it('indexes the workspace in the background, reporting work-done progress, and watches page files and config files', () => {
    assert.deepEqual(seen.progress[0], { kind: 'begin', title: 'Newsprint: indexing issues', message: 'looking for page files', cancellable: false, percentage: 0 });
    assert.equal(seen.progress[seen.progress.length - 1]!.kind, 'end');
    assert.ok(seen.progress.filter((p) => p.kind === 'report').every((p) => /^\d+\/2 files$/.test(p.message!)));
    assert.deepEqual(seen.registrations, [
      {
        id: (seen.registrations[0] as { id: string }).id,
        method: 'workspace/didChangeWatchedFiles',
        registerOptions: { watchers: [{ globPattern: '**/*.{txt,newsprint,np}' }, { globPattern: '**/.newsprint.json' }] },
      },
    ]);
    assert.ok(session.initialize.capabilities.definitionProvider && session.initialize.capabilities.hoverProvider && session.initialize.capabilities.workspaceSymbolProvider);
    assert.equal((session.initialize.capabilities.diagnosticProvider as { interFileDependencies: boolean }).interFileDependencies, true);
  });

  it('adds cross-page findings to a page’s own, pointing at the other page', async () => {
    const items = await pull(session, P1);
    assert.deepEqual(cross(items), [125]);
    const d = items.find((x) => x.code === 'orphaned-continuation')!;
    assert.equal(d.source, 'newsprint');
    assert.deepEqual(
      d.relatedInformation!.map((r) => [r.location.uri, r.location.range.start.line]),
      [[P2, 0]],
    );
    // Its data is a finding's: the quick fixes to ignore it or turn the rule off are offered, and the file's fix-all beside them.
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: P1 },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    })) as Array<{ title: string }>;
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Ignore this orphaned-continuation finding',
        'Turn off orphaned-continuation for this file',
        'Turn off orphaned-continuation for this workspace',
        'Fix all Newsprint problems in this file',
      ],
    );
  });

  it('goes to the other half of a marker, both ways, and to each 熊征宇 report’s own continued part', async () => {
    const definition = async (uri: string, line: number, character: number) => {
      const links = (await session.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line, character } })) as LocationLink[] | null;
      return links && links.map((l) => [l.targetUri, l.targetSelectionRange.start.line + 1, l.originSelectionRange!.start.line + 1]);
    };
    assert.deepEqual(await definition(P1, 50, 3), [[P2, 5, 51]]);
    assert.deepEqual(await definition(P1, 86, 0), [[P2, 23, 87]]);
    assert.deepEqual(await definition(P1, 104, PAGE1.split('\n')[104]!.indexOf('(下转第二版)') + 2), [[P2, 17, 105]]);
    await open(session, P2, PAGE2);
    assert.deepEqual(await definition(P2, 4, 1), [[P1, 51, 5]]);
    assert.equal(await definition(P1, 51, 0), null);
  });

  it('shows the other half on hover and links every marker that leads somewhere', async () => {
    const hover = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: P1 }, position: { line: 50, character: 1 } })) as Hover;
    assert.deepEqual(hover.contents, {
      kind: 'markdown',
      value: 'Continues on **2版** — 02.txt, line 3\n\n**城市更新要用好改革“关键一招”**\n\n> 在王立辉看来,“内容更新”要从居民的真实需求出发。',
    });
    const links = (await session.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: P1 } })) as DocumentLink[];
    assert.deepEqual(
      links.map((l) => [l.range.start.line + 1, l.target]),
      [
        [51, `${P2}#L5,1`],
        [69, `${P2}#L31,1`],
        [87, `${P2}#L23,1`],
        [105, `${P2}#L17,1`],
        [113, `${P2}#L39,1`],
        [125, `${P2}#L1,1`],
        [145, `${P2}#L45,1`],
      ],
    );
  });

  it('lists every article of the issue as workspace symbols, and notes the jumps in the outline', async () => {
    const symbols = (await session.connection.sendRequest('workspace/symbol', { query: '熊征宇' })) as SymbolInformation[];
    assert.deepEqual(
      symbols.map((s) => [s.containerName, s.location.uri, s.location.range.start.line + 1]),
      [
        ['cjrb-2026-01-08 · 1版', P1, 71],
        ['cjrb-2026-01-08 · 1版', P1, 89],
        ['cjrb-2026-01-08 · 2版', P2, 15],
        ['cjrb-2026-01-08 · 2版', P2, 21],
      ],
    );
    const outline = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: P1 } })) as DocumentSymbol[];
    assert.match(outline[1]!.detail!, / · → 2版$/);
    assert.match(outline[6]!.detail!, / · → 2版 \(not found\)$/);
  });

  it('answers newsprint/issueMap with the issue’s pages and articles', async () => {
    const map = (await session.connection.sendRequest('newsprint/issueMap', {})) as IssueMap;
    assert.equal(map.indexing, false);
    assert.deepEqual(
      map.issues.map((i) => [i.name, i.brokenJumps, i.pages.map((p) => [p.label, p.articles.length])]),
      [
        [
          'cjrb-2026-01-08',
          2,
          [
            ['1版', 8],
            ['2版', 8],
          ],
        ],
      ],
    );
  });

  it('refreshes a page’s diagnostics when the page it jumps to changes in the editor', async () => {
    // Page 2 gains the continued part of the 政协…常务委员会 report.
    const text = PAGE2 + '\n政协武汉市第十四届委员会 常务委员会第二十五次会议召开\n\n(上接第一版)会议还审议通过了有关人事事项。\n';
    const refreshed = seen.nextRefresh();
    const notified = new Promise<void>((resolve) => session.connection.onNotification('newsprint/issueMapChanged', () => resolve()));
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: P2, version: 2 }, contentChanges: [{ text }] });
    await refreshed;
    assert.deepEqual(cross(await pull(session, P1)), []);
    await notified;
  });

  it('refreshes it when the other page changes on disk, and the editor’s text wins while the page is open', async () => {
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: P2 } });
    // Closed, page 2 is read from disk again: the 政协…常务委员会 continuation is gone.
    let refreshed = seen.nextRefresh();
    await refreshed;
    assert.deepEqual(cross(await pull(session, P1)), [125]);
    // On disk, page 2 loses the continued part of the 王忠林 report too.
    writeFileSync(join(ws.dir, '02.txt'), PAGE2.replace('(上接第一版)王忠林强调', '王忠林强调').replace('进一步强化大抓基层鲜明导向 切实以高质量党建引领高质量发展\n\n', ''));
    refreshed = seen.nextRefresh();
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: P2, type: 2 }] });
    await refreshed;
    assert.deepEqual(cross(await pull(session, P1)), [125, 145]);
  });
});

describe('an issue in the workspace, pushed diagnostics (as Neovim 0.7)', () => {
  const ws = workspace();
  const P1 = ws.uri('01.txt');
  const P2 = ws.uri('02.txt');
  let session: Session;

  before(async () => {
    session = await startSession({ pull: false, rootUri: pathToFileURL(ws.root).href, capabilities: CAPABILITIES(false) });
    await observe(session).indexed();
  });
  after(() => session.close());

  it('publishes cross-page findings, and publishes the linked page again when the other page changes', async () => {
    const first = session.nextDiagnostics(P1);
    await open(session, P1, PAGE1);
    assert.deepEqual(cross((await first).diagnostics), [125]);
    await open(session, P2, PAGE2);
    const again = session.nextDiagnostics(P1, (p: PublishDiagnosticsParams) => cross(p.diagnostics).length === 0);
    const text = PAGE2 + '\n政协武汉市第十四届委员会 常务委员会第二十五次会议召开\n\n(上接第一版)会议还审议通过了有关人事事项。\n';
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: P2, version: 2 }, contentChanges: [{ text }] });
    assert.equal((await again).version, 1);
  });
});

describe('pages named by newsprint.pageFileNamePattern', () => {
  it('reads the page number from the file name with the setting’s pattern', async () => {
    const ws = workspace({ 'cjrb-1.txt': PAGE1, 'cjrb-2.txt': PAGE2 });
    const session = await startSession({
      pull: true,
      rootUri: pathToFileURL(ws.root).href,
      capabilities: CAPABILITIES(true),
      configuration: { pageFileNamePattern: '^cjrb-(\\d+)$' },
    });
    try {
      await observe(session).indexed();
      await open(session, ws.uri('cjrb-1.txt'), PAGE1);
      assert.deepEqual(cross(await pull(session, ws.uri('cjrb-1.txt'))), [125]);
      const map = (await session.connection.sendRequest('newsprint/issueMap', {})) as IssueMap;
      assert.deepEqual(
        map.issues[0]!.pages.map((p) => p.label),
        ['1版', '2版'],
      );
    } finally {
      await session.close();
    }
  });
});

describe('indexing never blocks a request', () => {
  it('answers with what is indexed so far while a large workspace is being read', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 150; i++) {
      files[`${String(i).padStart(3, '0')}.txt`] = i % 2 ? PAGE1 : PAGE2;
    }
    const ws = workspace(files, 'archive');
    const session = await startSession({ pull: true, rootUri: pathToFileURL(ws.root).href, capabilities: CAPABILITIES(true) });
    try {
      const seen = observe(session);
      let ended = false;
      const indexed = seen.indexed().then(() => (ended = true));
      // One article of each page 1, so the count stays under the answer's limit of 256 symbols.
      const query = { query: '常务委员会第二十五次会议召开' };
      const early = (await session.connection.sendRequest('workspace/symbol', query)) as SymbolInformation[];
      assert.equal(ended, false, 'the answer came before indexing ended');
      await indexed;
      const all = (await session.connection.sendRequest('workspace/symbol', query)) as SymbolInformation[];
      assert.ok(early.length < all.length, `${early.length} articles early, ${all.length} at the end`);
      assert.equal(all.length, 75);
      assert.equal(((await session.connection.sendRequest('workspace/symbol', { query: '' })) as SymbolInformation[]).length, 256);
    } finally {
      await session.close();
    }
  });
});

describe('an article that jumps with no byline on either page', () => {
  it('is reported on its headline with the page rule’s fix to insert the source line, which applies where that fix would', async () => {
    const unsigned = PAGE1.replace('长江日报记者商佩 覃柳珂 刘海锋\n\n', '');
    assert.notEqual(unsigned, PAGE1);
    const ws = workspace({ '01.txt': unsigned, '02.txt': PAGE2 });
    const P1 = ws.uri('01.txt');
    const session = await startSession({ pull: true, rootUri: pathToFileURL(ws.root).href, capabilities: CAPABILITIES(true) });
    try {
      await observe(session).indexed();
      await open(session, P1, unsigned);
      const d = (await pull(session, P1)).find((x) => x.code === 'missing-byline')!;
      assert.ok(d, 'the issue reports the article');
      assert.equal(unsigned.split('\n')[d.range.start.line], '综合提升让老城区焕发新的生命力,代表委员建言: 城市更新要用好改革“关键一招”');
      const actions = (await session.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: P1 },
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      })) as Array<{ title: string; isPreferred?: boolean; edit?: { documentChanges?: Array<{ edits: Array<{ range: Diagnostic['range']; newText: string }> }> } }>;
      assert.deepEqual(actions.map((a) => a.title).slice(0, 2), ['Insert the source line 长江日报讯（记者 ）', 'Ignore this missing-byline finding']);
      const insert = actions[0]!;
      assert.notEqual(insert.isPreferred, true);
      const [edit, ...others] = insert.edit!.documentChanges![0]!.edits;
      assert.equal(others.length, 0);
      // At the start of the article's first paragraph, two lines under the headline.
      assert.deepEqual(edit!.range.start, { line: d.range.start.line + 2, character: 0 });
      assert.deepEqual(edit!.range.end, edit!.range.start);
      assert.equal(edit!.newText, '长江日报讯（记者 ）');
      // The checker gives the same finding with the same fix.
      const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: ws.dir, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const checked = (JSON.parse(r.stdout) as { files: Array<{ path: string; diagnostics: Diagnostic[] }> }).files.find((f) => f.path.endsWith('01.txt'))!;
      const same = checked.diagnostics.find((x) => x.code === 'missing-byline')!;
      assert.deepEqual(same.range, d.range);
      assert.deepEqual((same.data as { fixes: FixData[] }).fixes, [{ title: insert.title, safe: false, edits: [{ range: edit!.range, newText: edit!.newText }] }]);
    } finally {
      await session.close();
    }
  });
});
