/**
 * Pages that are not a daily's front page: a journal page from a Markdown
 * extractor (figures between the halves of a cut, 第X页 markers with no
 * repeated headline, a reference list), OCR that read two columns line by
 * line, a running head above the page line, the desk's contact lines, and a
 * paper's profile extended.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/fixes/edits';
import { readPage } from '../../server/src/model/readPage';
import { DEFAULT_PROFILE, extendProfile } from '../../server/src/model/profile';
import { ROOT } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';

const page = (name: string) => readFileSync(join(ROOT, 'test', 'pages', name), 'utf8');

describe('a journal page from a Markdown extractor', () => {
  const text = page('journal.txt');
  const { model, findings } = analyze(text, { segmenter: jieba() });

  it('finds the cut whose halves a figure separates, and joins it to its own half', () => {
    const wraps = findings.filter((f) => f.rule === 'broken-wrap');
    assert.equal(wraps.length, 1);
    assert.match(wraps[0]!.message, /“同参与的\|格局” is cut, with a figure between the two parts/);
    const fix = wraps[0]!.fixes[0]!;
    assert.equal(fix.safe, false, 'moving a figure waits for a person');
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes('共同参与的格局。只有这样'), 'the paragraph is whole');
    assert.ok(fixed.indexOf('图2 资金来源构成') > fixed.indexOf('焕发新的生命力。'), 'the figure stands below it');
    assert.equal([...fixed.replace(/\s/g, '')].sort().join(''), [...text.replace(/\s/g, '')].sort().join(''), 'every character kept');
  });

  it('reads figures as figures, not as articles or text to join', () => {
    const blocks = model.pages[0]!.blocks;
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0]!.kind, 'continuation');
    assert.deepEqual(
      blocks[0]!.body.filter((e) => e.kind === 'figure').map((e) => e.text),
      ['![](images/fig1.jpg)', '图1 城市更新片区分布示意图', '![](images/fig2.jpg)', '图2 资金来源构成'],
    );
  });

  it('takes (上接第51页) with no repeated headline as a journal’s continued part, and a reference list as finished lines', () => {
    assert.deepEqual(
      findings.filter((f) => f.rule === 'orphaned-continuation'),
      [],
    );
    assert.ok(!findings.some((f) => f.rule === 'broken-wrap' && /\[1\]|\[2\]/.test(text.slice(f.span.start - 40, f.span.end))));
  });
});

describe('two columns read line by line', () => {
  const text = page('ocr-interleaved.txt');
  const { model, findings } = analyze(text, { segmenter: jieba() });

  it('says so once, and joins nothing inside', () => {
    const wraps = findings.filter((f) => f.rule === 'broken-wrap');
    assert.equal(wraps.length, 1);
    assert.match(wraps[0]!.message, /^These 12 lines read as two columns taken line by line/);
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    assert.deepEqual([lineOf(wraps[0]!.span.start), lineOf(wraps[0]!.span.end)], [3, 14], 'the finding spans the lines it names');
    assert.deepEqual(wraps[0]!.fixes, []);
    const joins = model.pages[0]!.blocks.flatMap((b) => b.body).flatMap((e) => e.joins);
    assert.deepEqual(joins, []);
  });

  it('still joins a hard-wrapped single column, one line to the next', () => {
    const single =
      '城市更新要用好改革“关键一招”\n\n' +
      text
        .split('\n')
        .slice(2, 16)
        .filter((_, i) => i % 2 === 0)
        .join('\n') +
      '\n';
    const m = analyze(single, { segmenter: jieba() }).model;
    assert.equal(m.pages[0]!.interleaved, undefined);
  });
});

describe('a running head above the page line', () => {
  it('belongs to the page the page line names, not to a page of its own', () => {
    const text = '长江日报 · 要闻 · 2026年1月8日\n第2版 要闻\n\n城市更新要用好改革“关键一招”\n\n长江日报讯（记者高萌）城市更新是一件复杂事，需要系统谋划。\n';
    const model = readPage(text, { segmenter: jieba() });
    assert.equal(model.pages.length, 1);
    assert.equal(model.pages[0]!.ref?.number, 2);
  });
});

describe('how to reach the desk, on a line of its own', () => {
  it('is furniture: a mailbox label, an address alone, a prompt to scan a code; a subheading that surveys is not', () => {
    const text = [
      '湖畔新城的冬日书房',
      '',
      '本报讯（记者 王明）城东的社区书房开放一个月，已接待读者三千多人次。',
      '',
      '——社区书房冬日开放情况扫描',
      '',
      '书房每天开放到晚上九点，周末还有亲子阅读活动。',
      '',
      '扫码观看书房实景',
      '',
      '栏目投稿邮箱：hupan-reading@example.com',
      '',
      'hupan-reading@example.com',
      '',
    ].join('\n');
    const model = readPage(text, { segmenter: jieba() });
    const blocks = model.pages[0]!.blocks;
    const furniture = blocks.filter((b) => b.kind === 'furniture').map((b) => text.slice(b.span.start, b.span.end).trim());
    assert.deepEqual(furniture.join('\n').split(/\n+/), ['扫码观看书房实景', '栏目投稿邮箱：hupan-reading@example.com', 'hupan-reading@example.com']);
    const article = blocks.find((b) => b.kind === 'article')!;
    const survey = text.indexOf('——社区书房');
    assert.ok(article.span.start <= survey && survey < article.span.end, 'the surveying subheading stays in the article');
    const findings = analyze(text, { segmenter: jieba() }).findings.filter((f) => f.rule === 'missing-byline');
    assert.deepEqual(findings, [], 'no furniture line is asked for a byline');
  });
});

describe('a paper profile', () => {
  it('extends lists and replaces thresholds, never shortening the default', () => {
    const p = extendProfile(DEFAULT_PROFILE, { outlets: ['极目新闻'], boxLabels: ['记者观察'], thresholds: { certainJoin: 5 } });
    assert.ok(p.outlets.includes('极目新闻') && p.outlets.includes('新华社'));
    assert.equal(p.boxLabels.filter((x) => x === '记者观察').length, 1);
    assert.equal(p.thresholds.certainJoin, 5);
    assert.equal(p.thresholds.certainSpread, DEFAULT_PROFILE.thresholds.certainSpread);
    assert.equal(extendProfile(DEFAULT_PROFILE, undefined), DEFAULT_PROFILE);
  });

  it('reads a source line of an outlet the workspace names', () => {
    const text = '江城夜市重开\n\n九派讯（记者 王五）江城夜市昨晚重新开张，吸引大批市民前来。\n';
    const plain = analyze(text, { segmenter: jieba() }).model.pages[0]!.blocks[0]!;
    const profile = extendProfile(DEFAULT_PROFILE, { outlets: ['九派'] });
    const named = analyze(text, { segmenter: jieba(), config: { profile } }).model.pages[0]!.blocks[0]!;
    assert.equal(plain.source, undefined);
    assert.equal(named.source?.text, '九派讯（记者 王五）');
  });

  it('lets a stricter threshold keep a join out of fix-all', () => {
    const text = readFileSync(join(ROOT, 'test', 'corpus', 'cjrb-2026-01-08', '01.txt'), 'utf8');
    const strict = extendProfile(DEFAULT_PROFILE, { thresholds: { certainJoin: 1000 } });
    const safe = analyze(text, { segmenter: jieba(), config: { profile: strict } }).findings.filter((f) => f.rule === 'broken-wrap' && f.fixes.some((x) => x.safe));
    assert.deepEqual(safe, []);
  });
});
