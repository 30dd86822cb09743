/** The paged (incremental) analysis must say exactly what a whole-text analysis says. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/analysis';
import { pageChunks } from '../../server/src/model/pageChunks';
import { PagedAnalyzer } from '../../server/src/pagedAnalysis';
import { ROOT, readCorpusPage } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';

const own = (name: string) => readFileSync(join(ROOT, 'test', 'pages', name), 'utf8');

function issues(): Array<[string, string]> {
  const corpus = readCorpusPage();
  return [
    ['one page, no page lines', corpus],
    ['corpus pages under page lines', `第1版 要闻\n\n${corpus}\n第2版 要闻\n\n${corpus}\n02版:城市\n${corpus}`],
    ['masthead above the first page line', own('rmrb-01.txt') + '\n' + own('rmrb-02.txt') + '\n' + own('defects.txt')],
    ['CRLF', (own('rmrb-01.txt') + '\n' + own('rmrb-02.txt')).replace(/\n/g, '\r\n')],
  ];
}

describe('paged analysis', () => {
  for (const [name, text] of issues()) {
    it(`equals the whole-text analysis: ${name}`, () => {
      const options = { segmenter: jieba(), config: { maxProblems: Infinity } };
      const whole = analyze(text, options).findings;
      const paged = new PagedAnalyzer().analyze(text, options).findings();
      assert.deepEqual(paged, whole);
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

  it('re-reads only the page an edit touched', () => {
    const text = issues()[1]![1];
    const analyzer = new PagedAnalyzer();
    const options = { segmenter: jieba(), config: { maxProblems: Infinity } };
    const before = analyzer.analyze(text, options);
    const edited = text.replace('市人大常\n', '市人大常委\n');
    const after = analyzer.analyze(edited, options);
    assert.equal(after.chunks.length, 3);
    assert.notEqual(after.chunks[0]!.result, before.chunks[0]!.result);
    assert.equal(after.chunks[1]!.result.model, before.chunks[1]!.result.model);
    assert.equal(after.chunks[2]!.result.findings, before.chunks[2]!.result.findings);
    assert.deepEqual(after.findings(), analyze(edited, options).findings);
  });

  it('applies maxProblems across pages and counts the rest', () => {
    const text = issues()[1]![1];
    const paged = new PagedAnalyzer().analyze(text, { segmenter: jieba(), config: { maxProblems: 20 } });
    const whole = analyze(text, { segmenter: jieba(), config: { maxProblems: 20 } });
    assert.equal(paged.kept.length, 20);
    assert.ok(whole.omitted > 20);
    assert.equal(paged.omitted, whole.omitted);
    assert.deepEqual(paged.findings(), whole.findings);
  });
});
