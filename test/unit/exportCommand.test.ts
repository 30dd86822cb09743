/** newsprint export, run as a newcomer runs it: files and stdout, counts on stderr, nothing overwritten unasked, inputs never changed, bad input. */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, CORPUS, ROOT } from '../helpers/repo';

const ISSUE = join(CORPUS, 'cjrb-2026-01-08');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, 'export', ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'newsprint-export-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Every file under a folder with the hash of its bytes and its modification time: what “unchanged” means. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else out[full.slice(dir.length + 1)] = `${createHash('sha1').update(readFileSync(full)).digest('hex')} ${st.mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

/** A copy of the corpus issue to export from, so the test can show it was left as it was. */
function issueCopy(): { root: string; issue: string } {
  const root = tempDir();
  const issue = join(root, 'cjrb-2026-01-08');
  cpSync(ISSUE, issue, { recursive: true });
  return { root, issue };
}

describe('newsprint export', () => {
  it('writes one ninjs file per article under --out, says what it did on stderr, and leaves the pages as they were', () => {
    const { root, issue } = issueCopy();
    const before = snapshot(issue);
    const out = join(root, 'out');
    const r = run([issue, '--format', 'ninjs', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const files = readdirSync(join(out, 'cjrb-2026-01-08')).sort();
    assert.deepEqual(
      files,
      ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '01-09', '02-01', '02-02'].map((id) => `${id}.json`),
    );
    const item = JSON.parse(readFileSync(join(out, 'cjrb-2026-01-08', '01-02.json'), 'utf8')) as { uri: string; altids: unknown };
    assert.equal(item.uri, 'urn:newsprint:cjrb-2026-01-08:01-02');
    assert.deepEqual(item.altids, [
      { role: 'page', value: '1版' },
      { role: 'page', value: '2版' },
    ]);
    assert.match(
      r.stderr,
      /^newsprint: exported 11 articles from 2 pages of 1 issue \(6 joined across pages, 2 missing a jump's other part, 7 notes\); left out 14 continuation markers, 6 repeated headlines, 0 furniture lines; certain fixes: .*12 cuts joined/m,
    );
    assert.match(r.stderr, /^newsprint: wrote 11 files under .*out\/$/m);
    assert.deepEqual(snapshot(issue), before, 'the input files are unchanged');
    assert.ok(!readdirSync(join(out, 'cjrb-2026-01-08')).some((f) => f.includes('.tmp')), 'no temporary file is left');
  });

  it('replaces files that exist only with --force, and says so', () => {
    const { root, issue } = issueCopy();
    const out = join(root, 'out');
    assert.equal(run([issue, '--format', 'markdown', '--out', out]).status, 0);
    const first = snapshot(out);
    const again = run([issue, '--format', 'markdown', '--out', out]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /cjrb-2026-01-08: not exported: 11 of its 11 files exist already \(.*01-01\.md, …\); --force replaces them/);
    assert.match(again.stderr, /exported 0 articles/);
    assert.deepEqual(snapshot(out), first, 'nothing was written');
    const forced = run([issue, '--format', 'markdown', '--out', out, '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stderr, /wrote 11 files under .* \(11 replaced\)/);
  });

  it('never writes over an input file, even with --force', () => {
    const { root, issue } = issueCopy();
    const before = snapshot(issue);
    const r = run([issue, '--format', 'text', '--out', root, '--force']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not exported: .*01\.txt is one of the files exported; choose another --out/);
    assert.deepEqual(snapshot(issue), before);
    assert.equal(run([join(issue, '01.txt'), '--format', 'jsonl', '--out', join(issue, '01.txt')]).status, 2);
  });

  it('writes the clean pages, and JSON Lines or Markdown to stdout for a pipe', () => {
    const { root, issue } = issueCopy();
    const text = run([issue, '--format', 'text', '--out', join(root, 'clean')]);
    assert.equal(text.status, 0, text.stderr);
    const page = readFileSync(join(root, 'clean', 'cjrb-2026-01-08', '01.txt'), 'utf8');
    assert.ok(page.includes('受市人大常委会委托') && !page.includes('人大常\n'), 'cuts joined');
    const jsonl = run([issue, '--format', 'jsonl']);
    assert.equal(jsonl.status, 0);
    const lines = jsonl.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; pages: string[] });
    assert.equal(lines.length, 11);
    assert.equal(lines.filter((l) => l.pages.length === 2).length, 6);
    assert.doesNotMatch(jsonl.stderr, /\r/, 'no progress line on a pipe');
    const md = run([issue, '--format', 'markdown', '--per', 'issue']);
    assert.match(md.stdout, /^---\nissue: "cjrb-2026-01-08"\n/);
  });

  it('exports a one-file issue whose pages are separated by page lines, and two issues of one name apart', () => {
    const root = tempDir();
    const day = join(root, 'a');
    mkdirSync(day);
    const p1 = readFileSync(join(ISSUE, '01.txt'), 'utf8');
    const p2 = readFileSync(join(ISSUE, '02.txt'), 'utf8');
    writeFileSync(join(day, '2026-01-08.txt'), `第1版 要闻\n\n${p1}\n第2版 要闻\n\n${p2}`);
    cpSync(ISSUE, join(root, 'b', 'cjrb-2026-01-08'), { recursive: true });
    cpSync(ISSUE, join(root, 'c', 'cjrb-2026-01-08'), { recursive: true });
    const r = run([day, join(root, 'b'), join(root, 'c'), '--format', 'jsonl', '--out', join(root, 'out')]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(join(root, 'out')).sort(), ['2026-01-08.jsonl', 'cjrb-2026-01-08-2.jsonl', 'cjrb-2026-01-08.jsonl']);
    const records = readFileSync(join(root, 'out', '2026-01-08.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { pages: string[] });
    assert.equal(records.length, 11);
    assert.equal(records.filter((x) => x.pages.join() === '1版,2版').length, 6);
    assert.match(r.stderr, /exported 33 articles from 6 pages of 3 issues .* 2 page lines/);
  });

  it('skips a binary file, reports invalid UTF-8 with exit status 2, and exports the rest', () => {
    const { issue } = issueCopy();
    writeFileSync(join(issue, '03.txt'), Buffer.from([0, 1, 2, 3, 0, 255]));
    writeFileSync(join(issue, '04.txt'), Buffer.from([0xe4, 0xb8, 0x80, 0x0a, 0xff, 0x0a]));
    writeFileSync(join(issue, '05.txt'), '');
    const r = run([issue, '--format', 'jsonl']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /03\.txt: not a text file \(binary content\); skipped/);
    assert.match(r.stderr, /04\.txt: invalid UTF-8 at line 2, byte 1/);
    assert.equal(r.stdout.trimEnd().split('\n').length, 11);
  });

  it('stops quietly when the reader of stdout has had enough (| head)', async () => {
    const root = tempDir();
    for (const copy of ['a', 'b', 'c', 'd']) cpSync(ISSUE, join(root, copy, 'cjrb-2026-01-08'), { recursive: true });
    const child = spawn(process.execPath, [CLI, 'export', root, '--format', 'ninjs'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // The first chunk read, the pipe is closed, as head closes it.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(status, 0, stderr);
    assert.doesNotMatch(stderr, /EPIPE|Error/);
  });

  it('explains its usage', () => {
    const none = run([]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^newsprint export: --format is needed: ninjs, markdown, jsonl, text\n\nUsage: newsprint export/);
    assert.match(run([ISSUE, '--format', 'pdf']).stderr, /--format must be ninjs, markdown, jsonl, text, not “pdf”/);
    assert.match(run(['--format', 'jsonl']).stderr, /no file or folder given/);
    assert.match(run([ISSUE, '--format=jsonl', '--per', 'page']).stderr, /--per must be article or issue, not “page”/);
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: newsprint export/);
    assert.match(run([join(ISSUE, 'missing'), '--format', 'jsonl']).stderr, /missing: no such file or folder/);
  });
});
