/** The command-line checker, run as a newcomer runs it: output, exit codes, --fix, bad input. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, CORPUS_PAGE, ROOT } from '../helpers/repo';

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'newsprint-checker-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('newsprint check', () => {
  it('checks the bundled sample page when no path is given, printing diagnostics then the outline', () => {
    const r = run(['check']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const diags = lines.filter((l) => /^\S+:\d+:\d+ (warning|information|error|hint) [a-z-]+ /.test(l));
    assert.equal(diags.length, 17);
    assert.match(diags.find((l) => l.includes('人大常|委会'))!, /^test\/corpus\/cjrb-2026-01-08\/01\.txt:61:14 warning broken-wrap “人大常\|委会” is cut across lines 61–63/);
    const outline = lines.filter((l) => /^\s*\d+\. /.test(l));
    assert.equal(outline.length, 9);
    assert.match(outline[0]!, /^ 1\. 八部门印发/);
    assert.match(outline[8]!, /^ 9\. 2026 武汉两会 乘势而上 续写新篇 +\[teaser\]/);
    assert.match(r.stdout, /16 warnings, 1 information in 1 file/);
  });

  it('writes JSON with LSP diagnostics and the articles', () => {
    const r = run(['check', CORPUS_PAGE, '--format', 'json']);
    assert.equal(r.status, 0);
    const json = JSON.parse(r.stdout) as { files: Array<{ path: string; articles: Array<{ headline: string; kind: string; range: unknown }>; diagnostics: Array<{ code: string; range: { start: { line: number } }; severity: number; source: string }> }> };
    assert.equal(json.files.length, 1);
    const f = json.files[0]!;
    assert.equal(f.articles.length, 9);
    assert.deepEqual(
      f.articles.map((a) => a.kind),
      ['article', 'article', 'article', 'article', 'article', 'article', 'article', 'article', 'teaser'],
    );
    assert.equal(f.diagnostics.filter((d) => d.code === 'broken-wrap').length, 15);
    assert.equal(f.diagnostics[0]!.source, 'newsprint');
    assert.equal(f.diagnostics.find((d) => d.code === 'broken-wrap')!.range.start.line, 36);
  });

  it('exits 1 when a rule is set to error in .newsprint.json, and 2 on usage errors', () => {
    const dir = tempDir();
    copyFileSync(CORPUS_PAGE, join(dir, '01.txt'));
    writeFileSync(join(dir, '.newsprint.json'), JSON.stringify({ rules: { 'broken-wrap': 'error', 'halfwidth-punctuation': 'off' } }));
    const r = run(['check', dir, '--no-outline']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /15 errors, 1 warning in 1 file/);
    assert.equal(run(['check', '--format', 'xml']).status, 2);
    assert.equal(run(['frobnicate']).status, 2);
    const missing = run(['check', join(dir, 'nope.txt')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.txt: no such file or folder/);
  });

  it('--fix writes only changed files, atomically, and a second run finds nothing to fix', () => {
    const dir = tempDir();
    copyFileSync(CORPUS_PAGE, join(dir, '01.txt'));
    writeFileSync(join(dir, '02.txt'), '清洁的标题\n\n本报讯（记者 王五）这是一段完整的正文。\n');
    const cleanBefore = statSync(join(dir, '02.txt')).mtimeMs;
    const r = run(['check', dir, '--fix', '--no-outline']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /01\.txt: fixed 17 problems in place/);
    assert.match(r.stdout, /no problems in 2 files/);
    assert.equal(statSync(join(dir, '02.txt')).mtimeMs, cleanBefore);
    assert.deepEqual(readdirSync(dir).sort(), ['01.txt', '02.txt']);
    const fixed = readFileSync(join(dir, '01.txt'), 'utf8');
    assert.ok(fixed.includes('市人大常委会主任胡立山受市人大常委会委托，向大会作市人大常委会工作报告'));
    const again = run(['check', dir, '--fix', '--no-outline']);
    assert.ok(!again.stdout.includes('fixed'));
  });

  it('keeps a BOM and CRLF line endings when fixing', () => {
    const dir = tempDir();
    const text = '\uFEFF' + readFileSync(CORPUS_PAGE, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(join(dir, '01.txt'), text);
    run(['check', dir, '--fix']);
    const fixed = readFileSync(join(dir, '01.txt'), 'utf8');
    assert.ok(fixed.startsWith('\uFEFF'));
    assert.ok(!/[^\r]\n/.test(fixed));
  });

  it('skips binary files, reports invalid UTF-8 with its place, and accepts empty files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    writeFileSync(join(dir, 'gbk.txt'), Buffer.concat([Buffer.from('第一行\n第二行'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4])]));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), '  \n\n\u3000\n');
    const r = run(['check', dir, '--no-outline']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /scan\.txt: not a text file \(binary content\); skipped/);
    assert.match(r.stderr, /gbk\.txt: invalid UTF-8 at line 2, byte 10 of the line/);
    assert.match(r.stdout, /no problems in 2 files/);
  });

  it('lists the rules', () => {
    const r = run(['rules']);
    assert.equal(r.status, 0);
    assert.deepEqual(
      r.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]),
      ['broken-wrap', 'orphaned-continuation', 'missing-byline', 'spaced-headline', 'halfwidth-punctuation'],
    );
  });
});
