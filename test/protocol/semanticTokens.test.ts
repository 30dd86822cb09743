/**
 * Semantic tokens from the built server: the roles the page model read, on
 * the corpus page and on a one-file issue, where each page's tokens stand
 * under its own page line.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CORPUS_PAGE, ROOT, readCorpusPage } from '../helpers/repo';
import { startSession, type Session } from '../helpers/lspSession';

interface Token {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: string;
}

async function tokensOf(session: Session, uri: string, text: string): Promise<Token[]> {
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'newsprint', version: 1, text } });
  const legend = (session.initialize.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
  const { data } = (await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as { data: number[] };
  const out: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
    out.push({ line, character, length: data[i + 2]!, type: legend.tokenTypes[data[i + 3]!]! });
  }
  return out;
}

/** What each token covers, as `type: text`, on a 1-based line. */
function shown(tokens: readonly Token[], lines: readonly string[], line: number): string[] {
  return tokens.filter((t) => t.line === line - 1).map((t) => `${t.type}: ${lines[t.line]!.slice(t.character, t.character + t.length)}`);
}

describe('semantic tokens', () => {
  let session: Session;
  before(async () => {
    session = await startSession({ pull: true });
  });
  after(() => session.close());

  it('give the corpus page’s headlines, source lines, subheadings, captions, markers and teaser their roles, and running text none', async () => {
    const text = readCorpusPage();
    const lines = text.split('\n');
    const tokens = await tokensOf(session, pathToFileURL(CORPUS_PAGE).href, text);
    assert.deepEqual(shown(tokens, lines, 3), ['headline: 八部门印发《“人工智能+制造”专项行动实施意见》 2027年关键核心技术实现安全可靠供给']);
    assert.deepEqual(shown(tokens, lines, 25), ['subheading: 城市更新和在空中地上建城是两码事,老办法行不通']);
    assert.deepEqual(shown(tokens, lines, 31), ['caption: 百年咸安坊成为热门拍照打卡地。']);
    assert.deepEqual(shown(tokens, lines, 51), ['continuationMarker: (下转第二版)']);
    // The source line that opens the lead paragraph, and nothing of the paragraph after it.
    assert.deepEqual(shown(tokens, lines, 57), ['sourceLine: 长江日报讯(记者高萌 通讯员王晓珊)']);
    assert.deepEqual(shown(tokens, lines, 59), [], 'running text has no token');
    assert.ok(shown(tokens, lines, 147)[0]?.startsWith('teaser: '), 'the teaser box is a teaser');
    // One line each, in order, never overlapping, inside their lines.
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      assert.ok(t.length > 0 && t.character + t.length <= lines[t.line]!.length, `token ${i} lies inside line ${t.line + 1}`);
      const prev = tokens[i - 1];
      if (prev) assert.ok(prev.line < t.line || prev.character + prev.length <= t.character, `token ${i} comes after the one before it`);
    }
  });

  it('stand under each page’s own page line in a one-file issue', async () => {
    const page2 = readFileSync(join(ROOT, 'test', 'pages', 'rmrb-02.txt'), 'utf8');
    const text = readFileSync(join(ROOT, 'test', 'pages', 'rmrb-01.txt'), 'utf8') + '\n' + page2;
    const lines = text.split('\n');
    const tokens = await tokensOf(session, 'file:///archive/rmrb-2026-03-05.txt', text);
    const second = lines.indexOf('第2版 要闻') + 1;
    assert.ok(second > 1);
    assert.deepEqual(shown(tokens, lines, second), ['pageLine: 第2版 要闻']);
    // Page 2's continued part opens with its arriving marker, placed on page 2's lines.
    const arriving = lines.findIndex((l) => l.startsWith('（上接第一版）')) + 1;
    assert.equal(shown(tokens, lines, arriving)[0], 'continuationMarker: （上接第一版）');
  });
});
