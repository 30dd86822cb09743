/** What the editor's export commands offer and act on, without an editor: formats, the last choice first, and the Issue Map item given. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ARTICLE_FORMATS, articleTarget, ISSUE_FORMATS, issueTarget, lastFirst } from '../../client/src/exportChoices';
import { EXPORT_FORMATS } from '../../server/src/export/outputFiles';

describe('export choices', () => {
  it('offer every format the checker writes, and the article formats but clean text', () => {
    assert.deepEqual([...new Set(ISSUE_FORMATS.map((c) => c.format))].sort(), [...EXPORT_FORMATS].sort());
    assert.deepEqual(ARTICLE_FORMATS.map((c) => c.format).sort(), ['jsonl', 'markdown', 'ninjs']);
  });

  it('put the one used last first, the others in their order', () => {
    assert.deepEqual(
      lastFirst(['a', 'b', 'c'], (x) => x === 'c'),
      ['c', 'a', 'b'],
    );
    assert.deepEqual(
      lastFirst(['a', 'b', 'c'], (x) => x === 'z'),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(lastFirst(['a', 'b', 'c'], undefined), ['a', 'b', 'c']);
  });

  it('read the issue or article from the Issue Map item a menu passes, and nothing from anything else', () => {
    const article = { kind: 'article', article: { uri: 'file:///i/02.txt', selection: { start: { line: 4, character: 0 }, end: { line: 4, character: 9 } } } };
    assert.equal(issueTarget({ kind: 'issue', issue: { id: 'file:///i', name: 'i' } }), 'file:///i');
    assert.equal(issueTarget({ kind: 'page', page: { uri: 'file:///i/01.txt' } }), 'file:///i/01.txt');
    assert.equal(issueTarget(article), 'file:///i/02.txt');
    assert.deepEqual(articleTarget(article), { uri: 'file:///i/02.txt', position: { line: 4, character: 0 } });
    for (const other of [undefined, null, 'file:///x', { kind: 'issue' }, { kind: 'page', page: {} }, 42]) {
      assert.equal(issueTarget(other), undefined);
      assert.equal(articleTarget(other), undefined);
    }
  });
});
