/**
 * Fixes applied and the page re-checked: every quick fix on its own, and
 * fix-all, which must be lossless (only the documented changes) and
 * idempotent, keeping line endings and a BOM, on every page we have.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/fixes/edits';
import { fixAll } from '../../server/src/fixes/fixAll';
import { pageRefFromFileName } from '../../server/src/model/pageNames';
import { ROOT, corpusPages } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };

/** What a reader reads: no line breaks or layout spaces, punctuation at one width, inserted source lines left out. */
function visible(text: string, inserted: readonly string[] = []): string {
  let t = text;
  for (const s of inserted) t = t.split(s).join('');
  return t.replace(/[\s\u3000\u00a0\ufeff]/g, '').replace(/[,;:()!?]/g, (c) => FULL[c]!);
}

function pages(): Array<{ name: string; text: string }> {
  const own = readdirSync(join(ROOT, 'test', 'pages'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, text: readFileSync(join(ROOT, 'test', 'pages', f), 'utf8') }));
  return [...corpusPages(), ...own];
}

/** The same pages as they also arrive: CRLF, a BOM, lone CRs, trailing spaces, U+3000 indents. */
function variants(text: string): Array<[string, string]> {
  return [
    ['as is', text],
    ['CRLF', text.replace(/\n/g, '\r\n')],
    ['BOM', '\uFEFF' + text],
    ['lone CR', text.replace(/\n/g, '\r')],
    ['trailing spaces', text.replace(/\n/g, '  \n')],
    ['ideographic indent', text.replace(/\n(?=[^\n])/g, '\n\u3000\u3000')],
    ['single line breaks', text.replace(/\n\n/g, '\n')],
  ];
}

describe('fix-all', () => {
  for (const page of pages()) {
    const ref = pageRefFromFileName(page.name);
    for (const [variant, text] of variants(page.text)) {
      it(`is lossless and idempotent on ${page.name} (${variant})`, () => {
        const analyse = (t: string) => analyze(t, { segmenter: jieba(), ...(ref ? { pageRef: ref } : {}) }).findings;
        const result = fixAll(text, analyse);
        const fixed = result.text;
        assert.equal(applyEdits(text, result.edits), fixed, 'the edits against the original make the fixed text');
        const inserted = ['长江日报讯（记者 ）', '人民日报讯（记者 ）', '本报讯（记者 ）'];
        assert.equal(visible(fixed, inserted), visible(text, inserted));
        const again = analyze(fixed, { segmenter: jieba(), ...(ref ? { pageRef: ref } : {}) });
        assert.deepEqual(fixAll(fixed, analyse).edits, [], 'a second fix-all changes nothing');
        // Fix-all applies what is certain; what it leaves is a finding whose fix waits for a person.
        const left = again.findings.filter((f) => f.rule === 'broken-wrap' || f.rule === 'spaced-headline' || f.rule === 'halfwidth-punctuation');
        for (const f of left) assert.ok(f.fixes.length === 0 || (!f.fixes.some((x) => x.safe) && f.confidence?.certain === false), `${f.message} is left though certain`);
        if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(fixed), 'CRLF kept');
        if (!text.includes('\r')) assert.ok(!fixed.includes('\r'), 'no CR introduced');
        assert.equal(fixed.startsWith('\uFEFF'), text.startsWith('\uFEFF'), 'BOM kept');
      });
    }
  }

  it('changes only line breaks and spaces for broken-wrap: same characters, same order', () => {
    const text = corpusPages()[0]!.text;
    const first = analyze(text, { segmenter: jieba() }).findings;
    const findings = (t: string) => (t === text ? first : analyze(t, { segmenter: jieba() }).findings);
    const fixed = fixAll(text, findings, { rule: 'broken-wrap' }).text;
    assert.equal(fixed.replace(/\s/g, ''), text.replace(/\s/g, ''));
    // 10 of the page's 15 cuts are certain at the profile's threshold: each join takes a line break and a blank line.
    const certain = first.filter((f) => f.rule === 'broken-wrap' && f.confidence?.certain);
    assert.equal(certain.length, 10);
    assert.equal(text.split('\n').length - fixed.split('\n').length, 2 * certain.length);
  });
});

describe('each quick fix', () => {
  for (const page of pages()) {
    it(`removes its own finding and nothing else on ${page.name}`, () => {
      const ref = pageRefFromFileName(page.name);
      const opts = { segmenter: jieba(), ...(ref ? { pageRef: ref } : {}) };
      const before = analyze(page.text, opts).findings;
      for (const f of before) {
        for (const fix of f.fixes) {
          const fixed = applyEdits(
            page.text,
            [...fix.edits].sort((a, b) => a.start - b.start),
          );
          const after = analyze(fixed, opts).findings;
          assert.ok(!after.some((g) => g.fingerprint === f.fingerprint && g.message === f.message), `${fix.title}: the finding is gone`);
          assert.equal(after.length, before.length - 1, `${fix.title}: one finding fewer (${after.map((g) => g.message).join(' / ')})`);
          if (fix.safe || f.rule === 'missing-byline') assert.equal(visible(fixed, ['长江日报讯（记者 ）', '本报讯（记者 ）']), visible(page.text), `${fix.title}: lossless`);
          else assert.equal(fixed.replace(/\s/g, '').length <= page.text.replace(/\s/g, '').length, true);
        }
      }
    });
  }
});

describe('fix-all on a 10 MB line', () => {
  it('collects millions of edits without overflowing the call stack', () => {
    const text = '长江日报讯(记者 高萌)' + '武汉市城市更新,'.repeat(10_000_000 / 24);
    const result = fixAll(text, (t) => analyze(t, { segmenter: jieba() }).findings);
    assert.ok(result.edits.length > 400_000);
    assert.ok(!result.text.includes(','));
  });
});
