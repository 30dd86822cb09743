/** The command-line checker, run as a newcomer runs it: output, exit codes, --fix, bad input. */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { applyPatch } from 'diff';
import { encode } from 'iconv-lite';
import { temporaryFolders } from '../helpers/folders';
import { defaultThreads } from '../../server/src/cli/pool';
import { CLI, CORPUS_PAGE, ROOT } from '../helpers/repo';

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDir = temporaryFolders('checker');

describe('newsprint check', () => {
  it('checks the bundled sample page when no path is given, printing diagnostics then the outline', () => {
    const r = run(['check']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const diags = lines.filter((l) => /^\S+:\d+:\d+ (warning|information|error|hint) [a-z-]+ /.test(l));
    assert.equal(diags.length, 17);
    const cut = lines.findIndex((l) => l.includes('人大常|委会'));
    assert.equal(lines[cut], 'test/corpus/cjrb-2026-01-08/01.txt:61:14 warning broken-wrap “人大常|委会” is cut across blank lines: the word 人大常委会 straddles the break.');
    assert.equal(lines[cut + 1], '    test/corpus/cjrb-2026-01-08/01.txt:63:1 The paragraph goes on here.');
    const outline = lines.filter((l) => /^\s*\d+\. /.test(l));
    assert.equal(outline.length, 9);
    assert.match(outline[0]!, /^ 1\. 八部门印发/);
    assert.match(outline[8]!, /^ 9\. 2026 武汉两会 乘势而上 续写新篇 +\[teaser\]/);
    // 专题询问|1次 is reported at information: the page could also be read without it.
    assert.match(r.stdout, /15 warnings, 2 information in 1 file/);
  });

  it('prints what the README shows a newcomer, line for line', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const sample = /the checker says:\n\n```\n([\s\S]*?)\n```/.exec(readme);
    assert.ok(sample, 'the README shows the output of npm start');
    const shown = sample[1]!.split('\n').filter((l) => l !== '…' && l !== '');
    assert.ok(shown.length > 10);
    const printed = new Set(run(['check']).stdout.split('\n'));
    assert.deepEqual(
      shown.filter((l) => !printed.has(l)),
      [],
      'README lines the checker does not print',
    );
  });

  it('ends quietly when the reader of its output stops early, as `| head` does', async () => {
    const dir = tempDir();
    const page = readFileSync(CORPUS_PAGE, 'utf8');
    // Far more output than a pipe holds, so the checker is still writing when the pipe closes.
    writeFileSync(join(dir, 'issue.txt'), Array.from({ length: 40 }, (_, i) => `第${i + 1}版 要闻\n\n${page}`).join('\n'));
    const child = spawn(process.execPath, [CLI, 'check', join(dir, 'issue.txt'), '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '', 'no stack trace');
    assert.equal(code, 0);
  });

  it('refuses a language it does not have, rather than answering in English', () => {
    const r = run(['check', '--lang', 'fr']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--lang must be en or zh-cn, not “fr”/);
    assert.equal(run(['check', '--lang', 'en_GB.UTF-8', '--no-outline']).status, 0);
  });

  it('writes JSON with LSP diagnostics and the articles', () => {
    const r = run(['check', CORPUS_PAGE, '--format', 'json']);
    assert.equal(r.status, 0);
    const json = JSON.parse(r.stdout) as {
      files: Array<{
        path: string;
        articles: Array<{ headline: string; kind: string; range: unknown }>;
        diagnostics: Array<{ code: string; range: { start: { line: number } }; severity: number; source: string }>;
      }>;
    };
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
    assert.match(r.stdout, /14 errors, 1 warning, 1 information in 1 file/);
    assert.equal(run(['check', '--format', 'xml']).status, 2);
    assert.equal(run(['frobnicate']).status, 2);
    const missing = run(['check', join(dir, 'nope.txt')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.txt: no such file or folder/);
  });

  it('--fix writes only changed files, atomically, and a second run finds nothing to fix', () => {
    const dir = tempDir();
    copyFileSync(CORPUS_PAGE, join(dir, '01.txt'));
    // Page 3, not 2: a page 2 in the folder would be where 01.txt's (下转第二版) markers lead, and lacks their continued parts.
    writeFileSync(join(dir, '03.txt'), '清洁的标题\n\n本报讯（记者 王五）这是一段完整的正文。\n');
    const cleanBefore = statSync(join(dir, '03.txt')).mtimeMs;
    const r = run(['check', dir, '--fix', '--no-outline']);
    assert.equal(r.status, 0, r.stderr);
    // Fix-all applies what is certain: 10 joins, the spread deck line, the half-width marks. Five cuts wait for a person.
    assert.match(r.stdout, /01\.txt: fixed 12 problems in place/);
    assert.match(r.stdout, /01\.txt:\d+:\d+ warning broken-wrap “专题询问\|1次”/);
    assert.match(r.stdout, /5 warnings in 2 files/);
    assert.equal(statSync(join(dir, '03.txt')).mtimeMs, cleanBefore);
    assert.deepEqual(readdirSync(dir).sort(), ['01.txt', '03.txt']);
    const fixed = readFileSync(join(dir, '01.txt'), 'utf8');
    assert.ok(fixed.includes('市人大常委会主任胡立山受市人大常委会委托，向大会作市人大常委会工作报告'));
    const again = run(['check', dir, '--fix', '--no-outline']);
    assert.ok(!again.stdout.includes('fixed'));
    assert.match(again.stdout, /5 warnings in 2 files/);
  });

  it('--diff prints what --fix would change as a unified diff and writes nothing; --dry-run counts it', () => {
    const dir = tempDir();
    copyFileSync(CORPUS_PAGE, join(dir, '01.txt'));
    const original = readFileSync(join(dir, '01.txt'), 'utf8');
    const before = statSync(join(dir, '01.txt')).mtimeMs;
    const diff = run(['check', '--diff', '01.txt'], dir);
    assert.equal(diff.status, 0, diff.stderr);
    assert.match(diff.stdout, /^--- a\/01\.txt\n\+\+\+ b\/01\.txt\n@@ /);
    assert.match(diff.stderr, /1 file would change; nothing was written/);
    const dry = run(['check', '--dry-run', '--no-outline', '01.txt'], dir);
    assert.match(dry.stdout, /01\.txt: --fix would fix 12 problems \(dry run: nothing written\)/);
    assert.doesNotMatch(dry.stdout, /fixed \d+ problems? in place/);
    assert.equal(readFileSync(join(dir, '01.txt'), 'utf8'), original);
    assert.equal(statSync(join(dir, '01.txt')).mtimeMs, before);
    // The diff is exactly --fix's change: applied to the page, it gives what --fix writes.
    const patched = applyPatch(original, diff.stdout);
    run(['check', '--fix', '01.txt'], dir);
    assert.equal(patched, readFileSync(join(dir, '01.txt'), 'utf8'));
    assert.equal(run(['check', '--diff', '01.txt'], dir).stdout, '');
  });

  it('reads a GB18030 (GBK) page, says so, and writes the fixed page back in GB18030', () => {
    const dir = tempDir();
    const page = '春节前菜篮子供应充足\n\n　　本报讯(记者 王五)春节将至,全市蔬菜供应充足;价格平稳!\n';
    writeFileSync(join(dir, '01.txt'), encode(page, 'gb18030'));
    const r = run(['check', '--no-outline', '01.txt'], dir);
    assert.match(r.stderr, /01\.txt: read as GB18030 \(GBK\); --fix writes it back in GB18030/);
    assert.match(r.stdout, /01\.txt:3:6 information halfwidth-punctuation 5 half-width punctuation marks/);
    run(['check', '--fix', '01.txt'], dir);
    const bytes = readFileSync(join(dir, '01.txt'));
    assert.equal(new TextDecoder('gb18030', { fatal: true }).decode(bytes), page.replace('(', '（').replace(')', '）').replace(',', '，').replace(';', '；').replace('!', '！'));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
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
    writeFileSync(join(dir, '04.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    writeFileSync(join(dir, '05.txt'), Buffer.concat([Buffer.from('第一行\n第二行'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4])]));
    writeFileSync(join(dir, '06.txt'), '');
    writeFileSync(join(dir, '07.txt'), '  \n\n\u3000\n');
    // Not pages by name: a GBK note beside the pages is skipped, not an error.
    writeFileSync(join(dir, 'notes.txt'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]));
    const r = run(['check', dir, '--no-outline']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /04\.txt: not a text file \(binary content\); skipped/);
    assert.match(r.stderr, /05\.txt: invalid UTF-8 at line 2, byte 10 of the line/);
    // GBK is read now (GB18030 holds it): the note is not a page for what it says, not for its bytes.
    assert.match(r.stderr, /1 file is not a page and was skipped \(name a file to check it anyway\):\n {2}.*notes\.txt: its name gives no page number/);
    assert.match(r.stdout, /no problems in 2 files/);
  });

  it('lists the rules', () => {
    const r = run(['rules']);
    assert.equal(r.status, 0);
    assert.deepEqual(
      r.stdout
        .split('\n')
        // Each rule's line, then the indented line saying where its page is.
        .filter((l) => l !== '' && !l.startsWith(' '))
        .map((l) => l.split(/\s+/)[0]),
      ['broken-wrap', 'orphaned-continuation', 'missing-byline', 'spaced-headline', 'halfwidth-punctuation'],
    );
  });
});

describe('newsprint check on an issue', () => {
  const ISSUE = join(ROOT, 'test', 'corpus', 'cjrb-2026-01-08');

  it('checks a folder as one issue: cross-page findings point at the other page, the outline notes the jumps', () => {
    const r = run(['check', ISSUE]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const cross = lines.filter((l) => / orphaned-continuation /.test(l));
    assert.deepEqual(
      cross.map((l) => l.split(' ')[0]),
      ['test/corpus/cjrb-2026-01-08/01.txt:125:1', 'test/corpus/cjrb-2026-01-08/02.txt:49:1'],
    );
    // Each is followed by where to look on the other page.
    assert.equal(lines[lines.indexOf(cross[0]!) + 1], '    test/corpus/cjrb-2026-01-08/02.txt:1:1 2版 (02.txt): its continued parts from this page are under other headlines.');
    assert.equal(lines[lines.indexOf(cross[1]!) + 1], '    test/corpus/cjrb-2026-01-08/01.txt:3:1 The article on 1版 under this headline has no onward marker to 2版.');
    assert.match(r.stdout, /^ 2\. 综合提升让老城区焕发新的生命力.*· → 2版\] \(lines 13–51\)$/m);
    assert.match(r.stdout, /^ 7\. 政协武汉市第十四届委员会 常务委员会第二十五次会议召开 .*· → 2版 \(not found\)\]/m);
    assert.match(r.stdout, /^ 1\. 城市更新要用好改革“关键一招” +\[continued part · \d+字 · ← 1版\] \(lines 3–13\)$/m);
    assert.match(r.stdout, / in 2 files\n$/);
  });

  it('says nothing of pages that were not checked, unless asked', () => {
    const page = join(ISSUE, '01.txt');
    assert.doesNotMatch(run(['check', page, '--no-outline']).stdout, /orphaned-continuation/);
    const asked = run(['check', page, '--no-outline', '--missing-page', 'information']);
    const info = asked.stdout.split('\n').filter((l) => / information orphaned-continuation /.test(l));
    assert.equal(info.length, 7);
    assert.match(info[0]!, /:51:1 information orphaned-continuation \(下转第二版\): 2版 is not in this issue/);
    assert.equal(run(['check', page, '--missing-page', 'loud']).status, 2);
  });

  it('writes LSP diagnostics with related information in JSON', () => {
    const r = run(['check', ISSUE, '--format', 'json']);
    const json = JSON.parse(r.stdout) as {
      files: Array<{
        path: string;
        diagnostics: Array<{
          code: string;
          range: { start: { line: number } };
          relatedInformation?: Array<{ location: { uri: string; range: { start: { line: number } } }; message: string }>;
        }>;
      }>;
    };
    assert.deepEqual(
      json.files.map((f) => f.path),
      ['test/corpus/cjrb-2026-01-08/01.txt', 'test/corpus/cjrb-2026-01-08/02.txt'],
    );
    const d = json.files[0]!.diagnostics.find((x) => x.code === 'orphaned-continuation')!;
    assert.equal(d.range.start.line, 124);
    assert.equal(d.relatedInformation![0]!.location.uri, pathToFileURL(join(ISSUE, '02.txt')).href);
  });

  it('writes SARIF 2.1.0 that code-scanning tools accept', () => {
    const r = run(['check', ISSUE, '--format', 'sarif']);
    assert.equal(r.status, 0, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    checkSarifShape(log);
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0]!;
    assert.equal(run0.tool.driver.name, 'newsprint');
    assert.deepEqual(
      run0.tool.driver.rules.map((x) => x.id),
      ['broken-wrap', 'orphaned-continuation', 'missing-byline', 'spaced-headline', 'halfwidth-punctuation'],
    );
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    assert.equal(run0.originalUriBaseIds['%SRCROOT%']!.uri, pathToFileURL(ROOT).href + '/');
    // Every finding of the text output is a result, at the same 1-based line and column.
    const text = run(['check', ISSUE, '--no-outline'])
      .stdout.split('\n')
      .filter((l) => /^\S+:\d+:\d+ /.test(l));
    assert.equal(run0.results.length, text.length);
    const cross = run0.results.find((x) => x.ruleId === 'orphaned-continuation')!;
    assert.equal(cross.ruleIndex, 1);
    assert.equal(cross.level, 'warning');
    assert.deepEqual(cross.locations[0]!.physicalLocation.artifactLocation, { uri: 'test/corpus/cjrb-2026-01-08/01.txt', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(cross.locations[0]!.physicalLocation.region, { startLine: 125, startColumn: 1, endLine: 125, endColumn: 8 });
    assert.deepEqual(cross.relatedLocations![0]!.physicalLocation.artifactLocation, { uri: 'test/corpus/cjrb-2026-01-08/02.txt', uriBaseId: '%SRCROOT%' });
    const wrap = run0.results.find((x) => x.ruleId === 'broken-wrap' && x.message.text.includes('人大常|委会'))!;
    assert.deepEqual(wrap.locations[0]!.physicalLocation.region, { startLine: 61, startColumn: 14, endLine: 63, endColumn: 3 });
    assert.equal(run0.results.find((x) => x.ruleId === 'halfwidth-punctuation')!.level, 'note');
  });

  it('checks a large archive on several threads with the same output as on one, and no progress on a pipe', () => {
    const archive = tempDir();
    // 20 issues of two pages: enough files for the worker threads to start.
    for (let i = 1; i <= 20; i++) {
      const dir = join(archive, `cjrb-2026-01-${String(i).padStart(2, '0')}`);
      mkdirSync(dir);
      copyFileSync(join(ISSUE, '01.txt'), join(dir, '01.txt'));
      copyFileSync(join(ISSUE, '02.txt'), join(dir, '02.txt'));
    }
    const one = run(['check', archive, '--jobs', '1']);
    const two = run(['check', archive, '--jobs', '2']);
    const auto = run(['check', archive]);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.equal(auto.stdout, one.stdout);
    assert.equal(one.stdout.split('\n').filter((l) => / orphaned-continuation /.test(l)).length, 40);
    assert.match(one.stdout, / in 40 files\n$/);
    for (const r of [one, two, auto]) assert.doesNotMatch(r.stderr, /files checked|\r/);
    const sarif = JSON.parse(run(['check', archive, '--format', 'sarif', '--jobs', '2']).stdout) as SarifLog;
    checkSarifShape(sarif);
  });

  it('picks one thread per one and a half cores: on 2 cores the main thread alone', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 8, 16].map((cores) => defaultThreads(cores)),
      [1, 1, 2, 2, 5, 10],
    );
  });
});

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion };
  message?: { text: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints?: Record<string, string>;
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; name: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }> } };
    invocations: Array<{ executionSuccessful: boolean; exitCode?: number }>;
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: SarifResult[];
  }>;
}

/**
 * The parts of the SARIF 2.1.0 schema our log uses: required properties,
 * enumerations, 1-based regions, and no property the schema does not define
 * (it sets additionalProperties to false on these objects).
 */
function checkSarifShape(log: SarifLog): void {
  const only = (o: object, allowed: string[], where: string) => {
    for (const k of Object.keys(o)) assert.ok(allowed.includes(k), `${where}: property “${k}” is not in the SARIF schema`);
  };
  const LEVELS = ['none', 'note', 'warning', 'error'];
  only(log, ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'], 'sarifLog');
  assert.match(log.$schema, /^https:\/\/.*sarif-schema-2\.1\.0\.json$/);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0]!;
  only(run, ['tool', 'invocations', 'originalUriBaseIds', 'columnKind', 'results', 'artifacts'], 'run');
  only(run.tool, ['driver', 'extensions', 'properties'], 'tool');
  only(run.tool.driver, ['name', 'version', 'rules', 'informationUri', 'semanticVersion'], 'toolComponent');
  assert.equal(typeof run.tool.driver.name, 'string');
  for (const rule of run.tool.driver.rules) {
    only(rule, ['id', 'name', 'shortDescription', 'fullDescription', 'defaultConfiguration', 'helpUri', 'help'], 'reportingDescriptor');
    assert.ok(rule.id && rule.shortDescription.text);
    assert.ok(LEVELS.includes(rule.defaultConfiguration.level));
  }
  for (const inv of run.invocations) {
    only(inv, ['executionSuccessful', 'exitCode', 'toolExecutionNotifications'], 'invocation');
    assert.equal(typeof inv.executionSuccessful, 'boolean');
  }
  for (const base of Object.values(run.originalUriBaseIds)) assert.match(base.uri, /^file:\/\/.*\/$/, 'a base URI ends with a slash');
  assert.ok(['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind));
  const checkLocation = (loc: SarifLocation, where: string) => {
    only(loc, ['id', 'physicalLocation', 'message'], where);
    only(loc.physicalLocation, ['artifactLocation', 'region'], `${where}.physicalLocation`);
    only(loc.physicalLocation.artifactLocation, ['uri', 'uriBaseId'], `${where}.artifactLocation`);
    const { uri, uriBaseId } = loc.physicalLocation.artifactLocation;
    if (uriBaseId) {
      assert.ok(uriBaseId in run.originalUriBaseIds, `${where}: unknown uriBaseId`);
      assert.doesNotMatch(uri, /^[a-z]+:|^\//, `${where}: a URI under a base is relative`);
    } else assert.match(uri, /^file:\/\//);
    assert.doesNotMatch(uri, /\\|\s/, `${where}: a URI has no backslashes or spaces`);
    const r = loc.physicalLocation.region;
    only(r, ['startLine', 'startColumn', 'endLine', 'endColumn'], `${where}.region`);
    for (const v of Object.values(r)) assert.ok(Number.isInteger(v) && v >= 1, `${where}: region values are 1-based integers`);
    assert.ok(r.endLine > r.startLine || (r.endLine === r.startLine && r.endColumn >= r.startColumn), `${where}: region ends after it starts`);
  };
  run.results.forEach((res, i) => {
    only(res, ['ruleId', 'ruleIndex', 'level', 'message', 'locations', 'relatedLocations', 'partialFingerprints'], `result ${i}`);
    assert.equal(run.tool.driver.rules[res.ruleIndex]!.id, res.ruleId, `result ${i}: ruleIndex names its ruleId`);
    assert.ok(LEVELS.includes(res.level));
    assert.equal(typeof res.message.text, 'string');
    assert.equal(res.locations.length, 1);
    checkLocation(res.locations[0]!, `result ${i}`);
    const ids = new Set<number>();
    for (const rel of res.relatedLocations ?? []) {
      checkLocation(rel, `result ${i} related`);
      assert.ok(rel.id !== undefined && !ids.has(rel.id), 'related locations have distinct ids');
      ids.add(rel.id);
    }
  });
}

describe('newsprint check and .newsprint.json', () => {
  const PAGE = readFileSync(CORPUS_PAGE, 'utf8');

  it('finds .newsprint.json above a relative path given inside the page folder: `01.txt` and `.`', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'issue'));
    writeFileSync(join(dir, 'issue', '01.txt'), PAGE);
    // At the workspace's root, one folder above the pages: broken-wrap off everywhere, spaced-headline off for this one page.
    writeFileSync(join(dir, '.newsprint.json'), JSON.stringify({ rules: { 'broken-wrap': 'off' }, files: { 'issue/01.txt': { rules: { 'spaced-headline': 'off' } } } }));
    for (const path of ['01.txt', '.', './01.txt']) {
      const r = run(['check', path, '--no-outline'], join(dir, 'issue'));
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stdout, /broken-wrap|spaced-headline/, `check ${path} from inside the folder reads the .newsprint.json above it`);
      assert.match(r.stdout, /1 information in 1 file/);
    }
  });

  it('holds an ignore for the file it names only, and for the page it names in a one-file issue', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '01.txt'), PAGE);
    writeFileSync(join(dir, '05.txt'), PAGE);
    const json = JSON.parse(run(['check', join(dir, '01.txt'), '--format', 'json'], dir).stdout) as {
      files: Array<{ diagnostics: Array<{ message: string; data: { fingerprint: string } }> }>;
    };
    const cut = json.files[0]!.diagnostics.find((d) => d.message.startsWith('“人大常|委会”'))!;
    writeFileSync(join(dir, '.newsprint.json'), JSON.stringify({ ignore: [{ rule: 'broken-wrap', fingerprint: cut.data.fingerprint, file: '01.txt' }] }));
    const r = run(['check', '.', '--no-outline'], dir);
    const cuts = r.stdout.split('\n').filter((l) => l.includes('“人大常|委会”'));
    assert.deepEqual(
      cuts.map((l) => l.split(':')[0]),
      ['05.txt'],
    );

    // One file, two pages with the same cut: an ignore that names page 1 leaves page 2's.
    const issue = `第1版 要闻\n\n${PAGE}\n第2版 要闻\n\n${PAGE}`;
    writeFileSync(join(dir, 'issue.np'), issue);
    writeFileSync(join(dir, '.newsprint.json'), JSON.stringify({ ignore: [{ rule: 'broken-wrap', fingerprint: cut.data.fingerprint, file: 'issue.np', page: '1' }] }));
    const paged = run(['check', 'issue.np', '--no-outline'], dir)
      .stdout.split('\n')
      .filter((l) => l.includes('“人大常|委会”'));
    assert.equal(paged.length, 1);
    assert.ok(Number(paged[0]!.split(':')[1]) > PAGE.split('\n').length, 'the cut left is on page 2');
  });

  it('lists every finding in JSON and SARIF, however many, unless --max-problems says otherwise', () => {
    const dir = tempDir();
    // Seventy copies of the corpus page in one page file: a thousand broken wraps and more, past the editor's 999.
    writeFileSync(join(dir, 'big.np'), Array.from({ length: 70 }, () => PAGE).join('\n'));
    const json = JSON.parse(run(['check', 'big.np', '--format', 'json'], dir).stdout) as { files: Array<{ diagnostics: Array<{ code?: string; message: string }> }> };
    const all = json.files[0]!.diagnostics;
    assert.ok(all.length > 999, `${all.length} findings`);
    assert.ok(!all.some((d) => d.code === undefined), 'no count of findings left out');
    const sarif = JSON.parse(run(['check', 'big.np', '--format', 'sarif'], dir).stdout) as { runs: Array<{ results: unknown[] }> };
    assert.equal(sarif.runs[0]!.results.length, all.length);
    const capped = JSON.parse(run(['check', 'big.np', '--format', 'json', '--max-problems', '5'], dir).stdout) as typeof json;
    const five = capped.files[0]!.diagnostics;
    assert.equal(five.length, 6);
    assert.equal(five[5]!.message, `${all.length - 5} more problems not shown: --max-problems is 5.`);
    assert.equal(run(['check', 'big.np', '--max-problems', '0'], dir).status, 2);
  });

  it('checks only pages in a folder, numbered by pageFileNamePattern in .newsprint.json, and lists what it skipped', () => {
    const dir = tempDir();
    const issue = join(ROOT, 'test', 'corpus', 'cjrb-2026-01-08');
    copyFileSync(join(issue, '01.txt'), join(dir, 'cjrb-1.txt'));
    copyFileSync(join(issue, '02.txt'), join(dir, 'cjrb-2.txt'));
    writeFileSync(join(dir, 'requirements.txt'), 'nodejieba==3.5.8\n');
    writeFileSync(join(dir, '.newsprint.json'), JSON.stringify({ pageFileNamePattern: '^cjrb-(\\d+)$' }));
    const r = run(['check', '.', '--no-outline'], dir);
    assert.equal(r.status, 0, r.stderr);
    // Numbered by the pattern, the two pages are 1版 and 2版 of one issue: the cross-page findings appear.
    assert.deepEqual(
      r.stdout
        .split('\n')
        .filter((l) => / orphaned-continuation /.test(l))
        .map((l) => l.split(' ')[0]),
      ['cjrb-1.txt:125:1', 'cjrb-2.txt:49:1'],
    );
    assert.match(
      r.stderr,
      /1 file is not a page and was skipped \(name a file to check it anyway\):\n {2}requirements\.txt: its name does not match pageFileNamePattern and it holds no page line/,
    );
    assert.match(r.stdout, / in 2 files\n$/);
  });
});

describe('a paper profile in .newsprint.json', () => {
  it('extends the conventions the checker reads with, and says what it cannot use', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '01.txt'), '江城夜市重开\n\n九派讯（记者 王五）江城夜市昨晚重新开张，吸引大批市民前来。\n');
    const before = run(['check', dir, '--no-outline', '--format', 'json']);
    assert.match(before.stdout, /missing-byline/);
    writeFileSync(join(dir, '.newsprint.json'), JSON.stringify({ profile: { outlets: ['九派'], boxLabels: 'not a list', thresholds: { certainJoin: 7, sureness: 1 } } }));
    const after = run(['check', dir, '--no-outline', '--format', 'json']);
    assert.doesNotMatch(after.stdout, /missing-byline/, 'the workspace names the outlet: its source line is one');
    assert.match(after.stderr, /profile\.boxLabels must be a list/);
    assert.match(after.stderr, /profile\.thresholds: unknown threshold “sureness”/);
  });
});
