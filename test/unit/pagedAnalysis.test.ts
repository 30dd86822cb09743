/**
 * The paged (incremental) analysis must say exactly what a whole-text
 * analysis says: findings, outline, folds and what the issue index keeps,
 * and after an edit it must read only the page the edit touched.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, findAll, namingOf, readModel } from '../../server/src/analysis';
import { folds } from '../../server/src/folding';
import { summarizePages } from '../../server/src/issue/pageSummary';
import { pageChunks, rechunk } from '../../server/src/model/pageChunks';
import { outline } from '../../server/src/outline';
import { PagedAnalyzer } from '../../server/src/pagedAnalysis';
import { cachedSegmenter, type Segmenter } from '../../server/src/segment/segmenter';
import { LineIndex } from '../../server/src/text/positions';
import { Random } from '../helpers/random';
import { ROOT, readCorpusPage } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';

const own = (name: string) => readFileSync(join(ROOT, 'test', 'pages', name), 'utf8');

function issues(): Array<[string, string]> {
  const corpus = readCorpusPage();
  return [
    ['one page, no page lines', corpus],
    ['corpus pages under page lines', `第1版 要闻\n\n${corpus}\n第2版 要闻\n\n${corpus}\n02版:城市\n${corpus}`],
    ['masthead above the first page line', own('rmrb-01.txt') + '\n' + own('rmrb-02.txt') + '\n' + own('defects.txt')],
    ['an article above the first page line', `春耕新闻标题\n\n本报讯（记者 王五）今年全市春播面积稳中有增。\n\n${own('rmrb-01.txt')}\n${own('rmrb-02.txt')}`],
    ['CRLF', (own('rmrb-01.txt') + '\n' + own('rmrb-02.txt')).replace(/\n/g, '\r\n')],
  ];
}

const paged = (text: string, segmenter: Segmenter = jieba()) => new PagedAnalyzer().analyze(text, { segmenter, config: {}, fileName: 'issue.txt' });

/** A segmenter that counts the windows it is asked about. */
function counting(): { segmenter: Segmenter; windows: string[] } {
  const windows: string[] = [];
  // Parts of speech go through too: without them the page is read on fewer cues than the whole-text analysis reads it on.
  return { windows, segmenter: { cut: (t) => (windows.push(t), jieba().cut(t)), tag: (t) => jieba().tag!(t) } };
}

describe('paged analysis', () => {
  for (const [name, text] of issues()) {
    it(`equals the whole-text analysis: ${name}`, () => {
      const p = paged(text);
      const whole = analyze(text, { segmenter: jieba() });
      assert.deepEqual(p.findings(), whole.findings, 'findings');
      assert.deepEqual(p.outline(), outline(whole.model), 'outline');
      assert.deepEqual(p.folds(), folds(whole.model, new LineIndex(whole.model.lines)), 'folds');
      assert.deepEqual(p.pages(), summarizePages(whole.model, findAll(whole.model, namingOf({})), new LineIndex(whole.model.lines), 'issue.txt'), 'what the index keeps');
      assert.deepEqual(p.lineIndex().lines, whole.model.lines, 'lines');
      // Ranges worked out on each page are the whole text's, and a fingerprint and a line find the finding that is there.
      const index = new LineIndex(whole.model.lines);
      const entries = (es: ReturnType<typeof outline>): Array<{ start: number; end: number }> => es.flatMap((e) => [e.span, e.selection, ...entries(e.children)]);
      const spans = [...whole.findings.flatMap((f) => [f.span, ...f.fixes.flatMap((x) => x.edits)]), ...entries(outline(whole.model))];
      for (const s of spans) assert.deepEqual(p.range(s.start, s.end), index.range(s.start, s.end), `range of ${s.start}–${s.end}`);
      for (const f of whole.findings) {
        const found = p.locate(f.fingerprint, index.position(f.span.start).line);
        assert.equal(found?.fingerprint, f.fingerprint);
        assert.equal(index.position(found.span.start).line, index.position(f.span.start).line, `${f.message}: found on its own line`);
      }
      assert.equal(p.locate('no-such-rule:0', 0), undefined);
      assert.equal(
        p.count((f) => f.rule === 'broken-wrap'),
        whole.findings.filter((f) => f.rule === 'broken-wrap').length,
      );
    });
  }

  it('cuts a one-file issue at every page line but the first', () => {
    const text = issues()[2]![1];
    const chunks = pageChunks(text);
    assert.equal(chunks.length, 3);
    assert.equal(chunks[0]!.start, 0);
    assert.ok(text.slice(chunks[1]!.start).startsWith('第2版 要闻'));
    assert.ok(text.slice(chunks[2]!.start).startsWith('第3版 城市'));
    assert.equal(chunks[2]!.line, text.slice(0, chunks[2]!.start).split('\n').length - 1);
  });

  it('cuts a new version where pageChunks does, scanning only what changed, under random edits', () => {
    const random = new Random(13);
    // Edits that make and break page lines and line ends: page lines typed, line breaks of every kind, blank lines.
    const pieces = ['第3版 要闻\n', '\n', '\r\n', '\r', '第', '版', '城市', '\n\n第4版 城市\n\n', 'A05 要闻\n', ' ', '02版:经济\n'];
    for (const [name, start] of issues()) {
      let text = start;
      let known = pageChunks(text).map((chunk) => ({ chunk, text: text.slice(chunk.start, chunk.end) }));
      for (let k = 0; k < 300; k++) {
        const at = random.int(text.length + 1);
        const cut = random.next() < 0.4 ? random.int(Math.min(40, text.length - at) + 1) : 0;
        text = text.slice(0, at) + (random.next() < 0.8 ? random.pick(pieces) : '') + text.slice(at + cut);
        const { chunks, same } = rechunk(text, known);
        assert.deepEqual(chunks, pageChunks(text), `${name}, edit ${k}`);
        chunks.forEach((c, i) => {
          const j = same[i];
          if (j !== undefined) assert.equal(text.slice(c.start, c.end), known[j]!.text, `${name}, edit ${k}: chunk ${i} said to be chunk ${j} unchanged`);
        });
        known = chunks.map((chunk) => ({ chunk, text: text.slice(chunk.start, chunk.end) }));
      }
    }
  });

  it('re-reads only the page an edit touched, for findings, outline, folds and the index alike', () => {
    const text = issues()[1]![1];
    const seen = counting();
    const analyzer = new PagedAnalyzer();
    const options = { segmenter: seen.segmenter, config: {}, fileName: 'issue.txt' };
    const before = analyzer.analyze(text, options);
    const edited = text.replace('市人大常\n', '市人大常委\n');
    seen.windows.length = 0;
    const after = analyzer.analyze(edited, options);
    after.findings();
    after.outline();
    after.folds();
    after.pages();
    assert.equal(after.chunks.length, 3);
    assert.notEqual(after.chunks[0]!.model, before.chunks[0]!.model);
    assert.equal(after.chunks[1]!.model, before.chunks[1]!.model);
    assert.equal(after.chunks[2]!.findings, before.chunks[2]!.findings);
    // Only windows of the first page were segmented, and of those only what the edit changed: the rest the document remembers.
    const firstPageWindows = counting();
    readModel(edited.slice(0, after.chunks[1]!.chunk.start), { segmenter: firstPageWindows.segmenter });
    assert.ok(seen.windows.length > 0 && seen.windows.length <= 2, `${seen.windows.length} windows segmented again`);
    assert.ok(seen.windows.every((w) => firstPageWindows.windows.includes(w)));
    assert.deepEqual(after.findings(), analyze(edited, { segmenter: jieba() }).findings);
  });

  it('segments again only what an edit changed, however many breaks the page has: no cliff past the shared cache’s size', () => {
    // Lines of running text cut at every other line: thousands of distinct windows around the breaks.
    const han =
      '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原';
    const random = new Random(3);
    const words = (n: number) => Array.from({ length: n }, () => han[random.int(han.length)]).join('');
    let text = '';
    for (let i = 0; i < 6000; i++) text += `${words(12)}\n\n${words(6)}\n`;
    const inner = counting();
    // The server's shared cache, here with a capacity the page's breaks outnumber, as 30,000 lines outnumber 20,000.
    const shared = cachedSegmenter(inner.segmenter, 1000);
    const analyzer = new PagedAnalyzer();
    analyzer.analyze(text, { segmenter: shared, config: {}, fileName: 'page.txt' });
    const first = inner.windows.length;
    assert.ok(first > 1500, `${first} windows on the page`);
    inner.windows.length = 0;
    analyzer.analyze(text.replace(/\n$/, '城\n'), { segmenter: shared, config: {}, fileName: 'page.txt' });
    assert.ok(inner.windows.length <= 2, `${inner.windows.length} of ${first} windows segmented again after one edit`);
  });

  it('names the text above the first page line for the page that follows, in the outline and the index', () => {
    const text = issues()[3]![1];
    const p = paged(text);
    assert.deepEqual(
      p.outline().map((e) => e.name),
      ['before 第1版 要闻', '第1版 要闻', '第2版 要闻'],
    );
    assert.deepEqual(
      p.pages().map((page) => page.label),
      ['before 第1版 要闻', '第1版 要闻', '第2版 要闻'],
    );
  });
});
