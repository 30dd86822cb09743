/**
 * Fix-all of a one-file issue worked out page by page must be the fix-all
 * of the whole text, and after an edit on one page it must read that page
 * alone again.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/fixes/edits';
import { fixAll } from '../../server/src/fixes/fixAll';
import { pagedFixAll } from '../../server/src/fixes/pagedFixAll';
import { staysOnePage } from '../../server/src/model/pageChunks';
import { PagedAnalyzer, type PagedOptions } from '../../server/src/pagedAnalysis';
import type { Segmenter } from '../../server/src/segment/segmenter';
import { WorkspaceSession } from '../../server/src/workspace/session';
import { ROOT, readCorpusPage } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';

const own = (name: string) => readFileSync(join(ROOT, 'test', 'pages', name), 'utf8');

function issues(): Array<[string, string]> {
  const corpus = readCorpusPage();
  return [
    ['corpus pages under page lines', `第1版 要闻\n\n${corpus}\n第2版 要闻\n\n${corpus}\n02版:城市\n${corpus}`],
    ['masthead above the first page line', own('rmrb-01.txt') + '\n' + own('rmrb-02.txt') + '\n' + own('defects.txt')],
    ['CRLF', (own('rmrb-01.txt') + '\n' + own('defects.txt')).replace(/\n/g, '\r\n')],
  ];
}

/** Fix-all as it was before pages: every pass reads the whole text. */
function wholeText(text: string, segmenter: Segmenter) {
  const options: PagedOptions = { segmenter, config: {}, fileName: 'issue.txt' };
  return fixAll(text, (t) => new PagedAnalyzer().analyze(t, options).findings());
}

describe('fix-all page by page', () => {
  for (const [name, text] of issues()) {
    it(`equals the whole text's fix-all: ${name}`, () => {
      const session = new WorkspaceSession({ segmenter: () => jieba() });
      const uri = 'file:///nowhere/issue.txt';
      session.openDocument(uri, 1, text);
      assert.ok(session.document(uri)!.analysis.chunks.length > 1, 'the issue has pages');
      const whole = wholeText(text, jieba());
      assert.ok(whole.fixed > 0, 'there is something to fix');
      for (const rule of [undefined, 'broken-wrap'] as const) {
        const paged = session.fixAll(uri, rule)!;
        const expected = rule ? fixAll(text, (t) => new PagedAnalyzer().analyze(t, { segmenter: jieba(), config: {}, fileName: 'issue.txt' }).findings(), { rule }) : whole;
        assert.equal(paged.text, expected.text, `${rule ?? 'every rule'}: the same text`);
        assert.equal(applyEdits(text, paged.edits), expected.text, 'its edits make that text');
        assert.equal(paged.fixed, expected.fixed);
        assert.deepEqual(paged.byRule, expected.byRule);
        assert.equal(paged.unapplied, expected.unapplied);
      }
    });
  }

  it('after an edit on one page, reads only that page again', () => {
    const text = issues()[0]![1];
    const analyzer = new PagedAnalyzer();
    const options: PagedOptions = { segmenter: jieba(), config: {}, fileName: 'issue.txt' };
    const pagesOf = (t: string) => analyzer.analyze(t, options).chunks.map((c) => ({ text: c.model.text, start: c.chunk.start, findings: c.findings }));
    const asked: number[] = [];
    const readAgain = (t: string, index: number) => (asked.push(index), new PagedAnalyzer().analyze(t, options).chunks[0]!.findings);
    const first = pagedFixAll(text, pagesOf(text), readAgain)!;
    assert.deepEqual([...new Set(asked)], [0, 1, 2], 'every page had fixes to make');
    assert.equal(first.text, wholeText(text, jieba()).text);
    // A character typed into the last page's body: the other two pages' fix-alls are remembered.
    const at = text.lastIndexOf('。');
    const edited = text.slice(0, at) + '的' + text.slice(at);
    asked.length = 0;
    const after = pagedFixAll(edited, pagesOf(edited), readAgain)!;
    assert.deepEqual([...new Set(asked)], [2], 'only the edited page is read again');
    assert.equal(after.text, wholeText(edited, jieba()).text);
  });

  it('leaves a page whose fixes would move a page line to the whole text', () => {
    const text = issues()[0]![1];
    const session = new WorkspaceSession({ segmenter: () => jieba() });
    const uri = 'file:///nowhere/issue.txt';
    session.openDocument(uri, 1, text);
    const { chunks } = session.document(uri)!.analysis;
    const pages = chunks.map((c) => ({ text: c.model.text, start: c.chunk.start, findings: c.findings }));
    let asked = 0;
    const split = pagedFixAll(text, pages, () => (asked++, undefined));
    assert.ok(asked > 0);
    assert.equal(split, undefined, 'a page that no longer reads as one page is not fixed apart');
  });

  it('knows when a fixed page no longer stands as the same page', () => {
    const page = '第2版 要闻\n\n春耕新闻标题\n\n本报讯 今年全市春播面积稳中有增。\n';
    assert.ok(staysOnePage(page, false, true));
    assert.ok(!staysOnePage(page.replace('第2版 要闻\n\n', ''), false, true), 'its page line is gone: it joins the page above');
    assert.ok(!staysOnePage(page + '第3版 要闻\n', false, true), 'a page line more: two pages');
    assert.ok(!staysOnePage(page.trimEnd(), false, true), 'its last line break is gone: the next page line no longer starts a line');
    assert.ok(staysOnePage(page.trimEnd(), false, false), 'the last page of a file may end without one');
    assert.ok(staysOnePage('人民日报\n' + page, true, true), 'the first page may have a masthead above its page line');
  });
});
