/**
 * Every message in English and simplified Chinese: each key the code says is
 * translated, with the same placeholders and in Chinese; the manifest's
 * strings come from package.nls*.json; and the rules, the checker and the
 * language picked from a locale speak the language asked for.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { languageOf, localeFromEnvironment, useLocale } from '../../server/src/l10n/locale';
import { RULES } from '../../server/src/rules';
import { temporaryFolders } from '../helpers/folders';
import { messageKeys } from '../helpers/l10nKeys';
import { CLI, CORPUS, CORPUS_PAGE, ROOT, readCorpusPage } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';

/** Ideographs, or Chinese punctuation alone (a list's “，”). */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const readJson = (...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8')) as Record<string, unknown>;
const folder = temporaryFolders('l10n');
const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();

describe('the zh-cn bundle', () => {
  const bundle = readJson('l10n', 'bundle.l10n.zh-cn.json') as Record<string, string>;
  const keys = messageKeys();

  it('translates every message the server, the checker and the client say', () => {
    assert.ok(keys.length > 200, `only ${keys.length} messages found: is the scan looking in the right place?`);
    assert.deepEqual(
      keys.filter((k) => k.key === '').map((k) => k.at),
      [],
      'messages said through t must be literals, so they can be found and translated',
    );
    assert.deepEqual(
      keys.filter((k) => typeof bundle[k.key] !== 'string').map((k) => `${k.at}: ${k.key}`),
      [],
    );
  });

  it('holds no message the code no longer says', () => {
    const said = new Set(keys.map((k) => k.key));
    assert.deepEqual(
      Object.keys(bundle).filter((k) => !said.has(k)),
      [],
    );
  });

  it('says each in Chinese, with the placeholders of the English', () => {
    for (const [key, value] of Object.entries(bundle)) {
      assert.match(value, CJK, `not translated: ${key}`);
      assert.deepEqual(placeholders(value), placeholders(key), `placeholders differ: ${key}`);
    }
  });
});

describe('the manifest', () => {
  const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
  const en = readJson('package.nls.json') as Record<string, string>;
  const zh = readJson('package.nls.zh-cn.json') as Record<string, string>;

  it('takes every title and description from package.nls.json', () => {
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.deepEqual([...new Set(used)].sort(), Object.keys(en).sort());
    const pkg = JSON.parse(manifest) as {
      description: string;
      contributes: { commands: Array<{ title: string }>; configuration: { properties: Record<string, { markdownDescription?: string; enumDescriptions?: string[] }> } };
    };
    assert.match(pkg.description, /^%.+%$/);
    for (const c of pkg.contributes.commands) assert.match(c.title, /^%.+%$/);
    for (const [name, p] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.match(p.markdownDescription ?? '', /^%.+%$/, name);
      for (const d of p.enumDescriptions ?? []) assert.match(d, /^%.+%$/, name);
    }
  });

  it('has every string in Chinese too', () => {
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const [key, value] of Object.entries(zh)) assert.match(value, CJK, key);
  });
});

describe('the language of a locale', () => {
  it('is simplified Chinese for zh, zh-CN, zh-Hans, zh_CN.UTF-8 and zh-SG, English otherwise', () => {
    for (const l of ['zh', 'zh-cn', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'zh_CN.UTF-8', 'zh-SG']) assert.equal(languageOf(l), 'zh-cn', l);
    for (const l of [undefined, '', 'en', 'en-US', 'C.UTF-8', 'POSIX', 'zh-TW', 'de']) assert.equal(languageOf(l), 'en', String(l));
  });

  it('is read from LC_ALL, then LC_MESSAGES, then LANG', () => {
    assert.equal(localeFromEnvironment({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh_CN.UTF-8');
    assert.equal(localeFromEnvironment({ LC_ALL: '', LC_MESSAGES: 'zh_CN', LANG: 'C' }), 'zh_CN');
    assert.equal(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' }), 'zh_CN.UTF-8');
    assert.equal(localeFromEnvironment({}), undefined);
  });
});

describe('findings', () => {
  after(() => useLocale('en'));
  const text = readCorpusPage();

  it('are worded in the language chosen, with the same rules, places and fixes', () => {
    useLocale('en');
    const en = analyze(text, { segmenter: jieba() }).findings;
    useLocale('zh-cn');
    const zh = analyze(text, { segmenter: jieba() }).findings;
    assert.deepEqual(
      zh.map((f) => [f.rule, f.span, f.fingerprint, f.fixes.map((x) => x.edits)]),
      en.map((f) => [f.rule, f.span, f.fingerprint, f.fixes.map((x) => x.edits)]),
    );
    for (const f of en) assert.match(f.message.replace(/“[^”]*”/g, ''), /[a-z]{3} [a-z]{2,}/, f.message);
    for (const f of zh) {
      // Quoted page text aside, a Chinese message holds no English words.
      const said = f.message.replace(/“[^”]*”/g, '').replace(/[（(][下上][转接][^）)]*[）)]/g, '');
      assert.doesNotMatch(said, /\b(?:the|is|in|of|by|and)\b/, f.message);
      for (const x of f.fixes) assert.match(x.title, CJK, x.title);
      for (const r of f.related ?? []) assert.match(r.message, CJK, r.message);
    }
  });

  it('come with rule descriptions in the language chosen', () => {
    useLocale('zh-cn');
    for (const r of RULES) assert.match(r.description, CJK, r.id);
    useLocale('en');
    for (const r of RULES) assert.match(r.description, /^[A-Z]/, r.id);
  });
});

describe('the checker', () => {
  const run = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('prints its help and findings in Chinese with --lang zh-cn, the JSON output keeping its keys and rule ids', () => {
    assert.match(run(['--help', '--lang', 'zh-cn']).stdout, /^用法：newsprint check/);
    assert.match(run(['check', '--lang=zh-cn', '--help']).stdout, /选项：/);
    const text = run(['check', '--lang', 'zh-cn', '--no-outline', CORPUS_PAGE]).stdout;
    assert.match(text, /broken-wrap “[^”]+”(?:被换行|隔着空行)切断/);
    assert.match(text, /个文件中/);
    const json = JSON.parse(run(['check', '--lang', 'zh-cn', '--format', 'json', CORPUS_PAGE]).stdout) as { files: Array<{ diagnostics: Array<{ code: string }> }> };
    assert.ok(json.files[0]!.diagnostics.some((d) => d.code === 'broken-wrap'));
  });

  it('takes its language from LANG, and speaks English by default', () => {
    assert.match(run(['rules'], { LANG: 'zh_CN.UTF-8' }).stdout, /^broken-wrap\s+warning\s+段落/);
    assert.match(run(['rules']).stdout, /^broken-wrap\s+warning\s+A paragraph/);
    assert.match(run(['check', '--bogus'], { LC_ALL: 'zh_CN.UTF-8' }).stderr, /未知选项“--bogus”/);
  });

  it('says what it cannot read, use or write in Chinese, and the same in English as before', () => {
    const dir = folder();
    writeFileSync(join(dir, '.newsprint.json'), '{ "rules": { "no-such-rule": "off" }, "colour": "red" }');
    writeFileSync(join(dir, '01.txt'), readCorpusPage());
    chmodSync(join(dir, '01.txt'), 0o444);
    writeFileSync(join(dir, '02.txt'), Buffer.from([0x41, 0x0a, 0x42, 0x43, 0xff, 0x0a]));
    writeFileSync(join(dir, 'notes.txt'), 'not a page\n');
    const args = ['check', '--no-outline', '--fix', dir];
    const zh = run([...args, '--lang', 'zh-cn']);
    assert.equal(zh.status, 2);
    const config = join(dir, '.newsprint.json');
    assert.ok(zh.stderr.includes(`newsprint: ${config}：rules：未知规则“no-such-rule”（规则有：broken-wrap, `), zh.stderr);
    assert.ok(zh.stderr.includes(`newsprint: ${config}：未知键“colour”（保留，不读取）`), zh.stderr);
    assert.ok(zh.stderr.includes(`newsprint: ${join(dir, '01.txt')} 是只读的：未修复，保持原样`), zh.stderr);
    assert.ok(zh.stderr.includes(`newsprint: ${join(dir, '02.txt')}：第 2 行第 3 个字节处（偏移 4）不是有效的 UTF-8；请把文件另存为 UTF-8 后再检查`), zh.stderr);
    assert.match(zh.stderr, /notes\.txt：文件名没有给出版次，也没有版面行/);
    assert.doesNotMatch(zh.stderr.replace(/“[^”]*”|\/\S+/g, ''), /\b(?:unknown|read-only|invalid|not fixed|its name)\b/, zh.stderr);
    const en = run(args);
    assert.ok(en.stderr.includes(`newsprint: ${config}: rules: unknown rule “no-such-rule” (rules: broken-wrap, `), en.stderr);
    assert.ok(en.stderr.includes(`newsprint: ${join(dir, '01.txt')} is read-only: not fixed, left as it is`), en.stderr);
    assert.ok(en.stderr.includes(`newsprint: ${join(dir, '02.txt')}: invalid UTF-8 at line 2, byte 3 of the line (offset 4); save the file as UTF-8 and check again`), en.stderr);
    assert.match(en.stderr, /notes\.txt: its name gives no page number and it holds no page line/);
  });

  it('words the export summary and its jump notes in Chinese', () => {
    const dir = folder();
    const issue = join(dir, 'cjrb-2026-01-08');
    mkdirSync(issue);
    // Page 1 alone: its jumps to page 2 have no other part in the issue.
    cpSync(join(CORPUS, 'cjrb-2026-01-08', '01.txt'), join(issue, '01.txt'));
    const out = join(dir, 'out');
    const zh = run(['export', issue, '--format', 'jsonl', '--out', out, '--lang', 'zh-cn']);
    assert.equal(zh.status, 0, zh.stderr);
    assert.match(zh.stderr, /^newsprint: 从 1 期的 1 个版面中导出了 \d+ 篇文章（0 篇跨版连接，\d+ 篇缺少转版的另一部分，\d+ 条备注）；略去 /m);
    assert.match(zh.stderr, /^newsprint: 已在 .*out\/ 下写入 1 个文件$/m);
    const records = readFileSync(join(out, 'cjrb-2026-01-08.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { notes: Array<{ kind: string; message: string }> });
    const jumps = records.flatMap((r) => r.notes.filter((n) => n.kind === 'jump'));
    assert.ok(jumps.length > 0);
    for (const n of jumps) assert.match(n.message, /^转2版（.+），但它不在本期中：本记录只含这一部分。$/, n.message);
  });

  it('words findings in the same language on worker threads', () => {
    const one = run(['check', '--lang', 'zh-cn', '--no-outline', '--jobs', '1', join(ROOT, 'test', 'corpus')]).stdout;
    const two = run(['check', '--lang', 'zh-cn', '--no-outline', '--jobs', '2', join(ROOT, 'test', 'corpus')]).stdout;
    assert.equal(two, one);
    assert.match(two, /隔着空行切断/);
  });
});
