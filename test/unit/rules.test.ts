/** Each rule's positive and negative cases, on the corpus page and on realistic text of our own. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, readModel, type AnalysisConfig } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/fixes/edits';
import { fixAll } from '../../server/src/fixes/fixAll';
import { conventionsFor, findMarkers } from '../../server/src/model/conventions';
import { DEFAULT_PROFILE } from '../../server/src/model/profile';

const conventions = conventionsFor();
const matchSourceLine = (t: string) => conventions.matchSourceLine(t);
const isBylineLine = (t: string) => conventions.isBylineLine(t);
const isCreditLine = (t: string) => conventions.isCreditLine(t);
import { pageRefFromFileName } from '../../server/src/model/pageNames';
import { halfwidthMarks } from '../../server/src/rules/halfwidthPunctuation';
import { missingByline } from '../../server/src/rules/missingByline';
import { namesList } from '../../server/src/rules/spacedHeadline';
import type { Finding } from '../../server/src/rules/finding';
import { ROOT, readCorpusPage } from '../helpers/repo';
import { fakeSegmenter, jieba } from '../helpers/segmenters';

function check(text: string, config: AnalysisConfig = {}, file?: string): Finding[] {
  const pageRef = file ? pageRefFromFileName(file) : undefined;
  return analyze(text, { segmenter: jieba(), config, ...(pageRef ? { pageRef } : {}) }).findings;
}

const count = (findings: readonly Finding[]) => {
  const c: Record<string, number> = {};
  for (const f of findings) c[f.rule] = (c[f.rule] ?? 0) + 1;
  return c;
};

const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\n|\r/).length;

describe('the corpus page', () => {
  const text = readCorpusPage();
  const findings = check(text);

  it('reports exactly 15 broken wraps, 1 spaced headline and 1 half-width finding', () => {
    assert.deepEqual(count(findings), { 'broken-wrap': 15, 'spaced-headline': 1, 'halfwidth-punctuation': 1 });
  });

  it('names the two sides of each cut, and points at the second part instead of naming lines', () => {
    const wraps = findings.filter((f) => f.rule === 'broken-wrap');
    assert.deepEqual(
      wraps.map((f) => lineOf(text, f.span.start)),
      [37, 41, 61, 63, 65, 75, 79, 83, 93, 97, 101, 111, 119, 133, 139],
    );
    const m61 = wraps.find((f) => lineOf(text, f.span.start) === 61)!;
    assert.equal(m61.message, '“人大常|委会” is cut across blank lines: the word 人大常委会 straddles the break.');
    assert.deepEqual(
      m61.related!.map((r) => [lineOf(text, r.span.start), text.slice(r.span.start, r.span.end), r.message]),
      [[63, '委会', 'The paragraph goes on here.']],
    );
    assert.match(wraps.find((f) => lineOf(text, f.span.start) === 37)!.message, /^“很\|多” is cut across blank lines/);
    for (const f of findings) assert.doesNotMatch(f.message, /lines? \d/, 'a message names no line: positions are the front end’s to say');
    assert.match(wraps.find((f) => lineOf(text, f.span.start) === 83)!.message, /starts mid-sentence with “的发”/);
  });

  it('flags the spaced deck line only, and counts the half-width marks once for the page', () => {
    const spaced = findings.find((f) => f.rule === 'spaced-headline')!;
    assert.equal(lineOf(text, spaced.span.start), 129);
    const half = findings.find((f) => f.rule === 'halfwidth-punctuation')!;
    assert.match(half.message, /^269 half-width punctuation marks/);
    assert.equal(half.fixes[0]!.edits.length, 269);
    assert.equal(lineOf(text, half.span.start), 5);
    // How many it converts and on how many lines: each line that holds a mark.
    const lines = new Set(half.fixes[0]!.edits.map((e) => lineOf(text, e.start))).size;
    assert.match(half.fixes[0]!.title, new RegExp(`^Convert all 269 marks to full width, on ${lines} lines$`));
  });

  it('leaves the 7 markers alone: they all close their articles', () => {
    assert.equal(findings.filter((f) => f.rule === 'orphaned-continuation').length, 0);
    assert.equal(check(text, {}, '01.txt').filter((f) => f.rule === 'orphaned-continuation').length, 0);
  });

  it('honours rule levels and ignored fingerprints', () => {
    const off = check(text, { rules: { 'halfwidth-punctuation': 'off', 'broken-wrap': 'error' } });
    assert.equal(
      off.some((f) => f.rule === 'halfwidth-punctuation'),
      false,
    );
    // At the rule's level, but for a cut the page could also be read without, which is information.
    assert.ok(off.filter((f) => f.rule === 'broken-wrap').every((f) => f.severity === (f.confidence!.margin >= DEFAULT_PROFILE.thresholds.likelyJoin ? 'error' : 'information')));
    assert.equal(off.filter((f) => f.severity === 'information').length, 1);
    const first = findings.find((f) => f.rule === 'broken-wrap')!;
    const ignored = check(text, { ignored: new Set([first.fingerprint]) });
    assert.equal(ignored.filter((f) => f.rule === 'broken-wrap').length, 14);
  });

  it('keeps a fingerprint when lines elsewhere move', () => {
    const first = findings.find((f) => f.rule === 'broken-wrap')!;
    const moved = check('\n\n\n' + text.replace('八部门印发', '八部门联合印发'));
    assert.ok(moved.some((f) => f.fingerprint === first.fingerprint));
  });
});

describe('broken-wrap on text of our own', () => {
  it('joins a cut with word evidence even when the first part is short', () => {
    const text = '春耕新闻标题\n\n本报讯（记者 王五）今年全市春播面积稳中有增。\n\n市农业农村局有关负责\n\n人介绍，全市已储备种子两千吨。\n';
    const f = analyze(text, { segmenter: fakeSegmenter(['负责人', '介绍']) }).findings.filter((x) => x.rule === 'broken-wrap');
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /“负责\|人” is cut across blank lines/);
  });

  it('does not flag a subheading, a caption, a byline or a headline over a source line', () => {
    const text = [
      '城市更新要用好改革“关键一招”',
      '',
      '本报记者 王小明 刘洋',
      '',
      '城市更新是一件复杂事，实现新年目标，要用好改革“关键一招”，这是代表委员们的共识。',
      '',
      '代表委员们接受采访时提到，城市更新的堵点在于标准和管理流程，许多工作无法可依。',
      '',
      '老办法行不通，改革是必须走的路',
      '',
      '挑战虽大，武汉的实践已悄然破题，多个片区的更新工作正在推进之中。',
      '',
      '“这些都要靠改革来疏通。”黄经南说。',
      '',
      '内容更新比盖好房子更重要',
      '',
      '黄经南指出，“五改四好”提出的系统思路，正在推动更新工作从“单项改造”走向“综合提升”。',
      '',
      '百年咸安坊成为热门拍照打卡地',
      '',
      '本报记者 詹松 摄',
      '',
      '这说明，通过多功能、复合式的更新，能让老城区焕发新的生命力。',
      '',
      '图书馆延长开放时间',
      '',
      '本报讯（记者许琴）市图书馆自本周起延长开放时间。',
      '',
    ].join('\n');
    assert.deepEqual(check(text), []);
  });

  it('does not join teaser lines or page furniture', () => {
    const text = '今日导读\n加快构建以先进制造业\n为骨干的现代化产业体系 4版\n\n本版责编：刘阳\n版式设计：陈嘉\n';
    assert.deepEqual(check(text), []);
  });

  it('joins across an open bracket and keeps a space between Latin words', () => {
    const text =
      '测试标题\n\n本报讯（记者 王五）会议审议了《关于加快建设国家\n\n中心城市的决定（草案）》，并通过了相关决议。\n\n据报道，多家外国媒体对此次会议高度关注，纷纷发表评论，其中美国主流报纸 the New York\n\nTimes 的评论认为，这一举措意义重大，影响深远。\n';
    const wraps = check(text).filter((f) => f.rule === 'broken-wrap');
    assert.equal(wraps.length, 2);
    const latin = wraps[1]!.fixes[0]!.edits[0]!;
    assert.equal(latin.newText, ' ');
  });
});

describe('orphaned-continuation', () => {
  const file = join(ROOT, 'test', 'pages', 'defects.txt');
  const text = readFileSync(file, 'utf8');
  const found = check(text, {}, file).filter((f) => f.rule === 'orphaned-continuation');

  it('flags each misplaced marker with the reason', () => {
    assert.deepEqual(
      found.map((f) => [lineOf(text, f.span.start), f.message]),
      [
        [11, '（下转第五版） stands right after a headline with no article text before it.'],
        [13, '（下转第五版） is followed by more of the same article: an onward marker must close it.'],
        [19, '（下转第二版） points to an earlier page (this is page 3).'],
        [21, '（下转第二版） repeats the marker （下转第二版） already in this article.'],
        [25, '（下转第三版） points to its own page (this is page 3).'],
        [27, '（上接第二版） has no repeated headline above it: a continued part starts with its headline.'],
      ],
    );
  });

  it('offers moving and removing only as manual fixes, never in fix-all', () => {
    const move = found[1]!.fixes[0]!;
    assert.equal(move.title, 'Move （下转第五版） to the end of the article');
    assert.equal(move.safe, false);
    assert.equal(found[3]!.fixes[0]!.title, 'Remove the repeated （下转第二版）');
    assert.equal(found[0]!.fixes.length, 0);
  });

  it('accepts a marker glued to the last sentence and one on its own line', () => {
    const ok = '标题甲\n\n本报讯（记者 王五）正文第一段内容完整。（下转第2版）\n\n标题乙\n\n本报讯（记者 赵六）正文内容完整。\n\n（转第4版）\n';
    assert.deepEqual(check(ok, {}, '01.txt'), []);
  });

  it('accepts a continued part that opens with its arriving marker', () => {
    const text = readFileSync(join(ROOT, 'test', 'pages', 'rmrb-02.txt'), 'utf8');
    assert.deepEqual(check(text), []);
  });

  it('flags an arriving marker in the middle of an article', () => {
    const text = '标题甲\n\n本报讯（记者 王五）正文第一段内容完整。\n\n（上接第一版）正文第二段内容完整。\n';
    const f = check(text, {}, '02.txt');
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /^（上接第一版） does not open a continued part: it belongs right under the repeated headline/);
  });
});

describe('continuation markers in every spelling', () => {
  it('finds onward and arriving markers with either bracket width', () => {
    const cases: Array<[string, 'onward' | 'arriving', number, string | undefined]> = [
      ['(下转第二版)', 'onward', 2, undefined],
      ['（下转2版）', 'onward', 2, undefined],
      ['(下转A2版)', 'onward', 2, 'A'],
      ['（转第4版）', 'onward', 4, undefined],
      ['（紧转第三版）', 'onward', 3, undefined],
      ['（下紧转第十二版）', 'onward', 12, undefined],
      ['（下转第12页）', 'onward', 12, undefined],
      ['（上接第一版）', 'arriving', 1, undefined],
      ['(上接1版)', 'arriving', 1, undefined],
      ['（接第4版）', 'arriving', 4, undefined],
      ['(上接A1版)', 'arriving', 1, 'A'],
      ['（上紧接第二版）', 'arriving', 2, undefined],
      ['（上接第6页）', 'arriving', 6, undefined],
      ['( 下转 第 二 版 )', 'onward', 2, undefined],
    ];
    for (const [text, direction, number, section] of cases) {
      const m = findMarkers(`……取得新进展。${text}`);
      assert.equal(m.length, 1, text);
      assert.equal(m[0]!.direction, direction, text);
      assert.equal(m[0]!.page.number, number, text);
      assert.equal(m[0]!.page.section, section, text);
    }
  });

  it('leaves cross-references alone', () => {
    for (const text of ['（相关报道见第四版）', '（讲话全文见第二版）', '（详见第3版）', '（草案）']) assert.deepEqual(findMarkers(text), [], text);
  });
});

describe('source lines and bylines', () => {
  it('recognises the forms of many papers', () => {
    const forms: Array<[string, string, '讯' | '电']> = [
      ['长江日报讯(记者高萌 通讯员王晓珊)1月7日下午', '长江日报', '讯'],
      ['本报讯（记者 李四 通讯员 王五）近日', '本报', '讯'],
      ['本报北京1月7日电 （记者 李文）', '本报', '电'],
      ['新华社北京1月7日电(记者周圆)记者7日获悉', '新华社', '电'],
      ['新华社电 （记者 张三）', '新华社', '电'],
      ['据新华社北京1月7日电(记者周圆)', '新华社', '电'],
      ['长江日报讯(湖北日报记者杨念明 王馨)1月7日', '长江日报', '讯'],
      ['人民网北京3月4日电 （记者 孙七）', '人民网', '电'],
      ['楚天都市报讯 记者从市交通局获悉', '楚天都市报', '讯'],
      ['中新社上海1月7日电 (记者 陈静)', '中新社', '电'],
    ];
    for (const [text, outlet, kind] of forms) {
      const m = matchSourceLine(text);
      assert.ok(m, text);
      assert.equal(m.outlet, outlet, text);
      assert.equal(m.kind, kind, text);
    }
    assert.equal(matchSourceLine('据新华社北京1月7日电(记者周圆)')!.abridged, true);
  });

  it('does not take ordinary sentences for source lines', () => {
    for (const text of ['本报电视台记者昨日走访了多个社区。', '新华社区居民反映', '电讯行业迎来新变化', '日报讯息']) {
      assert.equal(matchSourceLine(text), undefined, text);
    }
  });

  it('tells bylines from credits and from names of people attending', () => {
    assert.ok(isBylineLine('长江日报记者商佩 覃柳珂 刘海锋'));
    assert.ok(isBylineLine('本报记者 王小明 刘洋'));
    assert.ok(isBylineLine('文/本报记者 李华'));
    assert.ok(isBylineLine('实习生张三'));
    assert.ok(isBylineLine('特约记者王五'));
    assert.ok(!isBylineLine('李殿勋 诸葛宇杰出席'));
    assert.ok(!isBylineLine('长江日报记者詹松 摄'));
    assert.ok(isCreditLine('长江日报记者詹松 摄'));
    assert.ok(isCreditLine('新华社记者 张伟摄'));
    assert.ok(isCreditLine('制图：刘洋'));
    assert.ok(!isCreditLine('李殿勋 诸葛宇杰出席'));
  });
});

describe('missing-byline', () => {
  it('flags a news article with no source line and offers the paper’s source line', () => {
    const file = join(ROOT, 'test', 'pages', 'defects.txt');
    const text = readFileSync(file, 'utf8');
    const f = check(text, {}, file).filter((x) => x.rule === 'missing-byline');
    assert.equal(f.length, 1);
    assert.equal(f[0]!.message, '“新建社区卫生服务中心投入使用” has no source line or byline.');
    assert.deepEqual(f[0]!.fixes[0]!.edits[0]!.newText, '长江日报讯（记者 ）');
    const custom = check(text, { bylineTemplate: '{paper}记者 ', paperName: '武汉晚报' }, file).find((x) => x.rule === 'missing-byline')!;
    assert.equal(custom.fixes[0]!.edits[0]!.newText, '武汉晚报记者 ');
  });

  it('accepts a byline on its own line, a source line and a credit at the end', () => {
    const text = [
      '标题甲',
      '',
      '本报记者 王小明',
      '',
      '正文内容完整，讲述了春耕的故事。',
      '',
      '标题乙',
      '',
      '新华社北京1月7日电 （记者 李文）正文内容完整。',
      '',
      '标题丙',
      '',
      '正文内容完整，介绍了地铁新线的情况。（记者 赵六）',
      '',
    ].join('\n');
    assert.deepEqual(
      check(text).filter((f) => f.rule === 'missing-byline'),
      [],
    );
  });

  it('accepts an author note cut across a column break, once the reader joins its halves', () => {
    const text = [
      '坚定信心 推动城市更新',
      '　　城市更新是一项系统工程，需要久久为功。各地要坚持规划引领，统筹推进老旧小区改造和街区环境整治。',
      '　　只有把群众的急难愁盼放在心上，城市更新才能行稳致远，老城区才能焕发新的生命力。',
      '　　（作者为湖畔大学城市发展研究院',
      '',
      '',
      '副院长、教授）',
      '',
      '新建社区卫生服务中心投入使用',
      '　　本报讯（记者 王明）昨日，湖畔新城社区卫生服务中心正式投入使用，周边三万多名居民在家门口就能看病。',
      '',
    ].join('\n');
    const findings = check(text);
    // The reading this depends on: the cut is taken, so the note is one paragraph.
    assert.equal(findings.filter((f) => f.rule === 'broken-wrap').length, 1);
    assert.deepEqual(
      findings.filter((f) => f.rule === 'missing-byline'),
      [],
    );
    const block = readModel(text, { segmenter: jieba() }).pages[0]!.blocks[0]!;
    assert.equal(block.source?.text, '（作者为湖畔大学城市发展研究院副院长、教授）');
    assert.equal(block.source?.placement, 'end');
    assert.equal(text.slice(block.source!.span.start, block.source!.span.start + 5), '（作者为湖');
  });

  it('takes a name alone in brackets on the last line, （柯 原）, for the author of a short piece, and no column tag or series mark', () => {
    const c = conventionsFor(DEFAULT_PROFILE);
    for (const name of ['（柯\u00a0原）', '（欧阳明）', '（王 明）', '(李华)']) assert.ok(c.isNameCredit(name), name);
    for (const text of ['（新论）', '（链接）', '（完）', '（待续）', '（下）', '（第二版）', '（人民时评）', '（本报记者）']) assert.ok(!c.isNameCredit(text), text);
    const text = [
      '一张旧照片',
      '　　整理旧物时，翻出一张泛黄的照片，那是三十年前全家在老屋门前的合影。',
      '　　照片里的人有的已经远行，有的已经白发苍苍，只有门前那棵老槐树还在年年发芽。',
      '　　（柯\u00a0原）',
      '',
    ].join('\n');
    assert.deepEqual(
      check(text).filter((f) => f.rule === 'missing-byline'),
      [],
    );
  });

  it('takes the source a piece closes with, （稿件来源：…）, for its credit', () => {
    const text = [
      '湖畔新城为何阴雨连绵',
      '　　入冬以来，湖畔新城阴雨天气持续，日照时数明显偏少，给蔬菜种植和市民出行带来不便。',
      '　　市气象台首席预报员表示，冷暖空气在本地上空交汇，是这次阴雨天气持续的主要原因，预计还将持续一周。',
      '　　（稿件来源：本报融媒体中心）',
      '',
    ].join('\n');
    assert.deepEqual(
      check(text).filter((f) => f.rule === 'missing-byline'),
      [],
    );
    assert.equal(readModel(text, { segmenter: jieba() }).pages[0]!.blocks[0]!.source?.text, '（稿件来源：本报融媒体中心）');
  });

  it('never asks a box (链 接) for a byline, even where the reader sets it apart as an article', () => {
    const text = [
      '第17版 城市',
      '',
      '湖畔新城召开城市更新推进大会',
      '',
      '湖畔新城城市更新推进大会10日在新城会议中心召开,各街道负责人就老旧小区改造和街区整治深入交换意见。',
      '',
      '(本报湖畔2月10日电)',
      '',
      '链 接',
      '',
      '湖畔新城城市更新办公室成立于2021年,负责统筹全区老旧小区改造、街区整治和公共空间提升。',
      '',
    ].join('\n');
    const model = readModel(text, { segmenter: jieba() });
    const page = model.pages[0]!;
    // Whatever the reader makes of the box, split it off as the block a misreading would give.
    const article = page.blocks[0]!;
    const at = article.body.findIndex((e) => e.text === '链 接');
    assert.ok(at > 0, 'the box label is in the article');
    const box = {
      kind: 'article' as const,
      span: { start: article.body[at]!.span.start, end: article.span.end },
      headline: [article.body[at]!],
      body: article.body.slice(at + 1),
      markers: [],
    };
    page.blocks.splice(0, 1, { ...article, body: article.body.slice(0, at) }, box);
    assert.deepEqual(missingByline.check({ model, profile: DEFAULT_PROFILE }, 'warning'), []);
    // The same block under a headline of its own is asked.
    const headed = { ...box, headline: [{ ...article.headline[0]! }] };
    page.blocks.splice(1, 1, headed);
    assert.equal(missingByline.check({ model, profile: DEFAULT_PROFILE }, 'warning').length, 1);
  });

  it('takes the credit after a box at the foot of an article (…（小贴士）) for the article too', () => {
    const text = [
      '湖畔新城花市开市',
      '',
      '腊月二十三,湖畔新城迎春花市在滨湖广场开市,两百多个摊位摆满了蝴蝶兰、金桔和盆景。',
      '',
      '花农欧阳明说,今年的蝴蝶兰价格和去年持平,盆景的销量比去年好。',
      '',
      '怎样挑选年宵花(小贴士)',
      '',
      '挑选蝴蝶兰要看花梗是否挺拔、花苞是否饱满,买回家后放在温暖通风处,不要放在暖气旁。',
      '',
      '(本报记者 柯 原整理)',
      '',
    ].join('\n');
    const model = readModel(text, { segmenter: jieba() });
    const page = model.pages[0]!;
    const whole = page.blocks[0]!;
    // Whatever the reader makes of the box, split it off as the block a misreading would give.
    if (page.blocks.length === 1) {
      const at = whole.body.findIndex((e) => e.text.startsWith('怎样挑选'));
      assert.ok(at > 0, 'the box headline is in the article');
      const box = {
        kind: 'article' as const,
        span: { start: whole.body[at]!.span.start, end: whole.span.end },
        headline: [whole.body[at]!],
        body: whole.body.slice(at + 1),
        markers: [],
        ...(whole.source ? { source: whole.source } : {}),
      };
      const { source: _, ...unsourced } = whole;
      page.blocks.splice(0, 1, { ...unsourced, body: whole.body.slice(0, at) }, box);
    }
    assert.equal(page.blocks.length, 2);
    assert.equal(page.blocks[1]!.source?.placement, 'end');
    assert.deepEqual(missingByline.check({ model, profile: DEFAULT_PROFILE }, 'warning'), []);
    // The same credit under a headline that is no box names that article alone.
    const plain = { ...page.blocks[1]!, headline: [{ ...page.blocks[1]!.headline[0]!, text: '怎样挑选年宵花' }] };
    page.blocks.splice(1, 1, plain);
    assert.deepEqual(
      missingByline.check({ model, profile: DEFAULT_PROFILE }, 'warning').map((f) => f.message),
      ['“湖畔新城花市开市” has no source line or byline.'],
    );
  });

  it('doubts an article whose credit may close the block below, when the reader was unsure that block starts an article', () => {
    // A quoted subheading the reader barely took for a new article's headline: the credit at the foot may be the article's own.
    const text = [
      '山村里的年味(新春走基层)',
      '',
      '今年春节前夕,记者来到大别山深处的一个小山村,村口的老槐树下挂满了红灯笼。',
      '',
      '村支书老陈带着记者走进几户人家,家家户户都在忙着准备年货。',
      '',
      '“永远做群众的贴心人”',
      '',
      '2018年10月,省里授予老陈优秀共产党员称号。从修路架桥到发展产业,他一干就是二十年。',
      '',
      '说起今后的打算,老陈说,村里准备发展乡村旅游,让更多游客来这里过年。',
      '',
      '(新华社合肥1月7日电)',
      '',
    ].join('\n');
    const { model, findings } = analyze(text, { segmenter: jieba() });
    const blocks = model.pages[0]!.blocks;
    assert.equal(blocks.length, 2, 'the example needs the reader to split the article at the quoted line');
    assert.ok(blocks[1]!.start!.margin < DEFAULT_PROFILE.thresholds.likelyStart, 'and to be unsure of it');
    const [f, ...more] = findings.filter((x) => x.rule === 'missing-byline');
    assert.ok(f, 'the article above still has no credit of its own on its lines');
    assert.equal(more.length, 0);
    assert.equal(f.severity, 'information');
    assert.equal(f.confidence?.likely, false);
    assert.match(f.message, /unless “+永远做群众的贴心人”+ below is its subheading/);
    assert.equal(text.slice(f.related![0]!.span.start, f.related![0]!.span.end), '(新华社合肥1月7日电)');
    // Without the credit below, the doubt goes and the article lacks one.
    const bare = analyze(text.replace('(新华社合肥1月7日电)\n', ''), { segmenter: jieba() }).findings.filter((x) => x.rule === 'missing-byline');
    assert.ok(
      bare.some((x) => x.severity === 'warning' && /^“山村里的年味/.test(x.message)),
      JSON.stringify(bare.map((x) => x.message)),
    );
  });

  it('reads the data sources of a graphic as its credit, not as the deck of the next article', () => {
    const c = conventionsFor(DEFAULT_PROFILE);
    assert.ok(c.isCreditLine('数据来源:市统计局、市商务局、市文化和旅游局《春节假日消费市场监测报告》'));
    assert.ok(c.isCreditLine('资料来源：市气象台'));
    assert.ok(c.isCreditLine('图片由市天文馆提供'));
    assert.ok(!c.isCreditLine('图片由市民拍摄后上传，经核实后由本报提供'));
    assert.ok(!c.isCreditLine('数据来源：市统计局和市商务局的最新统计。今年以来，全市居民消费价格同比上涨1.8%，社会消费品零售总额同比增长6.2%。'));
    const text = [
      '湖畔新城节日消费平稳运行',
      '',
      '本报讯 (记者 王明)春节期间,湖畔新城重点零售和餐饮企业实现销售额约12亿元,比去年同期增长7.5%。',
      '',
      '数据来源:市统计局、市商务局、市文化和旅游局《春节假日消费市场监测报告》',
      '',
      '湖畔新城老年食堂开张',
      '',
      '本报讯 (记者 李华)湖畔街道首家老年食堂昨日开张,周边两百多位老人在家门口就能吃上热饭。',
      '',
    ].join('\n');
    const blocks = readModel(text, { segmenter: jieba() }).pages[0]!.blocks;
    assert.deepEqual(
      blocks.map((b) => b.headline.map((h) => h.text)),
      [['湖畔新城节日消费平稳运行'], ['湖畔新城老年食堂开张']],
    );
    assert.equal(blocks[0]!.body.find((e) => e.text.startsWith('数据来源'))?.kind, 'credit');
  });

  it('reads a credit followed by the onward marker, and no longer exempts an article whose marker cannot be its jump', () => {
    const page = (closing: string, second = '') =>
      [
        '第3版 国际',
        '',
        '湖畔新城控烟措施初见成效',
        '　　湖畔新城卫生健康委日前公布的数据显示，去年全区吸烟人数比前年减少约一万人，控烟措施初见成效。',
        '　　区卫生健康委负责人表示，将继续扩大公共场所禁烟范围，并在中小学开设控烟课程，争取让下一代远离烟草。',
        closing,
        '',
        '新建社区卫生服务中心投入使用',
        second || '　　本报讯（记者 王明）昨日，湖畔新城社区卫生服务中心正式投入使用，周边三万多名居民在家门口就能看病。',
        '',
      ].join('\n');
    const bylines = (text: string) => check(text).filter((f) => f.rule === 'missing-byline');
    // The end credit names the source even with the marker after it, on its own line or at the end of the paragraph.
    for (const closing of ['　　（本报东湖电）（下转第七版）', '　　（作者为湖畔大学公共卫生学院研究员）（下转第七版）']) {
      assert.deepEqual(bylines(page(closing)), [], closing);
      const block = readModel(page(closing), { segmenter: jieba() }).pages[0]!.blocks[0]!;
      assert.equal(block.source?.text, closing.trim().replace('（下转第七版）', ''));
      assert.equal(block.markers.length, 1);
    }
    // A real jump still leaves the byline to the continued part.
    assert.deepEqual(bylines(page('　　（下转第七版）')), []);
    // A marker pointing back to page 2 from page 3, or right under the headline, is no jump of this article.
    const back = bylines(page('　　（下转第二版）'));
    assert.equal(back.length, 1);
    assert.match(back[0]!.message, /湖畔新城控烟措施初见成效/);
    const under = page('').replace('湖畔新城控烟措施初见成效\n', '湖畔新城控烟措施初见成效\n（下转第七版）\n');
    assert.equal(bylines(under).length, 1);
  });

  it('exempts commentary, photo items, continued parts, teasers, briefs and furniture', () => {
    const text = readFileSync(join(ROOT, 'test', 'pages', 'rmrb-01.txt'), 'utf8');
    assert.deepEqual(
      check(text).filter((f) => f.rule === 'missing-byline'),
      [],
    );
    const brief = '新闻速览\n\n全市新增绿道100公里，市民出行更加便利。\n';
    assert.deepEqual(check(brief), []);
    const editorial = '社论\n\n坚定信心 奋勇前进\n\n新的一年，我们要以更加昂扬的姿态投身建设。\n';
    assert.deepEqual(check(editorial), []);
  });

  it('exempts a reporter’s notes and a signed column, which carry no source line by nature, in either bracket width', () => {
    // 记者手记 names a reporter, and is still the tag of notes, not a source line.
    for (const headline of ['小巷里的民生账（采访手记）', '小巷里的民生账(编辑手记)', '让城市更新慢下来（大家手笔）', '小巷里的民生账（记者手记）', '小巷里的民生账(记者手记)']) {
      const text = `${headline}\n\n走进老街，记者看到居民们正围坐在一起商量加装电梯的事。\n`;
      assert.deepEqual(
        check(text).filter((f) => f.rule === 'missing-byline'),
        [],
        headline,
      );
    }
    // A news report under a column tag that names no opinion still needs its source line.
    const report = '小巷里的民生账（在现场）\n\n走进老街，记者看到居民们正围坐在一起商量加装电梯的事。\n';
    assert.deepEqual(
      check(report).map((f) => f.rule),
      ['missing-byline'],
    );
  });
});

describe('broken-wrap and the spaces a line ends with', () => {
  it('keeps the space that sets a source line off from its lead when the cut between them is joined', () => {
    // As a print PDF gives it: no indents, a blank line after each paragraph, ASCII punctuation.
    const text = [
      '城市更新要有耐心',
      '',
      '新华社北京1月7日电 ',
      '',
      '',
      '近日,多地出台老旧小区改造新举措,加快推进城市更新,居民们纷纷表示家门口的变化看得见。',
      '',
      '据了解,今年将新开工改造老旧小区一千个,惠及居民二十万户,改造内容包括加装电梯、',
      '',
      '',
      '管网更新和停车设施建设。',
      '',
    ].join('\n');
    const cuts = check(text).filter((f) => f.rule === 'broken-wrap');
    const fixed = cuts.reduceRight((t, f) => applyEdits(t, f.fixes[0]!.edits), text);
    assert.ok(fixed.includes('新华社北京1月7日电 近日,'), JSON.stringify(fixed));
  });

  it('keeps the no-break spaces before a cut, and removes the other trailing spaces with the break', () => {
    const text =
      '城市供水条例全文\n\n　　本报讯（记者 王五）市人大常委会表决通过城市供水条例，现将全文公布如下，用户应当依照本条例按时缴纳供\u00a0\u00a0\n\n\n水费用。\n\n　　新条例自明年起施行，旧办法同时废止，有关部门将做好衔接工作 \n\n\n和宣传解读。\n';
    const fixed = check(text)
      .filter((f) => f.rule === 'broken-wrap')
      .reduceRight((t, f) => applyEdits(t, f.fixes[0]!.edits), text);
    assert.ok(fixed.includes('缴纳供\u00a0\u00a0水费用。'), JSON.stringify(fixed));
    assert.ok(fixed.includes('衔接工作和宣传解读。'), JSON.stringify(fixed));
  });
});

describe('broken-wrap where a cut and a paragraph break come close', () => {
  // Print-like: a blank line after every paragraph, so only the words tell a cut between two words from a new paragraph.
  const text = [
    '湖畔新城迎来新春花市',
    '',
    '本报讯(记者 王明)春节将至,湖畔新城的花市又热闹起来。',
    '',
    '来自周边十多个乡镇的花农带着自家的花卉来到这里,摆满了整条长街。',
    '',
    '在新城,花卉产业正',
    '',
    '带动周边村民增收致富,花农的日子越过越红火。',
    '',
    '“今年的花卖得特别好。”花农李大姐说,她家的蝴蝶兰已经卖出了一大半。',
    '',
    '据了解,今年花市将持续到正月十五,预计接待市民游客超过十万人次。',
    '',
  ].join('\n');
  const possible = (findings: readonly Finding[]) => findings.filter((f) => f.rule === 'broken-wrap' && f.message.includes('may be cut'));

  it('shows a cut the reader nearly took as information, with its join offered but never applied unattended', () => {
    const findings = check(text);
    const [hint, ...more] = possible(findings);
    assert.ok(hint, JSON.stringify(findings.map((f) => f.message)));
    assert.equal(more.length, 0);
    assert.equal(hint.severity, 'information');
    assert.equal(hint.confidence?.margin !== undefined && hint.confidence.margin < 0, true, 'the new paragraph won the reading');
    assert.equal(hint.fixes[0]!.safe, false);
    assert.match(hint.message, /“正”/, 'it says what speaks for the cut');
    assert.ok(applyEdits(text, hint.fixes[0]!.edits).includes('花卉产业正带动周边村民'));
    const analyse = (t: string) => analyze(t, { segmenter: jieba() }).findings;
    assert.ok(fixAll(text, analyse).text.includes('花卉产业正\n\n带动'), 'fix-all leaves the near tie to a person');
  });

  it('shows none when the profile sets possibleJoin to 0', () => {
    const profile = { ...DEFAULT_PROFILE, thresholds: { ...DEFAULT_PROFILE.thresholds, possibleJoin: 0 } };
    assert.deepEqual(possible(check(text, { profile })), []);
  });
});

describe('spaced-headline', () => {
  it('leaves single spaces between deck phrases and names alone', () => {
    for (const deck of [
      '盛阅春主持大会 听取市人大常委会和市“两院”工作报告',
      '李殿勋 诸葛宇杰出席',
      '稳增长 促转型 惠民生 强信心',
      '政协武汉市第十四届委员会 第五次会议第二次全体会议举行',
    ]) {
      const text = `${deck}\n\n本报讯（记者 王五）正文内容完整。\n`;
      assert.deepEqual(check(text), [], deck);
    }
  });

  it('leaves a credit line in parentheses and a list of bracketed titles alone: their spaces are the paper’s, not justification', () => {
    for (const line of ['(张明 李 华 赵 云)', '（张明 李 华 赵 云）', '【论语】 【孟子】 【大学】 【中庸】 【诗经】']) {
      const text = `城市更新要有耐心\n\n本报讯（记者 王五）老城区的更新不能一蹴而就。\n\n${line}\n`;
      assert.deepEqual(
        check(text).filter((f) => f.rule === 'spaced-headline'),
        [],
        line,
      );
    }
  });

  it('leaves a list of names set with a paragraph’s indent alone, as an e-paper sets the people in a photo', () => {
    const text =
      '城市更新要有耐心\n\n　　本报讯（记者 王五）老城区的更新不能一蹴而就。\n\n新春走基层\n\n　　钱\u00a0进\u00a0孙\u00a0平\u00a0周\u00a0宁\u00a0吴晓东\u00a0郑\u00a0华\u00a0冯洁\n\n　　他们是社区的志愿者。\n';
    assert.deepEqual(
      check(text).filter((f) => f.rule === 'spaced-headline'),
      [],
    );
  });

  it('tells a line of names from a subheading spread character by character, whose pieces are as short as names', () => {
    for (const names of ['钱 进 孙 平 吴晓东 郑 华', '张 炜 崔 佳', '钱 进 孙 平 周 宁 冯 洁']) assert.equal(namesList(names), true, names);
    // Most names have three characters: a dozen single characters and nothing else is not four two-character names.
    for (const spread of ['老 街 区 改 造 要 留 住 城 市 记 忆', '让 居 民 说 了 算 的 改 造 方 案']) assert.equal(namesList(spread), false, spread);
  });

  it('leaves to a person a run that a long word one space away may belong to: closing the run alone would leave half the spread', () => {
    const text = '李 明 在 市人民政府办公厅 调研 并 主持 召开 座谈会 时 强调\n\n本报讯（记者 王五）正文内容完整。\n';
    const spreads = check(text).filter((f) => f.rule === 'spaced-headline');
    assert.ok(spreads.length > 0);
    assert.ok(spreads.every((f) => !f.fixes[0]!.safe));
    const whole = check('坚持 高 质 量 发 展 不动摇\n\n本报讯（记者 王五）正文内容完整。\n').filter((f) => f.rule === 'spaced-headline');
    assert.deepEqual(
      whole.map((f) => f.fixes[0]!.safe),
      [true],
    );
  });

  it('removes only the spaces of the spread run', () => {
    const text = '坚持 高 质 量 发 展 不动摇\n\n本报讯（记者 王五）正文内容完整。\n';
    const f = check(text);
    assert.equal(f.length, 1);
    assert.equal(f[0]!.rule, 'spaced-headline');
    assert.equal(f[0]!.fixes[0]!.edits.length, 6);
    assert.ok(applyEdits(text, f[0]!.fixes[0]!.edits).startsWith('坚持高质量发展不动摇\n'));
  });
});

describe('halfwidth-punctuation', () => {
  const marks = (text: string) =>
    halfwidthMarks(text, 0, text.length)
      .map((i) => text[i])
      .join('');

  it('converts marks in Chinese text, brackets in pairs', () => {
    assert.equal(marks('据新华社北京1月7日电(记者周圆)记者7日获悉,工业和信息化部'), '(),');
    assert.equal(marks('举办(2025)年会;会议通过!是否?'), '();!?');
  });

  it('keeps times, thousands, decimals, URLs, e-mail and Latin text', () => {
    assert.equal(marks('首班车6:30发车,末班车22:30'), ',');
    assert.equal(marks('共计1,000人'), '');
    assert.equal(marks('详见 https://example.com/a?x=1,2(3) 网站'), '');
    assert.equal(marks('来信请寄 news@example.com'), '');
    assert.equal(marks('Open Day, Free Entry! (Tickets: free)'), '');
    assert.equal(marks('增长3.5%'), '');
  });
});
