/**
 * Every message in English and simplified Chinese: each key the code says is
 * translated, with the same placeholders and in Chinese; the manifest's
 * strings come from package.nls*.json; and the rules, the checker and the
 * language picked from a locale speak the language asked for.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { languageOf, localeFromEnvironment, useLocale } from '../../server/src/l10n/locale';
import { RULES } from '../../server/src/rules';
import { messageKeys } from '../helpers/l10nKeys';
import { CLI, CORPUS_PAGE, ROOT, readCorpusPage } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';

/** Ideographs, or Chinese punctuation alone (a list's “，”). */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const readJson = (...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8')) as Record<string, unknown>;
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

  it('words findings in the same language on worker threads', () => {
    const one = run(['check', '--lang', 'zh-cn', '--no-outline', '--jobs', '1', join(ROOT, 'test', 'corpus')]).stdout;
    const two = run(['check', '--lang', 'zh-cn', '--no-outline', '--jobs', '2', join(ROOT, 'test', 'corpus')]).stdout;
    assert.equal(two, one);
    assert.match(two, /隔着空行切断/);
  });
});
