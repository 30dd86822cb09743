/**
 * What a repository's settings and .newsprint.json may set, held to what is
 * safe: a page-name pattern that would backtrack for ever, a paper name and
 * a source line template of any size, a config that is not JSON; and files
 * in another encoding. Unit tests of the workspace layer and the checker.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decode } from '../../server/src/text/decode';
import { parseWorkspaceConfig } from '../../server/src/workspace/configFile';
import { withIgnored, withRuleOff } from '../../server/src/workspace/configEdits';
import { DEFAULT_SETTINGS, fileConfig, LIMITS } from '../../server/src/workspace/fileConfig';
import { compileLinear } from '../../server/src/workspace/pagePattern';
import { temporaryFolders } from '../helpers/folders';
import { CLI, readCorpusPage } from '../helpers/repo';

const PAGE = readCorpusPage();
const folder = temporaryFolders('settings');

const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

describe('newsprint.pageFileNamePattern', () => {
  it('runs on a linear-time engine: `^(a+)+$` against a long name answers at once', { timeout: 60_000 }, () => {
    // JavaScript's engine took 8 s at 31 characters and doubled with each one more: 64 would never end.
    const compiled = compileLinear('^(a+)+$');
    assert.ok('pattern' in compiled);
    assert.equal(compiled.pattern.exec('a'.repeat(64) + '!'), null);
    const pages = compileLinear('^cjrb-(\\d+)$');
    assert.ok('pattern' in pages);
    assert.deepEqual(Array.from(pages.pattern.exec('cjrb-12')!), ['cjrb-12', '12']);
  });

  it('says why a pattern the engine refuses is not used, and numbers pages by the built-in names', () => {
    const config = fileConfig('/w/p1.txt', { ...DEFAULT_SETTINGS, pageFileNamePattern: '(?<=p)(\\d+)' }, undefined, { compile: compileLinear, trusted: true });
    assert.equal(config.pattern, undefined);
    assert.match(config.problems[0]!, /newsprint\.pageFileNamePattern does not compile/);
  });

  it('is not taken from an untrusted workspace’s .newsprint.json', () => {
    const found = { config: { ...parseWorkspaceConfig('{"pageFileNamePattern": "^cjrb-(\\\\d+)$"}').config }, root: '/w', path: '/w/.newsprint.json', problems: [] };
    const trusted = fileConfig('/w/cjrb-1.txt', DEFAULT_SETTINGS, found, { compile: compileLinear, trusted: true });
    const untrusted = fileConfig('/w/cjrb-1.txt', DEFAULT_SETTINGS, found, { compile: compileLinear, trusted: false });
    assert.ok(trusted.pattern);
    assert.equal(untrusted.pattern, undefined);
    assert.match(untrusted.problems[0]!, /not used in an untrusted workspace/);
  });
});

describe('paperName and bylineTemplate', () => {
  it('are not used past their limits, and say so', () => {
    const long = fileConfig('/w/01.txt', { ...DEFAULT_SETTINGS, paperName: '报'.repeat(LIMITS.paperName + 1), bylineTemplate: '{paper}'.repeat(30) }, undefined, {
      compile: compileLinear,
      trusted: true,
    });
    assert.equal(long.analysis.paperName, undefined);
    assert.equal(long.analysis.bylineTemplate, undefined);
    assert.deepEqual(
      long.problems.map((p) => p.replace(/ \(.*$/, '')),
      ['paperName is longer than 40 characters', 'bylineTemplate is longer than 100 characters'],
    );
    const expanding = fileConfig('/w/01.txt', { ...DEFAULT_SETTINGS, bylineTemplate: '{paper}'.repeat(14) }, undefined, { compile: compileLinear, trusted: true });
    assert.equal(expanding.analysis.bylineTemplate, undefined, 'fourteen names of up to 40 characters make more than a 200-character line');
  });

  it('a 254 KB template in a repository’s .newsprint.json neither swells a page nor stops the run', () => {
    const dir = folder();
    mkdirSync(join(dir, 'hostile'));
    mkdirSync(join(dir, 'fine'));
    // A news article with no source line: missing-byline's fix would insert the template, were it ever applied unasked.
    const page = '春耕新闻标题\n\n今年全市春播面积稳中有增，全市已储备种子两千吨。\n';
    writeFileSync(join(dir, 'hostile', '01.txt'), page);
    writeFileSync(join(dir, 'hostile', '.newsprint.json'), JSON.stringify({ bylineTemplate: '{paper}'.repeat(36_000), paperName: '报'.repeat(7) }));
    writeFileSync(join(dir, 'fine', '01.txt'), PAGE);
    const r = run(['check', '.', '--fix', '--no-outline'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /bylineTemplate is longer than 100 characters \(252000\); it is not used/);
    const fixed = readFileSync(join(dir, 'hostile', '01.txt'), 'utf8');
    // A byline is text the page does not hold: --fix never writes one, template or none.
    assert.equal(fixed, page);
    assert.match(r.stdout, /fine\/01\.txt: fixed 12 problems in place/);
  });
});

describe('.newsprint.json', () => {
  const hand = `{
  // Written by hand, with a schema and a note of our own.
  "$schema": "./node_modules/newsprint/schemas/newsprint.schema.json",
  "note": "kept for the desk",
  "rules": {
    "halfwidth-punctuation": "off", // extracted copy: too many to care
    "future-rule": "warning",
  },
}
`;

  it('is read as JSON with comments and trailing commas, and says what it does not read', () => {
    const { config, problems } = parseWorkspaceConfig(hand);
    assert.deepEqual(config.rules, { 'halfwidth-punctuation': 'off' });
    assert.deepEqual(problems, [
      'unknown key “note” (kept, not read)',
      'rules: unknown rule “future-rule” (rules: broken-wrap, orphaned-continuation, missing-byline, spaced-headline, halfwidth-punctuation)',
    ]);
  });

  it('is edited in place: an ignore or a rule turned off keeps comments, unknown keys and layout', () => {
    const ignored = withIgnored(hand, { rule: 'broken-wrap', fingerprint: 'broken-wrap:0123456789abcd', file: '01.txt', text: '很|多' });
    assert.ok(ignored.startsWith(hand.slice(0, hand.indexOf('  "rules"'))), 'what comes before the new key is as it was');
    for (const kept of ['// Written by hand', '"note": "kept for the desk"', '// extracted copy: too many to care', '"future-rule": "warning"', '"$schema"'])
      assert.ok(ignored.includes(kept), kept);
    assert.deepEqual(parseWorkspaceConfig(ignored).config.ignore, [{ rule: 'broken-wrap', fingerprint: 'broken-wrap:0123456789abcd', file: '01.txt', text: '很|多' }]);
    assert.equal(withIgnored(ignored, { rule: 'broken-wrap', fingerprint: 'broken-wrap:0123456789abcd', file: '01.txt', text: '很|多' }), ignored, 'the same ignore twice is one');
    const off = withRuleOff(ignored, 'spaced-headline', '01.txt');
    assert.deepEqual(parseWorkspaceConfig(off).config.files, { '01.txt': { rules: { 'spaced-headline': 'off' } } });
    assert.ok(off.includes('// extracted copy: too many to care'));
  });

  it('applies not at all while it is not JSON, and says where it broke without quoting it', () => {
    const { config, problems } = parseWorkspaceConfig('{\n  "rules": { "broken-wrap": "off" }\n  "paperName": "sk-live-51H8secret"\n}\n');
    assert.deepEqual(config.rules, {});
    assert.deepEqual(problems, ['not valid JSON at line 3, column 3: CommaExpected; nothing of it applies until it is fixed']);
  });

  it('makes the checker exit 2 when it cannot be read or parsed, naming it, with no stack trace', () => {
    const dir = folder();
    writeFileSync(join(dir, '01.txt'), PAGE);
    mkdirSync(join(dir, '.newsprint.json'));
    const r = run(['check', '01.txt', '--no-outline'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.newsprint\.json: is a folder, not a file; nothing of it applies/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.match(r.stdout, /15 warnings, 2 information in 1 file/, 'the page is still checked');
    rmSync(join(dir, '.newsprint.json'), { recursive: true });
    writeFileSync(join(dir, '.newsprint.json'), '{ "rules": { "broken-wrap": "off" "spaced-headline": "off" } }');
    const broken = run(['check', '01.txt', '--no-outline'], dir);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /\.newsprint\.json: not valid JSON at line 1, column 35: CommaExpected/);
  });
});

describe('files in another encoding', () => {
  it('calls UTF-16 text UTF-16, not binary, and asks for UTF-8', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('第1版 要闻\n很多', 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    assert.deepEqual(decode(le), { ok: false, kind: 'encoding', message: 'is UTF-16 (little-endian), not UTF-8; save it as UTF-8 and check again' });
    assert.equal(decode(Buffer.from('第1版 要闻\nsome ASCII text to tell', 'utf16le')).ok, false, 'without a byte order mark too');
    assert.match((decode(be) as { message: string }).message, /UTF-16 \(big-endian\)/);
    const dir = folder();
    writeFileSync(join(dir, '01.txt'), le);
    const r = run(['check', '01.txt'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /01\.txt: is UTF-16 \(little-endian\), not UTF-8; save it as UTF-8 and check again/);
  });
});
