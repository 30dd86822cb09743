/**
 * The TextMate grammar, checked without an editor: each rule's regex is
 * compiled as a JavaScript RegExp and lines are scanned the way TextMate scans
 * a line (the earliest match wins, ties go to the rule listed first). The
 * e2e tests see the grammar in the real editor; these pin what each rule takes.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, readCorpusPage } from '../helpers/repo';

interface RawRule {
  readonly include?: string;
  readonly match?: string;
  readonly name?: string;
  readonly captures?: Record<string, { readonly name?: string }>;
  readonly patterns?: readonly RawRule[];
}

interface RawGrammar {
  readonly scopeName: string;
  readonly patterns: readonly RawRule[];
  readonly repository: Record<string, RawRule>;
}

interface Rule {
  /** The repository entry the rule comes from, e.g. `byline`. */
  readonly key: string;
  readonly name?: string;
  readonly captures: ReadonlyArray<readonly [number, string]>;
  readonly re: RegExp;
}

interface Token {
  readonly rule: string;
  /** The capture group that carries the scope; absent for the whole match. */
  readonly group?: number;
  readonly scope: string;
  readonly text: string;
}

const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'newsprint.tmLanguage.json');
const grammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as RawGrammar;

/** Oniguruma → JavaScript for the constructs the grammar uses: \x{HHHH} code points and the Han script. */
function toRegExp(source: string): RegExp {
  const js = source.replace(/\\x\{([0-9A-Fa-f]{1,6})\}/g, '\\u{$1}').replace(/\\p\{Han\}/g, '\\p{Script=Han}');
  return new RegExp(js, 'dgu');
}

function flatten(rules: readonly RawRule[], key: string): Rule[] {
  const out: Rule[] = [];
  for (const raw of rules) {
    if (raw.include !== undefined) {
      assert.match(raw.include, /^#/, 'only repository includes are used');
      const name = raw.include.slice(1);
      const target = grammar.repository[name];
      assert.ok(target, `include of a missing repository entry ${raw.include}`);
      out.push(...flatten([target], name));
    } else if (raw.match !== undefined) {
      const captures = Object.entries(raw.captures ?? {}).flatMap(([g, c]) => (c.name ? [[Number(g), c.name] as const] : []));
      out.push({ key, ...(raw.name !== undefined ? { name: raw.name } : {}), captures, re: toRegExp(raw.match) });
    } else {
      assert.ok(raw.patterns, `rule in ${key} has neither match, include nor patterns`);
      out.push(...flatten(raw.patterns, key));
    }
  }
  return out;
}

const RULES = flatten(grammar.patterns, '');

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos <= line.length) {
    let best: { rule: Rule; m: RegExpExecArray } | undefined;
    for (const rule of RULES) {
      rule.re.lastIndex = pos;
      const m = rule.re.exec(line);
      if (m && (!best || m.index < best.m.index)) best = { rule, m };
    }
    if (!best) break;
    const { rule, m } = best;
    if (rule.name) tokens.push({ rule: rule.key, scope: rule.name, text: m[0] });
    for (const [group, scope] of rule.captures) {
      const text = m[group];
      if (text !== undefined) tokens.push({ rule: rule.key, group, scope, text });
    }
    pos = m.index + Math.max(m[0].length, 1);
  }
  return tokens;
}

/** What a line shows: `rule: text` for each token, `rule[group]: text` for a capture. */
function show(line: string): string[] {
  return tokenize(line).map((t) => `${t.rule}${t.group === undefined ? '' : `[${t.group}]`}: ${t.text}`);
}

describe('grammar file', () => {
  it('is the grammar the manifest contributes, with a language configuration that parses', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: Array<{ language: string; scopeName: string; path: string }>; languages: Array<{ id: string; configuration: string }> };
    };
    const contributed = manifest.contributes.grammars.find((g) => g.language === 'newsprint');
    assert.ok(contributed);
    assert.equal(contributed.scopeName, grammar.scopeName);
    assert.equal(join(ROOT, contributed.path), GRAMMAR_PATH);
    const language = manifest.contributes.languages.find((l) => l.id === 'newsprint');
    assert.ok(language && existsSync(join(ROOT, language.configuration)));
    const config = JSON.parse(readFileSync(join(ROOT, language.configuration), 'utf8')) as { brackets: string[][]; comments?: unknown };
    assert.deepEqual(
      config.brackets.map((b) => b.join('')),
      ['（）', '()', '《》', '“”', '「」', '【】'],
    );
    assert.equal(config.comments, undefined, 'raw copy has no comment syntax');
  });

  it('uses scopes that default themes colour', () => {
    const roots = /^(markup\.heading|entity\.name\.section|comment\.line|markup\.italic|string\.other|keyword\.control|constant\.numeric)\./;
    for (const rule of RULES) {
      for (const scope of [rule.name, ...rule.captures.map(([, s]) => s)]) {
        if (scope !== undefined) assert.match(scope, roots);
        if (scope !== undefined) assert.match(scope, /\.newsprint$/);
      }
    }
  });
});

describe('grammar on the corpus page', () => {
  const lines = readCorpusPage().split(/\r?\n/);

  it('marks exactly the source lines, byline, credit, continuation markers and teaser pointer of the page', () => {
    const found = lines.flatMap((line, i) => show(line).map((t) => `${i + 1} ${t}`));
    assert.deepEqual(found, [
      '5 source-line: 据新华社北京1月7日电(记者周圆)',
      '15 byline: 长江日报记者商佩 覃柳珂 刘海锋',
      '33 photo-credit: 长江日报记者詹松 摄',
      '51 continuation-onward: (下转第二版)',
      '57 source-line: 长江日报讯(记者高萌 通讯员王晓珊)',
      '69 continuation-onward: (下转第二版)',
      '75 source-line: 长江日报讯(记者胡雪璇 谭芳)',
      '87 continuation-onward: (下转第二版)',
      '93 source-line: 长江日报讯(记者胡雪璇 谭芳)',
      '105 continuation-onward: (下转第二版)',
      '109 source-line: 长江日报讯(记者梁爽 通讯员叶秋)',
      '113 continuation-onward: (下转第二版)',
      '117 source-line: 长江日报讯(记者梁爽 通讯员叶秋)',
      '125 continuation-onward: (下转第二版)',
      '133 source-line: 长江日报讯(湖北日报记者杨念明 王馨)',
      '145 continuation-onward: (下转第二版)',
      '161 page-pointer[1]: 2-6版',
    ]);
  });
});

describe('grammar rules', () => {
  const cases: Array<[line: string, expected: string[]]> = [
    // Page lines and furniture
    ['第1版 要闻', ['page-line: 第1版 要闻', 'page-line[1]: 第1版 要闻']],
    ['第A05版:要闻', ['page-line: 第A05版:要闻', 'page-line[1]: 第A05版:要闻']],
    ['01版', ['page-line: 01版', 'page-line[1]: 01版']],
    ['02版:要闻', ['page-line: 02版:要闻', 'page-line[1]: 02版:要闻']],
    ['A02 要闻', ['page-line: A02 要闻', 'page-line[1]: A02 要闻']],
    ['本版责编:王五', ['furniture: 本版责编:王五']],
    ['责任编辑：李四　校对：赵六', ['furniture: 责任编辑：李四　校对：赵六']],
    ['2026年1月8日 星期四', ['furniture: 2026年1月8日 星期四']],
    ['人民日报', ['masthead: 人民日报']],
    ['今日导读', ['teaser-heading: 今日导读']],
    // Credits before bylines: 张伟摄 would pass for a name
    ['新华社记者 张伟摄', ['photo-credit: 新华社记者 张伟摄']],
    ['本报记者 孙七摄', ['photo-credit: 本报记者 孙七摄']],
    ['制图:张三', ['photo-credit: 制图:张三']],
    ['本报记者 王小明 刘洋', ['byline: 本报记者 王小明 刘洋']],
    ['文/本报记者 李文', ['byline: 文/本报记者 李文']],
    ['　本报记者　王小明、刘洋', ['byline: 　本报记者　王小明、刘洋']],
    // Source lines, half- and full-width brackets, with and without spaces
    ['本报讯(记者王五 通讯员赵六)昨天下午,', ['source-line: 本报讯(记者王五 通讯员赵六)']],
    ['本报讯（记者王五）昨天下午，', ['source-line: 本报讯（记者王五）']],
    ['本报北京1月7日电 (记者 李文)日前,', ['source-line: 本报北京1月7日电 (记者 李文)']],
    ['新华社电 (记者 赵四)近日,', ['source-line: 新华社电 (记者 赵四)']],
    ['本报讯　昨日下午，', ['source-line: 本报讯']],
    // Continuation markers, either width, anywhere in the line
    ['（上接第一版）会议指出，', ['continuation-arriving: （上接第一版）']],
    ['(接第4版)', ['continuation-arriving: (接第4版)']],
    ['…取得新进展。(下转A2版)', ['continuation-onward: (下转A2版)']],
    ['(转第4版)', ['continuation-onward: (转第4版)']],
    ['(下转第12页)', ['continuation-onward: (下转第12页)']],
    ['( 下转 第 二 版 )', ['continuation-onward: ( 下转 第 二 版 )']],
    // End credits
    ['他说。(记者 赵六)', ['end-credit: (记者 赵六)']],
    ['据悉。(本报记者倪弋、彭波)', ['end-credit: (本报记者倪弋、彭波)']],
    ['全文完。(新华社北京1月7日电)', ['end-credit: (新华社北京1月7日电)']],
    // Teaser pointers
    ['硚口区 大力推动“四个转型” 4版', ['page-pointer[1]: 4版']],
    ['两会特别报道 详见第三版', ['see-page[1]: 详见第三版']],
    ['2-6版', ['page-pointer[1]: 2-6版']],
    // Not to be marked: cross-references, words that only start like a source line, headlines, names
    ['(相关报道见第四版)', []],
    ['本报电视台的节目很好。', []],
    ['市十五届人大六次会议举行第二次全体会议', []],
    ['李殿勋 诸葛宇杰出席', []],
    ['进一步 强化 大抓 基层 鲜明 导向 切实 以 高 质 量 党 建 引 领 高 质 量 发 展', []],
    ['会议还听取了关于《选举办法(草案)》的说明。', []],
  ];
  for (const [line, expected] of cases) {
    it(line, () => assert.deepEqual(show(line), expected));
  }

  it('scans hostile lines of 20,000 characters (the editor’s tokenization limit) in linear time', () => {
    const hostile = ['(记者 赵六', '本报记者 王小明 ', '长江日报讯(', '第1版 ', ' 4', '（下转第', '彭勇军、'].map((unit) => unit.repeat(Math.ceil(20000 / unit.length)));
    const t0 = performance.now();
    for (const line of hostile) tokenize(line);
    assert.ok(performance.now() - t0 < 2000, `took ${Math.round(performance.now() - t0)} ms`);
  });
});
