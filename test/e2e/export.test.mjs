// Export in a real VS Code (code-server 4.100.3, VS Code 1.100) as a new user
// tries it: Newsprint: Export Issue… from the command palette (a format, a
// folder in VS Code's own dialog, progress, the summary), the question
// before files are replaced, and Export This Article after a click in the
// Outline and from the Issue Map's context menu. What the editor writes must
// be what the checker's `newsprint export` writes, and the pages must be
// left as they were. One screenshot per step: test/e2e/screenshots/export-*.png.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { EditorSession } from './editorSession.mjs';
import { CORPUS_ISSUE, REPO } from './paths.mjs';

const PREFIX = 'export';
const ISSUE = 'cjrb-2026-01-08';
/** The article that jumps from page 1 to page 2, exported from either part. */
const JUMPING = {
  outline: '综合提升让老城区焕发新的生命力,代表委员建言: 城市更新要用好改革“关键一招”',
  /** As the export names it, after the certain fixes: full-width punctuation. */
  name: '综合提升让老城区焕发新的生命力，代表委员建言： 城市更新要用好改革“关键一招”',
  continued: '城市更新要用好改革“关键一招”',
  id: '01-02',
};

const session = new EditorSession(PREFIX);
let root;
let workspace;
let exportsDir;
/** @type {import('./workbench.mjs').Workbench} */
let wb;
/** The pages before any export, to show they were not changed. */
let pagesBefore;

/** Every file under a folder with the hash of its bytes and its modification time. */
function snapshot(dir) {
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else out[full.slice(dir.length + 1)] = `${createHash('sha1').update(readFileSync(full)).digest('hex')} ${st.mtimeMs}`;
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** What the built checker exports from the workspace's issue, by relative path. */
function checkerExport(format, args = []) {
  const out = join(root, `checker-${format}`);
  execFileSync(process.execPath, [join(REPO, 'server', 'out', 'cli.js'), 'export', workspace, '--format', format, '--out', out, '--force', ...args], { stdio: 'ignore' });
  const files = {};
  for (const path of Object.keys(snapshot(out))) files[path] = readFileSync(join(out, path), 'utf8');
  return files;
}

function readAll(dir) {
  const files = {};
  for (const path of Object.keys(snapshot(dir))) files[path] = readFileSync(join(dir, path), 'utf8');
  return files;
}

before(async () => {
  wb = await session.start((dir) => {
    root = dir;
    workspace = join(root, 'workspace', ISSUE);
    cpSync(CORPUS_ISSUE, workspace, { recursive: true });
    // Exports go outside the workspace, as an archive keeps them apart from the pages.
    exportsDir = join(root, 'exports');
    mkdirSync(exportsDir);
    pagesBefore = snapshot(workspace);
    return workspace;
  });
});

after(() => session.close());

test('the issue is indexed: the Issue Map lists its two pages', async () => {
  await wb.openFile('01.txt');
  await wb.page.locator('.statusbar-item [aria-label^="Newsprint: ready"]').waitFor();
  const pane = await wb.showExplorerView('Issue Map');
  await pane.locator('.monaco-list-row[aria-level="1"]', { hasText: ISSUE }).waitFor();
  await pane.locator('.monaco-list-row[aria-level="2"]', { hasText: '2版' }).waitFor();
  await wb.screenshot(`${PREFIX}-01-issue-map`);
});

test('Newsprint: Export Issue… writes one ninjs file per article to the folder chosen, with progress, and says what it did', async () => {
  await wb.switchTo('01.txt');
  await wb.runCommand('Newsprint: Export Issue…', { asks: 'Export Issue: format' });
  await wb.screenshot(`${PREFIX}-02-formats`);
  await wb.pick('IPTC ninjs 2.0');
  await wb.answerFileDialog('Export Issue as IPTC ninjs 2.0', `${exportsDir}/`, 'Export Here');
  const done = await wb.notification(`Exported ${ISSUE} to ${exportsDir}`);
  // 7 notes: the 2 jumps whose other part is missing, and the 5 cuts the reader is not sure of, left for a person.
  assert.match(await done.innerText(), /11 articles from 2 pages of 1 issue \(6 joined across pages, 2 missing a jump's other part, 7 notes\)/);
  await wb.screenshot(`${PREFIX}-03-exported`);
  const written = readAll(exportsDir);
  assert.equal(Object.keys(written).length, 11);
  assert.deepEqual(written, checkerExport('ninjs'), 'the editor writes what the checker writes');
  assert.deepEqual(JSON.parse(written[`${ISSUE}/${JUMPING.id}.json`]).altids, [
    { role: 'page', value: '1版' },
    { role: 'page', value: '2版' },
  ]);
  await wb.runCommand('Notifications: Clear All Notifications');
});

test('Export Issue… into a folder that holds the files already asks first, and writes nothing unless told to replace', async () => {
  const first = snapshot(exportsDir);
  await wb.runCommand('Newsprint: Export Issue…', { asks: 'Export Issue: format' });
  // The format used last comes first, and the dialog opens on the folder used last.
  const rows = wb.page.locator('.quick-input-list .monaco-list-row .label-name');
  await rows.first().waitFor();
  assert.equal(await rows.first().innerText(), 'IPTC ninjs 2.0');
  await wb.pick('IPTC ninjs 2.0');
  await wb.answerFileDialog('Export Issue as IPTC ninjs 2.0', `${exportsDir}/`, 'Export Here');
  const dialog = wb.page.locator('.monaco-dialog-box', { hasText: `11 of the 11 files of ${ISSUE} exist already` });
  await dialog.waitFor();
  await wb.screenshot(`${PREFIX}-04-replace`);
  await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(snapshot(exportsDir), first, 'nothing was written');

  await wb.runCommand('Newsprint: Export Issue…', { asks: 'Export Issue: format' });
  await wb.pick('IPTC ninjs 2.0');
  await wb.answerFileDialog('Export Issue as IPTC ninjs 2.0', `${exportsDir}/`, 'Export Here');
  await wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Replace' }).click();
  await wb.notification('11 files replaced');
  assert.deepEqual(readAll(exportsDir), checkerExport('ninjs'));
  await wb.runCommand('Notifications: Clear All Notifications');
});

test('Export This Article after a click in the Outline writes the whole jumping article, both pages, as Markdown', async () => {
  await wb.switchTo('01.txt');
  const outline = await wb.showOutline();
  await outline.locator('.monaco-list-row[aria-level="1"]', { has: wb.page.locator('.label-name', { hasText: JUMPING.outline }) }).click();
  await wb.page.locator('.editor-instance .view-line', { hasText: JUMPING.continued }).first().waitFor();
  // The headline's line is in view before the click has moved the cursor there: the command takes the cursor's article.
  const headline =
    readFileSync(join(CORPUS_ISSUE, '01.txt'), 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith(JUMPING.outline)) + 1;
  assert.ok(headline > 0);
  await wb.waitForCursor(`Ln ${headline}, Col 1`);
  await wb.runCommand('Newsprint: Export This Article', { asks: 'Export This Article: format' });
  await wb.pick('Markdown');
  const target = join(exportsDir, 'from-outline.md');
  await wb.answerFileDialog(`Export “${JUMPING.name}”`, target, 'OK');
  await wb.notification(`(1版–2版) to ${target}`);
  await wb.screenshot(`${PREFIX}-05-article-from-outline`);
  const checker = checkerExport('markdown');
  assert.equal(readFileSync(target, 'utf8'), checker[`${ISSUE}/${JUMPING.id}.md`]);
  await wb.runCommand('Notifications: Clear All Notifications');
});

test('Export This Article from the Issue Map’s menu on the continued part on page 2 writes the same whole article, as ninjs', async () => {
  const pane = await wb.showExplorerView('Issue Map');
  const page2 = pane.locator('.monaco-list-row[aria-level="2"]', { hasText: '2版' });
  if ((await page2.getAttribute('aria-expanded')) === 'false') await page2.locator('.monaco-tl-twistie').click();
  const row = pane.locator(`.monaco-list-row[aria-level="3"][aria-label^="${JUMPING.continued}, "]`);
  await row.click({ button: 'right' });
  // With the keyboard, as the menu takes it at once: a click right after it opens can be taken for the right button's release.
  const item = wb.page.locator('.context-view .monaco-menu .action-item', { hasText: 'Export This Article' });
  await item.waitFor();
  await wb.screenshot(`${PREFIX}-06-issue-map-menu`);
  await wb.page.keyboard.press('ArrowDown');
  await wb.page.locator('.context-view .monaco-menu .action-item.focused', { hasText: 'Export This Article' }).waitFor();
  await wb.page.keyboard.press('Enter');
  await wb.pick('IPTC ninjs 2.0');
  const title = wb.page.locator('.quick-input-widget .quick-input-title', { hasText: /^Export “/ });
  await title.waitFor();
  assert.equal(await title.innerText(), `Export “${JUMPING.name}” (1版–2版)`);
  const target = join(exportsDir, 'from-map.json');
  await wb.answerFileDialog(`Export “${JUMPING.name}”`, target, 'OK');
  await wb.notification(`to ${target}`);
  await wb.screenshot(`${PREFIX}-07-article-from-issue-map`);
  assert.equal(readFileSync(target, 'utf8'), checkerExport('ninjs')[`${ISSUE}/${JUMPING.id}.json`]);
});

test('no export changed a page', () => {
  assert.deepEqual(snapshot(workspace), pagesBefore);
});
