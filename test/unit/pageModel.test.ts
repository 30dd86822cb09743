/** The page model on the corpus page and on pages of other papers, against expected trees kept as data. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isCallout, isNewsOpening } from '../../server/src/model/conventions';
import { readPage } from '../../server/src/model/readPage';
import { pageRefFromFileName } from '../../server/src/model/pageNames';
import { noSegmenter } from '../../server/src/segment/segmenter';
import { outline } from '../../server/src/outline';
import { LineIndex } from '../../server/src/text/positions';
import { ROOT, readCorpusPage } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';
import { matchesExpected } from '../helpers/expected';
import { summarize } from '../helpers/summary';

describe('the corpus page (长江日报 2026-01-08, page 1)', () => {
  const text = readCorpusPage();
  const model = readPage(text, { segmenter: jieba() });

  it('reads exactly the 9 expected blocks, in order', () => {
    assert.equal(model.pages.length, 1);
    matchesExpected('cjrb-2026-01-08-01.blocks.json', summarize(model)[0]!.blocks);
  });

  it('keeps every cut paragraph whole: 15 joins, none across a headline', () => {
    const joins = model.pages[0]!.blocks.flatMap((b) => [...b.headline, ...b.body]).flatMap((e) => e.joins);
    assert.equal(joins.length, 15);
    assert.deepEqual(
      joins.map((j) => j.beforeLine + 1),
      [37, 41, 61, 63, 65, 75, 79, 83, 93, 97, 101, 111, 119, 133, 139],
    );
    for (const b of model.pages[0]!.blocks) for (const h of b.headline) assert.equal(h.joins.length, 0, h.text);
  });

  it('gives every range on whole lines of the text', () => {
    for (const b of model.pages[0]!.blocks) {
      for (const e of [...b.headline, ...b.body]) {
        assert.equal(text.slice(e.parts[0]!.start, e.parts[0]!.end).trim(), text.slice(e.parts[0]!.start, e.parts[0]!.end));
        assert.equal(e.text, e.parts.map((p) => text.slice(p.start, p.end)).join(''));
      }
    }
  });

  it('detects the paper from its source lines', () => {
    assert.equal(model.paperName, '长江日报');
  });

  it('still finds the 9 blocks without word segmentation, losing only word evidence', () => {
    const plain = readPage(text, { segmenter: noSegmenter });
    const blocks = plain.pages[0]!.blocks;
    assert.equal(blocks.length, 9);
    assert.deepEqual(
      blocks.map((b) => b.headline[0]?.text ?? b.body[0]!.text),
      model.pages[0]!.blocks.map((b) => b.headline[0]?.text ?? b.body[0]!.text),
    );
    const joins = blocks.flatMap((b) => b.body).flatMap((e) => e.joins);
    assert.ok(joins.length >= 12, `${joins.length} joins`);
  });

  it('reads the same tree from CRLF and BOM-prefixed text, with ranges on the same lines', () => {
    const crlf = readPage('\uFEFF' + text.replace(/\n/g, '\r\n'), { segmenter: jieba() });
    assert.deepEqual(summarize(crlf), summarize(model));
  });

  it('counts UTF-16 code units for characters outside the BMP', () => {
    const emoji = text.replace('八部门印发', '𠀀😀八部门印发');
    const m = readPage(emoji, { segmenter: jieba() });
    const first = m.pages[0]!.blocks[0]!;
    const index = new LineIndex(m.lines);
    assert.deepEqual(index.range(first.headline[0]!.span.start, first.headline[0]!.span.end), {
      start: { line: 2, character: 0 },
      end: { line: 2, character: text.split('\n')[2]!.length + 4 },
    });
  });
});

describe('pages of other papers', () => {
  for (const name of ['rmrb-01', 'rmrb-02', 'defects']) {
    it(`${name}.txt reads into the expected tree`, () => {
      const file = join(ROOT, 'test', 'pages', `${name}.txt`);
      const ref = pageRefFromFileName(file);
      const model = readPage(readFileSync(file, 'utf8'), { segmenter: jieba(), ...(ref ? { pageRef: ref } : {}) });
      matchesExpected(`${name}.pages.json`, summarize(model));
    });
  }

  it('recognises furniture, commentary, photo items and teasers by kind', () => {
    const model = readPage(readFileSync(join(ROOT, 'test', 'pages', 'rmrb-01.txt'), 'utf8'), { segmenter: jieba() });
    assert.deepEqual(
      model.pages[0]!.blocks.map((b) => b.kind),
      ['furniture', 'article', 'article', 'commentary', 'photo', 'teaser', 'furniture'],
    );
    assert.equal(model.paperName, '人民日报');
  });

  it('takes a figure set large over its paragraph for a call-out, whatever its unit', () => {
    for (const callout of ['6500万平方米', '99.3%', '125个', '3.6万千瓦', '12亿美元', '2000公斤']) assert.ok(isCallout(callout), callout);
    for (const text of ['6500万平方米的新城', '2019年春运', '第125个']) assert.ok(!isCallout(text), text);
  });

  it('takes who did what on which day for the opening of news copy, and sets a brief with no source line apart by it', () => {
    for (const lead of ['市长李明25日在市民之家会见来访的友好城市代表团。', '区委书记王刚22日在区政府会见前来考察的企业代表。', '2月25日，记者从市交通局获悉'])
      assert.ok(isNewsOpening(lead), lead);
    for (const text of ['他25日晚才回到家，一进门就忙着张罗年夜饭。', '李明表示，两市结为友好城市以来，各领域合作成果丰硕。', '代表团团长说，愿同我市加强合作，定于26日启程回国。'])
      assert.ok(!isNewsOpening(text), text);
    // PDF-like: no indents, a blank line after every paragraph, and the brief has lost its source line; its lead is one such opening.
    const text = [
      '湖畔新城与友好城市签署合作协议',
      '',
      '本报讯 (记者 李明)湖畔新城与滨江市25日在市民之家签署友好城市合作协议,双方将在产业、教育和文化旅游等领域开展合作。',
      '',
      '根据协议,两地将共建产业园区,互派干部挂职交流,并每年举办一次文化旅游推介活动,推动两地合作不断取得新进展。',
      '',
      '滨江市代表团表示,愿与湖畔新城加强在新能源、现代物流等领域的交流合作。',
      '',
      '地铁八号线三期完成调试',
      '',
      '市地铁集团25日宣布,地铁八号线三期工程已完成全部系统调试,将于下月开通试运营。',
      '',
      '八号线三期全长十二公里,设车站九座,开通后湖畔新城到火车站的乘车时间将缩短一半。',
      '',
    ].join('\n');
    const blocks = readPage(text, { segmenter: jieba() }).pages[0]!.blocks;
    assert.deepEqual(
      blocks.map((b) => b.headline.map((h) => h.text)),
      [['湖畔新城与友好城市签署合作协议'], ['地铁八号线三期完成调试']],
    );
  });
});

describe('one-file issues', () => {
  const a = readFileSync(join(ROOT, 'test', 'pages', 'rmrb-01.txt'), 'utf8');
  const b = readFileSync(join(ROOT, 'test', 'pages', 'rmrb-02.txt'), 'utf8');

  it('splits pages at page lines and names each page by it', () => {
    const model = readPage(a + '\n' + b, { segmenter: jieba() });
    assert.deepEqual(
      model.pages.map((p) => [p.ref?.number, p.ref?.label, p.blocks.length]),
      [
        [1, '第1版 要闻', 7],
        [2, '第2版 要闻', 2],
      ],
    );
    const entries = outline(model);
    assert.deepEqual(
      entries.map((e) => [e.kind, e.name]),
      [
        ['page', '第1版 要闻'],
        ['page', '第2版 要闻'],
      ],
    );
    assert.equal(entries[1]!.children[0]!.kind, 'continuation');
  });

  it('accepts the other page-line forms', () => {
    for (const [line, number, section] of [
      ['02版:要闻', 2, undefined],
      ['第A05版:要闻', 5, 'A'],
      ['A02 要闻', 2, 'A'],
      ['第二版', 2, undefined],
      ['01版', 1, undefined],
    ] as const) {
      const model = readPage(`${line}\n\n测试新闻标题\n\n本报讯（记者 王五）这是一段正文，内容完整。\n`, {});
      assert.equal(model.pages[0]!.ref?.number, number, line);
      assert.equal(model.pages[0]!.ref?.section, section, line);
    }
  });
});

describe('page names from file names', () => {
  it('reads 01.txt, A02.txt, 第二版.txt, page-3.txt and 2版.txt', () => {
    const cases: Array<[string, number, string | undefined]> = [
      ['issue/01.txt', 1, undefined],
      ['A02.txt', 2, 'A'],
      ['第二版.txt', 2, undefined],
      ['page-3.txt', 3, undefined],
      ['2版.txt', 2, undefined],
      ['/x/cjrb-2026-01-08/07.np.txt', 7, undefined],
    ];
    for (const [file, number, section] of cases) {
      const ref = pageRefFromFileName(file);
      assert.equal(ref?.number, number, file);
      assert.equal(ref?.section, section, file);
    }
    assert.equal(pageRefFromFileName('notes.txt'), undefined);
    // A date is not a page number.
    assert.equal(pageRefFromFileName('2026-01-08.txt'), undefined);
    assert.equal(pageRefFromFileName('p7-final.txt', /^p(\d+)/)?.number, 7);
  });
});
