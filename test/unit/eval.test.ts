/**
 * The accuracy harness (npm run eval) on a corpus the project owns: pages
 * built and rendered as the corpus-dev format asks, damage planted where its
 * labels say, and the score counting what the checker got right and wrong.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Random } from '../helpers/random';
import { ROOT } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';
import { checkIssue } from '../eval/check';
import { readCorpus } from '../eval/corpus';
import { runHeldOut } from '../eval/heldout';
import { buildIssues, runEval } from '../eval/main';
import { plantCuts, plantMisplacedMarker, plantSourceRemoval, plantSpread } from '../eval/plant';
import { renderPage } from '../eval/render';
import { elementary, emptyScore, precision, recall, scorePage } from '../eval/score';
import { pageSpec, RENDERINGS } from '../eval/spec';
import { Words } from '../eval/words';

const FIXTURE = join(ROOT, 'test', 'eval', 'fixture', 'np-2026-03');
const words = new Words();

describe('eval harness: corpus', () => {
  it('groups articles into pages and issues in order, and leaves out an advertisement', () => {
    const corpus = readCorpus(FIXTURE);
    assert.deepEqual(
      corpus.issues.map((i) => [i.date, i.pages.map((p) => [p.page, p.articles.map((a) => a.order)])]),
      [
        [
          '20260301',
          [
            [1, [1, 2]],
            [2, [1, 2]],
          ],
        ],
        [
          '20260302',
          [
            [1, [1, 2]],
            [2, [1, 2]],
          ],
        ],
      ],
    );
    assert.deepEqual(corpus.skipped, [{ id: '20260301-01-03', reason: 'no text under the headline' }]);
    const a = corpus.issues[0]!.pages[1]!.articles[0]!;
    assert.deepEqual([a.kicker, a.main, a.sub], ['社区服务', '家门口的卫生服务中心投入使用', '居民看病不再跑远路']);
  });
});

describe('eval harness: renderings', () => {
  const page = readCorpus(FIXTURE).issues[0]!.pages[0]!;

  it('gives the e-paper its CRLF, indents and no-break spaces, articles apart by a blank line', () => {
    const r = renderPage(
      pageSpec('epaper', page.date, page.page, page.articles, () => false),
      'epaper',
    );
    const lines = r.text.split('\r\n');
    assert.equal(lines[0], '春季植树活动在全市展开');
    assert.equal(lines[1], '');
    assert.ok(lines[2]!.startsWith('\u3000\u3000本报讯\u00a0（记者林晓）'));
    assert.deepEqual(
      r.truth.articles.map((a) => a.startLine),
      [0, 9],
    );
    assert.equal(r.truth.halfwidth.size, 0);
  });

  it('gives the PDF-like rendering no indents, a blank line after every line, ASCII , ; : ( ) and decks joined by a space', () => {
    const r = renderPage(
      pageSpec('pdf', page.date, page.page, page.articles, () => true),
      'pdf',
    );
    const lines = r.text.split('\n');
    assert.equal(lines[2], '本报讯 (记者林晓)3月1日,全市春季义务植树活动在江滩公园启动,两千多名市民和志愿者一起栽下樱花、香樟等树苗一万余株。');
    for (let i = 1; i < lines.length - 1; i += 2) assert.equal(lines[i], '', `line ${i + 1}`);
    assert.ok(!/^[\u3000\u00a0 ]/m.test(r.text));
    for (const [at, was] of r.truth.halfwidth) assert.equal({ ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' }[r.text[at]!], was);
    const other = readCorpus(FIXTURE).issues[0]!.pages[1]!;
    const joined = renderPage(
      pageSpec('pdf', other.date, other.page, other.articles, () => true),
      'pdf',
    );
    assert.equal(joined.text.split('\n')[0], '社区服务 家门口的卫生服务中心投入使用');
  });
});

describe('eval harness: a deck of main headline and subhead joined on one line', () => {
  it('joins the two lines there are, with no kicker', () => {
    const article = { id: '20260301-01-01', date: '20260301', page: 1, order: 1, kicker: '', main: '春季植树活动在全市展开', sub: '——两千多名市民参加', body: ['正文。'] };
    const spec = pageSpec('pdf', '20260301', 1, [article], () => true);
    assert.deepEqual(
      spec.articles[0]!.deck.map((d) => d.text),
      ['春季植树活动在全市展开 ——两千多名市民参加'],
    );
  });
});

describe('eval harness: planted damage', () => {
  for (const rendering of RENDERINGS) {
    it(`labels every planted cut, spread, marker and removed source line where it is (${rendering})`, () => {
      const built = buildIssues(FIXTURE, rendering, words, 7);
      const kinds = new Set<string>();
      for (const issue of built.issues) {
        issue.damaged.forEach((damaged) => {
          const { text, truth } = damaged;
          for (const c of truth.cuts) {
            kinds.add('cut');
            assert.match(text.slice(c.gap.start, c.gap.end), /^(\r?\n){2,4}$/);
          }
          for (const s of truth.spreads) for (const at of s.spaces) assert.equal(text[at], ' ');
          for (const m of truth.markers) assert.match(text.slice(m.span.start, m.span.end), /^[（(](下转|上接)第?[一二三四五六七八九十0-9]+版[）)]$/);
          const lines = text.split(/\r?\n/);
          for (const a of truth.articles) assert.equal(lines[a.startLine], a.deck[0]);
        });
      }
      assert.ok(kinds.has('cut'));
    });
  }

  it('plants each kind where it is asked to, and joining a cut gives the paragraph back', () => {
    const corpus = readCorpus(FIXTURE);
    const issue = corpus.issues[0]!;
    const spec = pageSpec('pdf', issue.date, 1, issue.pages[0]!.articles, () => false);
    const clean = spec.articles.map((a) => a.paras.map((p) => p.text));
    const rnd = new Random(3);
    plantCuts(spec, rnd, words);
    plantSpread(spec, rnd, words);
    plantSourceRemoval(spec, rnd);
    plantMisplacedMarker(spec, [spec], rnd);
    const r = renderPage(spec, 'pdf');
    assert.ok(r.truth.cuts.length >= 2);
    const healed = r.truth.cuts.reduceRight((t, c) => t.slice(0, c.gap.start) + t.slice(c.gap.end), r.text);
    for (const paras of clean)
      for (const p of paras.slice(1)) assert.ok(healed.includes(p.replace(/[，；：（）]/g, (c) => ({ '，': ',', '；': ';', '：': ':', '（': '(', '）': ')' })[c]!)), p);
    assert.equal(r.truth.spreads.length, 1);
    assert.equal(r.truth.markers.length, 1);
    assert.equal(r.truth.articles.filter((a) => a.sourceRemoved).length, 1);
  });
});

describe('eval harness: score', () => {
  it('counts nothing against a clean page the checker finds nothing on, and every planted cut it misses', () => {
    const built = buildIssues(FIXTURE, 'pdf', words, 7);
    const pages = built.issues[0]!.damaged;
    const checked = checkIssue(pages, jieba());
    const silent = checked.map((c) => ({ ...c, found: [] }));
    const score = emptyScore();
    for (const c of silent) scorePage(c, score);
    const planted = pages.reduce((n, p) => n + p.truth.cuts.length, 0);
    assert.equal(score.rules['broken-wrap'].fn, planted);
    assert.equal(score.rules['broken-wrap'].fp, 0);
    assert.equal(recall(score.rules['broken-wrap']), planted === 0 ? 1 : 0);
  });

  it('counts a finding at a planted cut with a join of exactly its gap as right, and one elsewhere as wrong', () => {
    const built = buildIssues(FIXTURE, 'pdf', words, 7);
    const page = built.issues.flatMap((i) => i.damaged).find((p) => p.truth.cuts.length > 0)!;
    const [checked] = checkIssue([page], jieba());
    const cut = page.truth.cuts[0]!;
    const join = { start: cut.gap.start, end: cut.gap.end, newText: '' };
    // A paragraph break the checker would join: the first one that is not a planted cut.
    const at = [...page.text.matchAll(/\n\n/g)].map((m) => m.index!).find((i) => !page.truth.cuts.some((c) => c.gap.start === i))!;
    const elsewhere = { start: at, end: at + 2, newText: '' };
    const found = [
      { rule: 'broken-wrap' as const, severity: 'warning' as const, span: cut.gap, message: '', proposed: [join], crossPage: false },
      { rule: 'broken-wrap' as const, severity: 'warning' as const, span: { start: at, end: at + 2 }, message: '', proposed: [elsewhere], crossPage: false },
    ];
    const score = emptyScore();
    scorePage({ ...checked!, found, fixAll: [join, elsewhere].sort((a, b) => a.start - b.start) }, score);
    assert.equal(score.rules['broken-wrap'].tp, 1);
    assert.equal(score.rules['broken-wrap'].fp, 1);
    assert.equal(precision(score.rules['broken-wrap']), 0.5);
    assert.deepEqual(score.fixes.byRule['broken-wrap'], { applied: 2, correct: 1 });
    assert.equal(score.falseAlarms['broken-wrap'], 1);
  });

  it('counts a start read on the headline of a brief in a column the corpus keeps as one article apart, neither right nor wrong', () => {
    // Two briefs in one corpus article, each closed by its own credit: on the page the second is an article of its own.
    const column = {
      id: '20260301-01-01',
      date: '20260301',
      page: 1,
      order: 1,
      kicker: '',
      main: '湖畔新城简讯',
      sub: '',
      body: [
        '湖畔新城首座跨湖大桥昨日合龙，全长一千二百米，预计年底通车。',
        '（本报东湖电）',
        '南岸码头改造完工',
        '南岸码头改造工程日前完工，新增泊位六个，可同时停靠游船二十艘。',
        '（据湖畔新城电  记者欧阳明）',
      ],
    };
    for (const rendering of RENDERINGS) {
      const page = renderPage(
        pageSpec(rendering, column.date, 1, [column], () => false),
        rendering,
      );
      const lines = page.text.split(/\r?\n/);
      assert.deepEqual(
        page.truth.pieces.map((l) => lines[l]),
        ['南岸码头改造完工'],
        rendering,
      );
      const [checked] = checkIssue([page], jieba());
      const score = emptyScore();
      scorePage(checked!, score);
      assert.deepEqual([score.starts, score.pieceStarts], [{ tp: 1, fp: 0, fn: 0 }, 1], rendering);
    }
  });

  it('splits an edit fix-all composed back into the fixes it is made of, and keeps one that inserts text whole', () => {
    // A cut joined and a half-width comma beside it, composed by fix-all into one edit.
    const text = '改革,\n\n开放 标 题';
    assert.deepEqual(elementary(text, { start: 2, end: 7, newText: '，开放' }), [
      { start: 2, end: 3, newText: '，' },
      { start: 3, end: 5, newText: '' },
    ]);
    assert.deepEqual(elementary(text, { start: 8, end: 11, newText: '标题' }), [{ start: 9, end: 10, newText: '' }]);
    const byline = { start: 0, end: 0, newText: '本报讯（记者 ）' };
    assert.deepEqual(elementary(text, byline), [byline]);
  });

  it('runs end to end on the fixture and accounts for every planted label', () => {
    const result = runEval(FIXTURE, { seed: 7 });
    for (const r of RENDERINGS) {
      const d = result.scores[r].damaged;
      const cuts = d.cuts['mid-word'].of + d.cuts['between-words'].of;
      assert.equal(d.rules['broken-wrap'].tp + d.rules['broken-wrap'].fn, cuts);
      assert.equal(d.starts.tp + d.starts.fn, d.articles);
      assert.equal(result.scores[r].clean.pages, 4);
    }
  });
});

describe('eval harness: held out', () => {
  it('reads each half of the days with weights fitted on the other, and scores every page once', () => {
    const whole = runEval(FIXTURE, { seed: 7 });
    const lines: string[] = [];
    const held = runHeldOut(FIXTURE, { seed: 7, epochs: 1, log: (l) => lines.push(l) });
    assert.deepEqual(lines, ['days 1–1 read with weights fitted on days 2–2', 'days 2–2 read with weights fitted on days 1–1']);
    for (const r of RENDERINGS) {
      for (const kind of ['clean', 'damaged'] as const) {
        assert.equal(held.scores[r][kind].pages, whole.scores[r][kind].pages, `${r} ${kind}`);
        assert.equal(held.scores[r][kind].articles, whole.scores[r][kind].articles, `${r} ${kind}`);
      }
      const d = held.scores[r].damaged;
      assert.equal(d.starts.tp + d.starts.fn, d.articles);
    }
  });
});
