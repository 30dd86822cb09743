/** Silencing a false alarm without markup: the quick fixes that write .newsprint.json, through the real protocol. */
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { CORPUS_PAGE, CLI } from '../helpers/repo';
import { byRule, startSession, type Session } from '../helpers/lspSession';
import { spawnSync } from 'node:child_process';

describe('ignoring a finding and turning a rule off', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-ignore-'));
  const file = join(dir, '01.txt');
  copyFileSync(CORPUS_PAGE, file);
  const uri = pathToFileURL(file).href;
  let session: Session;

  before(async () => {
    session = await startSession({ pull: true, rootUri: pathToFileURL(dir).href });
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text: readFileSync(file, 'utf8') } });
  });
  after(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pull = async () =>
    (await session.dictionaryLoaded(), (await session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;

  async function run(diagnostic: Diagnostic, title: string): Promise<void> {
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    const action = actions.find((a) => a.title === title);
    assert.ok(action?.command, `${title} is offered`);
    await session.connection.sendRequest('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
  }

  it('records the ignored finding’s fingerprint in .newsprint.json, and the finding is gone', async () => {
    const before = await pull();
    const wrap = before.find((d) => String(d.message).startsWith('“人大常|委会”'))!;
    await run(wrap, 'Ignore this broken-wrap finding');
    const config = JSON.parse(readFileSync(join(dir, '.newsprint.json'), 'utf8')) as { ignore: Array<{ rule: string; fingerprint: string; file: string; text: string }> };
    assert.equal(config.ignore.length, 1);
    assert.equal(config.ignore[0]!.rule, 'broken-wrap');
    assert.equal(config.ignore[0]!.file, '01.txt');
    assert.equal(config.ignore[0]!.fingerprint, (wrap.data as { fingerprint: string }).fingerprint);
    const after = await pull();
    assert.equal(byRule(after)['broken-wrap'], 14);
    assert.ok(!after.some((d) => String(d.message).startsWith('“人大常|委会”')));
  });

  it('turns a rule off for the file, and the checker reads the same file', async () => {
    const half = (await pull()).find((d) => d.code === 'halfwidth-punctuation')!;
    await run(half, 'Turn off halfwidth-punctuation for this file');
    assert.equal(byRule(await pull())['halfwidth-punctuation'], undefined);
    const r = spawnSync(process.execPath, [CLI, 'check', file, '--no-outline'], { encoding: 'utf8' });
    assert.match(r.stdout, /14 warnings, 1 information in 1 file/);
    assert.ok(!r.stdout.includes('人大常|委会'));
    assert.ok(!r.stdout.includes('halfwidth-punctuation'));
    assert.ok(existsSync(join(dir, '.newsprint.json')));
  });
});
