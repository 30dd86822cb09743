/**
 * Export on the corpus issue: every article of both pages a record, the six
 * jumps joined into whole articles, the one whose continued part is missing
 * marked, and every character of the pages accounted for; then the formats
 * built from the records, the certain fixes, and the pieces of the model
 * export reads.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { applyCertainFixes, fixedOffset, keepsReaderText } from '../../server/src/export/certainFixes';
import { bodyItems, bodyRole } from '../../server/src/export/bodyItems';
import type { ExportedIssue, Piece } from '../../server/src/export/exportedIssue';
import { exportIssue } from '../../server/src/export/exportIssue';
import { headlineRoles } from '../../server/src/model/headlineRoles';
import { prepareFile } from '../../server/src/export/preparedFile';
import { sourceInfo } from '../../server/src/export/sourceInfo';
import type { Block, ElementKind } from '../../server/src/model/page';
import { pageRefFromFileName } from '../../server/src/model/pageNames';
import { conventionsFor } from '../../server/src/model/conventions';
import type { Segmenter } from '../../server/src/segment/segmenter';
import { CORPUS } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';

const ISSUE = join(CORPUS, 'cjrb-2026-01-08');

function exportFolder(dir: string, segmenter: Segmenter = jieba()): ExportedIssue {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const prepared = files.map((f) => {
    const pageRef = pageRefFromFileName(f);
    return prepareFile({ uri: pathToFileURL(join(dir, f)).href, text: readFileSync(join(dir, f), 'utf8'), ...(pageRef ? { pageRef } : {}) }, segmenter);
  });
  return exportIssue(pathToFileURL(dir).href, dir.slice(dir.lastIndexOf('/') + 1), prepared);
}

/** The text a reader sees: no line breaks or spaces, ASCII punctuation in its full-width form (what the certain fixes may change). */
function reader(text: string): string {
  const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };
  return text.replace(/[\s\u3000\u00a0]/g, '').replace(/[,;:()!?]/g, (c) => FULL[c]!);
}

const page1 = reader(readFileSync(join(ISSUE, '01.txt'), 'utf8'));
const page2 = reader(readFileSync(join(ISSUE, '02.txt'), 'utf8'));

function between(text: string, from: string, to: string | undefined, skip = 0): string {
  const start = text.indexOf(reader(from));
  assert.ok(start >= 0, `“${from}” is on the page`);
  const end = to === undefined ? text.length : text.indexOf(reader(to), start + skip + 1);
  assert.ok(end > start, `“${to}” follows “${from}”`);
  return text.slice(start + skip, end);
}

/**
 * The six articles page 1 continues on page 2, read off the raw pages: the
 * page-1 part from its first body line to (下转第二版), the page-2 part from
 * after the repeated headline's (上接第一版) to the next headline.
 */
const JOINED = [
  { main: '城市更新要用好改革“关键一招”', from: '长江日报记者商佩', repeated: '城市更新要用好改革“关键一招”', next: '熊征宇参加汉阳蔡甸汉南东西湖 代表团联团审议' },
  {
    main: '市十五届人大六次会议举行第二次全体会议',
    from: '长江日报讯(记者高萌',
    repeated: '市十五届人大六次会议举行第二次全体会议',
    next: '政协武汉市第十四届委员会第五次会议 第二次全体会议举行',
  },
  {
    main: '熊征宇参加武昌黄陂新洲代表团联团审议',
    from: '长江日报讯(记者胡雪璇 谭芳)1月6日',
    repeated: '熊征宇参加武昌黄陂新洲代表团联团审议',
    next: '市十五届人大六次会议举行第二次全体会议',
  },
  {
    main: '熊征宇参加汉阳蔡甸汉南东西湖代表团联团审议',
    from: '长江日报讯(记者胡雪璇 谭芳)1月7日',
    repeated: '熊征宇参加汉阳蔡甸汉南东西湖 代表团联团审议',
    next: '熊征宇参加武昌黄陂新洲代表团联团审议',
  },
  {
    main: '政协武汉市第十四届委员会 第五次会议第二次全体会议举行',
    from: '长江日报讯(记者梁爽 通讯员叶秋)1月7日,政协',
    repeated: '政协武汉市第十四届委员会第五次会议 第二次全体会议举行',
    next: '进一步强化大抓基层鲜明导向 切实',
  },
  {
    main: '王忠林主持召开市(州)和部分单位党委(党组)书记抓基层党建述职评议会议',
    from: '长江日报讯(湖北日报记者杨念明',
    repeated: '进一步强化大抓基层鲜明导向 切实以高质量党建引领高质量发展',
    next: '八部门印发《“人工智能+制造”专项行动实施意见》',
  },
];

const bodyText = (pieces: readonly Piece[]) => reader(pieces.map((p) => p.text).join(''));

describe('export of the corpus issue', () => {
  const issue = exportFolder(ISSUE);
  const byMain = (main: string) => issue.articles.filter((a) => a.headlines.some((h) => reader(h.text).includes(reader(main))));

  it('holds every article of both pages, in page order: 8 of page 1, its teaser box, and 2 that start on page 2', () => {
    const names = issue.articles.map((a) => (a.headlines[0] ?? a.body[0]!).text);
    assert.deepEqual(
      names.map((n) => n.slice(0, 10)),
      [
        '八部门印发《“人工智',
        '综合提升让老城区焕发',
        '市十五届人大六次会议',
        '熊征宇参加武昌黄陂新',
        '熊征宇参加汉阳蔡甸汉',
        '政协武汉市第十四届委',
        '政协武汉市第十四届委',
        '王忠林主持召开市（州',
        '2026 武汉两会 ',
        '八部门印发《“人工智',
        '市政协委员建言“人工',
      ],
    );
    assert.deepEqual(
      issue.articles.map((a) => a.id),
      ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '01-09', '02-01', '02-02'],
    );
    assert.equal(issue.articles[8]!.kind, 'teaser');
  });

  for (const j of JOINED) {
    it(`joins ${j.main.slice(0, 14)}…: its text is the page-1 part followed by the page-2 part`, () => {
      const [record, ...others] = byMain(j.main);
      assert.ok(record, 'a record of it');
      assert.equal(others.length, 0, 'one record, not two halves');
      assert.deepEqual(record.pages, [0, 1]);
      assert.equal(record.complete, true);
      const p1 = between(page1, j.from, '(下转第二版)');
      const p2 = between(page2, j.repeated, j.next, reader(j.repeated + '(上接第一版)').length);
      assert.equal(bodyText(record.body), p1 + p2);
      assert.ok(!record.body.some((b) => /[（(](下转|上接)/.test(b.text)), 'no marker is left in the body');
      assert.ok(!record.headlines.some((h) => h.from.some((o) => o.page === 1)), 'the repeated headline is not a headline of the record');
    });
  }

  it('marks the article whose continued part page 2 does not hold, and the continued part whose page-1 marker is missing', () => {
    const [standing] = byMain('政协武汉市第十四届委员会 常务委员会第二十五次会议召开');
    assert.equal(standing!.complete, false);
    assert.deepEqual(standing!.pages, [0]);
    assert.match(standing!.notes.map((n) => n.message).join('\n'), /^Continues on 2版 \(（下转第二版）\), but no continued part there has this headline/);
    const parts = byMain('八部门印发《“人工智能+制造”专项行动实施意见》');
    assert.deepEqual(
      parts.map((a) => [a.kind, a.pages, a.complete]),
      [
        ['article', [0], true],
        ['continuation', [1], false],
      ],
    );
    assert.match(parts[1]!.notes[0]!.message, /^Continued from 1版 \(（上接第一版）\), but no article there jumps here; “八部门印发/);
    assert.equal(issue.articles.filter((a) => !a.complete).length, 2);
  });

  it('accounts for every character of both pages: each one in exactly one headline, body item or dropped piece', () => {
    const pieces: Piece[] = [...issue.articles.flatMap((a) => [...a.headlines, ...a.body]), ...issue.dropped];
    issue.pages.forEach((page, p) => {
      const text = issue.files[page.file]!.fixedText;
      const seen = new Uint8Array(text.length);
      for (const piece of pieces) {
        for (const o of piece.from) if (o.page === p) for (let i = o.span.start; i < o.span.end; i++) seen[i]!++;
      }
      for (let i = page.span.start; i < page.span.end; i++) {
        if (/[\s\u3000\u00a0]/.test(text[i]!)) continue;
        assert.equal(seen[i], 1, `${page.label}: “${text.slice(Math.max(0, i - 8), i)}|${text.slice(i, i + 8)}” is in ${seen[i]} pieces`);
      }
    });
    for (const piece of pieces) {
      const slices = piece.from.map((o) => issue.files[issue.pages[o.page]!.file]!.fixedText.slice(o.span.start, o.span.end)).join('');
      assert.equal(piece.text, slices, 'a piece holds exactly the text of its ranges');
    }
    assert.deepEqual(Object.entries(issue.dropped.reduce<Record<string, number>>((n, d) => ({ ...n, [d.kind]: (n[d.kind] ?? 0) + 1 }), {})), [
      ['repeated-headline', 6],
      ['marker', 14],
    ]);
  });

  it('reads bylines, datelines and places from the source lines, and the paper from them', () => {
    assert.equal(issue.paper, '长江日报');
    const [wire] = byMain('2027年关键核心技术实现安全可靠供给');
    assert.deepEqual(wire!.source, {
      text: '据新华社北京1月7日电（记者周圆）',
      placement: 'lead',
      outlet: '新华社',
      place: '北京',
      date: '1月7日',
      by: '记者周圆',
      abridged: true,
    });
    const [own] = byMain('城市更新要用好改革');
    assert.deepEqual(own!.source, { text: '长江日报记者商佩 覃柳珂 刘海锋', placement: 'own-line', by: '长江日报记者商佩 覃柳珂 刘海锋' });
    assert.deepEqual(
      own!.body.filter((b) => b.role === 'caption' || b.role === 'credit').map((b) => [b.role, b.text]),
      [
        ['caption', '百年咸安坊成为热门拍照打卡地。'],
        ['credit', '长江日报记者詹松 摄'],
      ],
    );
    assert.deepEqual(
      own!.body.filter((b) => b.role === 'subheading').map((b) => b.text.slice(0, 8)),
      ['城市更新和在空中', '比盖好房子、修好'],
    );
  });
});

describe('a jump that cuts a sentence', () => {
  it('makes the paragraph whole again: the page-1 part’s last paragraph goes on in the page-2 part’s first', () => {
    const page = (name: string, text: string) => prepareFile({ uri: `file:///jump/${name}`, text, pageRef: pageRefFromFileName(name)! }, jieba());
    const issue = exportIssue('file:///jump', 'jump', [
      page(
        '01.txt',
        '市民热议城市更新新举措\n\n本报讯（记者林晓）昨天，市政府召开新闻发布会，介绍今年城市更新工作的安排。\n\n有关负责人表示，今年全市将把城市更新作为改善人居环境的重要抓手，统筹推进片区更新和公共空间提升，计划（下转第二版）\n\n春季植树活动在全市展开\n\n本报讯（记者王华）全市春季义务植树活动昨天在江滩公园启动。\n',
      ),
      page('02.txt', '市民热议城市更新新举措\n\n（上接第一版）推进三十个老旧小区改造，并新建一批口袋公园。\n\n发布会还通报了去年的工作。\n'),
    ]);
    const [jumped] = issue.articles;
    assert.deepEqual(jumped!.pages, [0, 1]);
    assert.deepEqual(
      jumped!.body.map((b) => b.text),
      [
        '本报讯（记者林晓）昨天，市政府召开新闻发布会，介绍今年城市更新工作的安排。',
        '有关负责人表示，今年全市将把城市更新作为改善人居环境的重要抓手，统筹推进片区更新和公共空间提升，计划推进三十个老旧小区改造，并新建一批口袋公园。',
        '发布会还通报了去年的工作。',
      ],
    );
    assert.deepEqual(
      jumped!.body[1]!.from.map((o) => o.page),
      [0, 1],
      'the joined paragraph keeps where each half came from',
    );
    assert.equal(issue.articles.length, 2);
  });
});

describe('the certain fixes', () => {
  const analyse = (text: string) => analyze(text, { segmenter: jieba() }).findings;

  it('join cuts, close up spread headlines and widen punctuation, but insert no placeholder source line', () => {
    const text = '市民热议新政策\n\n今天,市政府发布了关于支持中小企业发展的若干措施,涵盖融资、税收和人\n\n才等方面。\n';
    const findings = analyse(text);
    assert.ok(
      findings.some((f) => f.rule === 'missing-byline' && f.fixes.length > 0 && f.fixes.every((x) => !x.safe)),
      'a source line is offered, never applied unattended',
    );
    const fixed = applyCertainFixes(text, analyse);
    assert.equal(fixed.text, '市民热议新政策\n\n今天，市政府发布了关于支持中小企业发展的若干措施，涵盖融资、税收和人才等方面。\n');
    assert.deepEqual(fixed.applied, { 'broken-wrap': 1, 'halfwidth-punctuation': 1 });
    assert.ok(
      analyse(fixed.text).some((f) => f.rule === 'missing-byline'),
      'the missing byline stays, to be noted',
    );
  });

  it('tell a fix that keeps the reader’s text from one that writes words', () => {
    const text = '甲乙\n\n丙,丁';
    assert.equal(keepsReaderText({ title: '', safe: true, edits: [{ start: 2, end: 4, newText: '' }] }, text), true);
    assert.equal(keepsReaderText({ title: '', safe: true, edits: [{ start: 5, end: 6, newText: '，' }] }, text), true);
    assert.equal(keepsReaderText({ title: '', safe: true, edits: [{ start: 0, end: 0, newText: '本报讯（记者 ）' }] }, text), false);
    assert.equal(keepsReaderText({ title: '', safe: true, edits: [{ start: 5, end: 6, newText: '。' }] }, text), false);
  });

  it('map an offset of the text given to where it is in the fixed text', () => {
    const text = '标题\n\n正文,很\n\n多人。';
    const fixed = applyCertainFixes(text, analyse);
    for (const ch of ['正', '多', '。']) assert.equal(fixed.text[fixedOffset(fixed, text.indexOf(ch))], ch);
  });
});

describe('the pieces of a record', () => {
  it('keeps an element of a kind it does not know as a paragraph', () => {
    assert.equal(bodyRole('author-note' as ElementKind), 'paragraph');
    assert.equal(bodyRole('pull-quote' as ElementKind), 'paragraph');
    const text = '（作者为某大学教授）';
    const block: Block = {
      kind: 'article',
      span: { start: 0, end: text.length },
      headline: [],
      body: [{ kind: 'author-note' as ElementKind, span: { start: 0, end: text.length }, parts: [{ start: 0, end: text.length }], joins: [], text }],
      markers: [],
    };
    assert.deepEqual(
      bodyItems(text, 0, block).map((b) => [b.role, b.text]),
      [['paragraph', text]],
    );
  });

  it('gives a deck’s lines their roles from their words', () => {
    assert.deepEqual(headlineRoles(['城中村里的新年灯会']), ['main']);
    assert.deepEqual(headlineRoles(['王明在市应急管理局调研时强调', '守牢城市安全发展底线']), ['kicker', 'main']);
    assert.deepEqual(headlineRoles(['在实干中书写新的答卷', '——全市重点项目建设现场侧记']), ['main', 'subhead']);
    assert.deepEqual(headlineRoles(['张华同来访的友好城市代表团举行会谈', '李强出席']), ['main', 'subhead']);
    assert.deepEqual(headlineRoles(['社区食堂，吃出新滋味（民生观察）', '老人少跑路 饭菜更可口']), ['main', 'subhead']);
    assert.deepEqual(headlineRoles(['新春期间', '全市夜间消费增长两成', '文旅市场活力充沛']), ['kicker', 'main', 'subhead']);
  });

  it('reads place, date, outlet and reporters from source lines of every placement', () => {
    const lead = (line: string) => {
      const match = conventionsFor().matchSourceLine(line)!;
      return sourceInfo({ span: { start: 0, end: match.length }, text: line.slice(0, match.length), placement: 'lead', match });
    };
    assert.deepEqual(lead('本报北京1月7日电 （记者 李文）'), {
      text: '本报北京1月7日电 （记者 李文）',
      placement: 'lead',
      outlet: '本报',
      place: '北京',
      date: '1月7日',
      by: '记者 李文',
    });
    assert.deepEqual(lead('长江日报讯(记者高萌 通讯员王晓珊)'), { text: '长江日报讯(记者高萌 通讯员王晓珊)', placement: 'lead', outlet: '长江日报', by: '记者高萌 通讯员王晓珊' });
    assert.deepEqual(lead('新华社电 记者从有关部门获悉'), { text: '新华社电', placement: 'lead', outlet: '新华社' });
    assert.deepEqual(sourceInfo({ span: { start: 0, end: 0 }, text: '（新华社北京1月7日电）', placement: 'end' }), {
      text: '（新华社北京1月7日电）',
      placement: 'end',
      outlet: '新华社',
      place: '北京',
      date: '1月7日',
    });
    assert.deepEqual(sourceInfo({ span: { start: 0, end: 0 }, text: '（记者 赵六）', placement: 'end' }), { text: '（记者 赵六）', placement: 'end', by: '记者 赵六' });
  });
});
