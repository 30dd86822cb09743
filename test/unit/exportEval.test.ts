/**
 * The export's accuracy harness (npm run eval:export) on the corpus the
 * project owns: pages built from one article per file, exported, and each
 * source article looked for among the records; the score tells an exact
 * record from a split, a merge and a different text.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ExportedArticle } from '../../server/src/export/exportedIssue';
import { emptyExportScore, evalExport, exportPages, OUTCOMES, recordText, scoreExported, sourceArticles, sourceText } from '../eval/exportAccuracy';
import { buildIssues } from '../eval/main';
import { RENDERINGS } from '../eval/spec';
import { Words } from '../eval/words';
import { ROOT } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';

const FIXTURE = join(ROOT, 'test', 'eval', 'fixture', 'np-2026-03');
const words = new Words();

describe('export eval', () => {
  it('scores every source article of both renderings, clean and damaged, once', () => {
    const result = evalExport(FIXTURE, RENDERINGS, words, jieba(), 7);
    for (const r of RENDERINGS) {
      for (const s of [result.scores[r].clean, result.scores[r].damaged]) {
        assert.equal(s.pages, 4);
        assert.equal(s.articles, 8, 'the fixture’s eight articles (the advertisement left out)');
        assert.equal(
          OUTCOMES.reduce((n, o) => n + s.outcomes[o], 0),
          s.articles,
        );
        assert.ok(s.records > 0 && s.seconds > 0);
      }
      assert.ok(result.scores[r].damaged.jumps.of > 0, 'jumps are planted between pages');
    }
  });

  it('counts a record equal to its article as exact, and tells a split and a changed text from it', () => {
    const sources = sourceArticles(FIXTURE);
    const pages = buildIssues(FIXTURE, 'epaper', words, 7).issues[0]!.clean;
    const exported = exportPages(pages, jieba());
    const first = exported.issue.articles[0]!;
    const truth = pages[0]!.truth.articles[0]!;
    assert.equal(recordText(first), sourceText(sources.get(truth.id)!), 'the first record is the first article');
    const score = (articles: ExportedArticle[]) => {
      const s = emptyExportScore();
      scoreExported(pages.slice(0, 1), sources, { ...exported, issue: { ...exported.issue, articles } }, s);
      return s.outcomes;
    };
    const page1 = exported.issue.articles.filter((a) => a.pages[0] === 0);
    assert.equal(score(page1).exact, 2);
    const split: ExportedArticle[] = [{ ...first, body: first.body.slice(0, 1) }, { ...first, id: 'x', headlines: [], body: first.body.slice(1) }, ...page1.slice(1)];
    assert.deepEqual([score(split).split, score(split).exact], [1, 1]);
    const shorter = [{ ...first, body: first.body.slice(0, -1) }, ...page1.slice(1)];
    assert.deepEqual([score(shorter).differs, score(shorter).exact], [1, 1]);
  });
});
