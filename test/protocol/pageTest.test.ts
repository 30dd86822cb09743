/**
 * newsprint/isPage: the client asks whether a file VS Code opened as plain
 * text is a page, and the server answers by the rule its issue index uses:
 * the workspace's pageFileNamePattern, the built-in names, or a page line.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PAGE_TEST_REQUEST, type PageTestResult } from '../../server/src/protocol';
import { startSession, type Session } from '../helpers/lspSession';

describe('newsprint/isPage', () => {
  let session: Session;
  before(async () => {
    session = await startSession({ configuration: { pageFileNamePattern: '^cjrb-(\\d+)$' } });
  });
  after(() => session.close());

  const isPage = async (name: string, text: string) =>
    ((await session.connection.sendRequest(PAGE_TEST_REQUEST, { uri: pathToFileURL(`/tmp/issue/${name}`).href, text })) as PageTestResult).page;

  it('calls a file a page by the workspace’s pattern, as the Issue Map counts it', async () => {
    assert.equal(await isPage('cjrb-3.txt', '今日要闻'), true);
    assert.equal(await isPage('cjrb-notes.txt', '今日要闻'), false);
  });

  it('calls a file a page by a page line, whatever its name', async () => {
    assert.equal(await isPage('notes.txt', '第2版 要闻\n\n标题\n\n　　正文。\n'), true);
    assert.equal(await isPage('notes.txt', '买菜，交电费。\n'), false);
  });

  it('answers no to what it cannot read', async () => {
    assert.equal(((await session.connection.sendRequest(PAGE_TEST_REQUEST, { uri: 42 })) as PageTestResult).page, false);
  });
});
