/** What the issue map shows for each node, from the map the server sends for the corpus issue. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { articleText, issueText, jumpLabel, needsAttention, pageText, problemsOnly, readIssueMap } from '../../client/src/issueMapText';
import { IssueIndex } from '../../server/src/issue/issueIndex';
import { issueMap } from '../../server/src/issue/issueMap';
import { indexedFile } from '../helpers/indexed';
import { CORPUS } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';

function corpusMap() {
  const index = new IssueIndex();
  for (const name of ['01.txt', '02.txt']) {
    const path = join(CORPUS, 'cjrb-2026-01-08', name);
    index.set(indexedFile(pathToFileURL(path).href, readFileSync(path, 'utf8'), jieba()));
  }
  // Through JSON, as the map travels to the client.
  return readIssueMap(JSON.parse(JSON.stringify(issueMap(index, () => ({ analysis: {}, crossPage: { level: 'warning', missingPage: 'off' } }), false))))!;
}

describe('the issue map as the explorer shows it', () => {
  const map = corpusMap();
  const [one, two] = map.issues[0]!.pages;

  it('names the issue by its folder and counts its pages, articles, broken jumps and problems', () => {
    const t = issueText(map.issues[0]!);
    assert.equal(t.label, 'cjrb-2026-01-08');
    assert.match(t.description, /^2 pages · 16 articles · 2 broken jumps · \d+ problems$/);
    assert.equal(t.icon.id, 'book');
  });

  it('shows each page by its number with its file beside it', () => {
    const t = pageText(one!);
    assert.equal(t.label, '1版');
    assert.match(t.description, /^01\.txt · 8 articles · 1 broken jump · \d+ problems$/);
  });

  it('marks a matched jump, a broken one, and a clean article', () => {
    const city = articleText(one!.articles[1]!);
    assert.match(city.description, /^→ 2版 · \d+ problems?$/);
    assert.equal(city.icon.id, 'warning');
    const council = articleText(one!.articles[6]!);
    assert.match(council.description, /^→ 2版 ✗ · \d+ problems?$/);
    assert.equal(council.icon.id, 'debug-disconnect');
    assert.match(council.tooltip, /\(下转第二版\) continues on 2版: no continued part on 2版 repeats this headline/);
    const own = articleText(two!.articles[7]!);
    assert.equal(own.label, '市政协委员建言“人工智能+”赋能产业升级');
    assert.equal(own.description, '');
    assert.deepEqual(own.icon, { id: 'pass', color: 'testing.iconPassed' });
    assert.match(own.tooltip, /^\*\*市政协委员建言“人工智能\+”赋能产业升级\*\*\n\narticle · 长江日报讯\(记者梁爽\) · \d+字\n\nNo open problems\.$/);
  });

  it('filtered to problems, keeps exactly the articles with an open problem or a broken jump, and the pages that hold them', () => {
    const all = map.issues[0]!.pages.flatMap((p) => p.articles);
    const kept = problemsOnly(map).issues[0]!.pages.flatMap((p) => p.articles);
    assert.ok(kept.length > 0 && kept.length < all.length, 'some articles are clean, some are not');
    assert.deepEqual(
      kept.map((a) => a.name),
      all.filter((a) => a.problems > 0 || a.jumps.some((j) => j.status === 'broken')).map((a) => a.name),
    );
    assert.ok(kept.includes(one!.articles[6]!), 'the article whose jump is broken stays');
    assert.ok(!kept.includes(two!.articles[7]!), 'the clean one goes');
    assert.equal(needsAttention(two!.articles[7]!), false);
    // A page with nothing to look at, and an issue with no such page, are left out.
    const clean = { ...map, issues: [{ ...map.issues[0]!, pages: [{ ...two!, articles: [two!.articles[7]!] }] }] };
    assert.deepEqual(problemsOnly(clean).issues, []);
  });

  it('labels continued parts and where they come from', () => {
    const t = articleText(two!.articles[0]!);
    assert.match(t.description, /^continued part · ← 1版/);
    assert.equal(jumpLabel({ direction: 'onward', page: '3版', marker: '(下转第三版)', status: 'unchecked' }), '→ 3版 ?');
  });

  it('refuses a map of another shape', () => {
    assert.equal(readIssueMap({ issues: [{ name: 1 }] }), undefined);
    assert.equal(readIssueMap(null), undefined);
  });
});
