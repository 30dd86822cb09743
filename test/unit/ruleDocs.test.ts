/**
 * Each rule has its page in both languages, opening with the summary the
 * checker's `rules` command prints, and saying what it finds, on what
 * evidence, what it leaves alone, its fix and how to turn it off.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { useLocale, type Language } from '../../server/src/l10n/locale';
import { RULES } from '../../server/src/rules';
import { ruleDocFile } from '../../server/src/ruleDocs';
import { CLI, ROOT } from '../helpers/repo';

const DIR = join(ROOT, 'docs', 'rules');
const SECTIONS: Record<Language, readonly string[]> = {
  en: ['## What it finds', '## Evidence', '## Exemptions', '## Fix', '## Turning it off or changing its level'],
  'zh-cn': ['## 它发现什么', '## 依据', '## 豁免', '## 修复', '## 关闭或改变级别'],
};

describe('the rule pages', () => {
  after(() => useLocale('en'));

  for (const language of ['en', 'zh-cn'] as const) {
    it(`exist in ${language} for every rule, open with its summary and hold every section`, () => {
      useLocale(language);
      for (const r of RULES) {
        const file = ruleDocFile(r.id, language, DIR);
        assert.ok(existsSync(file), file);
        const text = readFileSync(file, 'utf8');
        const [title, summary] = text.split(/\n\n/);
        assert.equal(title, `# ${r.id}`, file);
        assert.equal(summary, r.description, file);
        for (const s of SECTIONS[language]) assert.ok(text.includes(`\n${s}\n`), `${file}: ${s}`);
        assert.ok(text.includes(`"${r.id}"`), `${file} says how to set its level`);
      }
    });
  }

  it('are what the checker’s rules command points to, with the same summary', () => {
    const r = spawnSync(process.execPath, [CLI, 'rules', '--lang', 'zh-cn'], { cwd: ROOT, encoding: 'utf8' });
    useLocale('zh-cn');
    for (const rule of RULES) {
      assert.ok(r.stdout.includes(`${rule.description}\n`), rule.id);
      assert.ok(r.stdout.includes(join('docs', 'rules', `${rule.id}.zh-cn.md`)), rule.id);
    }
  });
});
