// Newsprint in a Chinese newsroom: a real VS Code (code-server 4.100.3, VS
// Code 1.100) whose display language is zh-cn, driven through its UI in
// headless chromium, on a copy of the corpus issue. VS Code's own words stay
// English (its language pack cannot be had here: displayLanguage.mjs), but
// everything Newsprint says must be Chinese: the Problems panel's findings as
// the checker words them with --lang zh-cn, the command titles of
// package.nls.zh-cn.json, the Issue Map, the status items and the quick
// fixes. One screenshot per step: test/e2e/screenshots/zh-cn-*.png.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { EditorSession } from './editorSession.mjs';
import { CORPUS_ISSUE, MANIFEST, REPO } from './paths.mjs';

const PREFIX = 'zh-cn';
const LOCALE = 'zh-cn';
const PAGE = '01.txt';
/** The name the status bar shows for the language: its first alias (VS Code does not localize aliases). */
const LANGUAGE_NAME = MANIFEST.contributes.languages.find((l) => l.id === 'newsprint').aliases[0];
/** The broken wrap fixed with Ctrl+.: line 61 ends “…受市人大常”, line 63 starts “委会委托…”. */
const CUT = '人大常|委会';
const JOINED = '受市人大常委会委托';
/** The page-1 article whose (下转第二版) finds no continued part on page 2. */
const BROKEN = '政协武汉市第十四届委员会 常务委员会第二十五次会议召开';

const readJson = (...path) => JSON.parse(readFileSync(join(REPO, ...path), 'utf8'));
const BUNDLE = readJson('l10n', 'bundle.l10n.zh-cn.json');
const NLS_EN = readJson('package.nls.json');
const NLS_ZH = readJson('package.nls.zh-cn.json');
/** What Newsprint says for an English message, its {0}, {1}… filled in; a message the bundle lacks fails here, not in a wait. */
function zh(key, ...args) {
  assert.equal(typeof BUNDLE[key], 'string', `l10n/bundle.l10n.zh-cn.json has no “${key}”`);
  return BUNDLE[key].replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
}
const CJK = /[\u3400-\u9fff]/;
/**
 * What the server says once segmentation has loaded, whatever the numbers: the dictionary, its words, the time it took.
 * Its spaces match the no-break spaces the output view draws too.
 */
const SEGMENTATION_READY = new RegExp(
  escapeRegExp(zh('word segmentation ready ({0} dictionary, {1} words, {2} ms)', '\0', '\0', '\0'))
    .replace(/\0/g, '\\S+')
    .replace(/ /g, '\\s'),
);

/** The checker's findings and outline on the issue folder in Chinese, by page file name, as the editor indexes the folder. */
function checkIssue(folder) {
  const out = execFileSync(process.execPath, [join(REPO, 'server', 'out', 'cli.js'), 'check', '--lang', LOCALE, '--format', 'json', folder], { encoding: 'utf8' });
  return Object.fromEntries(JSON.parse(out).files.map((f) => [basename(f.path), f]));
}
const EXPECTED = checkIssue(CORPUS_ISSUE);
const P1 = EXPECTED[PAGE];
const countCodes = (diagnostics) => {
  const codes = {};
  for (const d of diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
  return codes;
};
/** `[Ln l, Col c]` as the Problems panel writes a 0-based position. */
const lnCol = (pos) => `[Ln ${pos.line + 1}, Col ${pos.character + 1}]`;

/**
 * Newsprint's commands the palette offers with a page in the editor: the
 * manifest's, less those it hides there (a plain-text file's command, the
 * Issue Map's row command, and the filter toggle that is switched on already).
 */
function paletteCommands() {
  const when = Object.fromEntries(MANIFEST.contributes.menus.commandPalette.map((m) => [m.command, m.when]));
  const shown = (w) => w === undefined || w === 'editorLangId == newsprint' || w === '!newsprint.issueMap.problemsOnly';
  return MANIFEST.contributes.commands
    .filter((c) => shown(when[c.command]))
    .map((c) => {
      const key = /^%(.+)%$/.exec(c.title)[1];
      return { command: c.command, en: `${c.category}: ${NLS_EN[key]}`, zh: `${c.category}: ${NLS_ZH[key]}` };
    });
}

const session = new EditorSession(PREFIX, { locale: LOCALE });
/** @type {import('./workbench.mjs').Workbench} */
let wb;

before(async () => {
  wb = await session.start((root) => {
    const workspace = join(root, 'workspace', basename(CORPUS_ISSUE));
    cpSync(CORPUS_ISSUE, workspace, { recursive: true });
    return workspace;
  });
});

after(() => session.close());

test('the .vsix and a zh-cn language pack install, and the workbench runs in zh-cn, the language the extension host is given', async () => {
  assert.match(session.installLog, /successfully installed/);
  assert.match(session.languagePackLog, /successfully installed/);
  // What VS Code's platform layer reads as the display language, and hands the extension host as vscode.env.language.
  assert.equal(await wb.page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE), LOCALE);
});

test('the page opens as Newspaper text and the Newsprint status item says in Chinese that word segmentation is ready', async () => {
  await wb.openFile(PAGE);
  await wb.languageItem().filter({ hasText: LANGUAGE_NAME }).waitFor();
  const item = wb.page.locator(`.statusbar-item:has([aria-label^="${zh('Newsprint: ready')}. "])`);
  await item.waitFor();
  const label = await item.locator('[aria-label]').first().getAttribute('aria-label');
  // The server's own line about the dictionary, after the client's label.
  assert.match(label, SEGMENTATION_READY);
  await item.hover();
  await wb.page
    .locator('.monaco-hover, .workbench-hover', { hasText: zh('Click to show the Newsprint output.') })
    .filter({ hasText: SEGMENTATION_READY })
    .first()
    .waitFor();
  await wb.screenshot(`${PREFIX}-01-status`);
  await wb.page.keyboard.press('Escape');
});

test(`the Problems panel lists the page’s findings in Chinese, worded as the checker words them with --lang ${LOCALE}`, async () => {
  assert.ok(
    P1.diagnostics.every((d) => CJK.test(d.message)),
    'the checker should word every finding in Chinese',
  );
  await wb.showProblems();
  await wb.withMaximizedPanel(async () => {
    // The cross-page finding comes once page 2 is indexed: every one is there when the counts are.
    await wb.waitForCodes(PAGE, countCodes(P1.diagnostics));
    const rows = await wb.page
      .locator('.markers-panel .monaco-list-row[aria-level="2"]')
      .evaluateAll((rs) => rs.filter((r) => r.querySelector('.marker-source')?.textContent === 'newsprint').map((r) => r.textContent.replace(/\s+/g, '')));
    const missing = P1.diagnostics.filter((d) => !rows.some((r) => r.includes(d.message.replace(/\s+/g, '')) && r.includes(lnCol(d.range.start).replace(/\s+/g, ''))));
    assert.deepEqual(
      missing.map((d) => `${lnCol(d.range.start)} ${d.message}`),
      [],
      `rows of the Problems panel:\n${rows.join('\n')}`,
    );
    // Under a cut, where its paragraph goes on: said by Newsprint too.
    const related = await wb.page.locator('.markers-panel .monaco-list-row[aria-level="3"]').allTextContents();
    const saidRelated = [...new Set(P1.diagnostics.flatMap((d) => (d.relatedInformation ?? []).map((r) => r.message)))];
    assert.ok(saidRelated.length > 0 && saidRelated.every((m) => CJK.test(m) && related.some((r) => r.includes(m))), `related rows:\n${related.join('\n')}`);
    await wb.screenshot(`${PREFIX}-02-problems`);
  });
});

test('the command palette shows Newsprint’s commands under their Chinese titles from package.nls.zh-cn.json, and runs them by those', async () => {
  const { page } = wb;
  const commands = paletteCommands();
  assert.ok(commands.length >= 10, `only ${commands.length} commands for the palette`);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  // A row's first label is its title; VS Code adds the English one below it when the display language is not English.
  const titleRow = (title) => page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
  for (const c of commands) {
    // Asked for in English, as a user who knows the English name types it: the row found shows the Chinese title.
    await input.fill(`>${c.en}`);
    await titleRow(c.zh).first().waitFor();
  }
  await input.fill('>Newsprint');
  await titleRow(commands[0].zh).first().waitFor();
  const titles = await page.locator('.quick-input-list .monaco-list-row').evaluateAll((rs) => rs.map((r) => r.querySelector('.label-name')?.textContent ?? ''));
  assert.deepEqual(
    titles.filter((t) => t.startsWith('Newsprint') && !CJK.test(t)),
    [],
    'a Newsprint command shown under an English title',
  );
  await wb.screenshot(`${PREFIX}-03-command-palette`);
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });

  const showOutput = commands.find((c) => c.command === 'newsprint.showOutput');
  await wb.runCommand(showOutput.zh);
  await page.locator('.panel .output-view .monaco-editor .view-line', { hasText: SEGMENTATION_READY }).first().waitFor();
});

test('the Issue Map’s title and its pages speak Chinese, and a click on an article reveals it', async () => {
  const title = NLS_ZH['view.issueMap'];
  // The Problems panel below the page, as the details page shows the map.
  await wb.showProblems();
  const pane = await wb.showExplorerView(title);
  await pane.locator('.pane-header .title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }).waitFor();
  const issue = pane.locator('.monaco-list-row[aria-level="1"]');
  await issue.locator('.label-description', { hasText: zh('{0} pages', 2) }).waitFor();
  for (const file of Object.keys(EXPECTED).sort()) {
    const articles = EXPECTED[file].articles.filter((a) => ['article', 'continuation', 'commentary', 'photo'].includes(a.kind)).length;
    await pane.locator('.monaco-list-row[aria-level="2"] .label-description', { hasText: `${file} · ${zh('{0} articles', articles)}` }).waitFor();
  }
  // The article whose (下转第二版) finds no continued part on page 2: a ✗ on its jump.
  const broken = P1.articles.find((a) => a.headline === BROKEN);
  const row = pane.locator(`.monaco-list-row[aria-level="3"][aria-label^="${BROKEN}, "]`);
  await wb.withSideBarWidth(560, async () => {
    await row.locator('.label-description', { hasText: /^→ 2版 ✗/ }).waitFor();
    await row.click();
    const headline = readFileSync(join(CORPUS_ISSUE, PAGE), 'utf8').split('\n')[broken.range.start.line];
    await wb.waitForCursor(`Ln ${broken.range.start.line + 1}, Col ${headline.length + 1} (${headline.length} selected)`);
    await wb.screenshot(`${PREFIX}-04-issue-map`);
  });
});

test('the status bar’s 字数 item says in Chinese what the article under the cursor is and what 字数 counts', async () => {
  await wb.switchTo(PAGE);
  // The page's second article: its detail (文章 · byline · N字 · → 2版) as the checker's outline says it in Chinese.
  const article = P1.articles[1];
  assert.match(article.detail, CJK);
  const count = /(\d+)字/.exec(article.detail)[1];
  await wb.goToLine(article.range.start.line + 3, 1);
  // Its page (1版, from the Issue Map) and its jumps (→ 2版, the outline's notes) beside the count.
  const jumps = article.detail.split(' · ').filter((part) => /^[→←]/.test(part));
  assert.ok(jumps.length > 0, `the article jumps: ${article.detail}`);
  const said = [`${count}字`, '1版', ...jumps].join(' · ');
  const item = wb.page.locator('.statusbar-item', { hasText: new RegExp(`^\\s*${escapeRegExp(said)}\\s*$`) });
  await item.waitFor();
  await item.hover();
  const tooltip = wb.page
    .locator('.monaco-hover, .workbench-hover', {
      hasText: zh('字数 counts the headline, subheadings and running text, without continuation markers, credits and the source line.'),
    })
    .first();
  await tooltip.waitFor();
  // The tooltip keeps the detail's spaces as no-break spaces.
  const text = (await tooltip.innerText()).replace(/\u00a0/g, ' ');
  assert.ok(text.includes(article.detail), `the tooltip says:\n${text}\nnot the article’s detail “${article.detail}”`);
  await wb.screenshot(`${PREFIX}-05-article-status`);
  await wb.page.keyboard.press('Escape');
});

test('Ctrl+. on a broken wrap offers its fix under its Chinese title, and the fix joins the two parts', async () => {
  const cut = P1.diagnostics.find((d) => d.code === 'broken-wrap' && d.message.startsWith(`“${CUT}”`));
  assert.ok(cut, `the checker should find the cut ${CUT}`);
  const fix = cut.data.fixes[0].title;
  assert.match(fix, CJK);
  await goToProblem(cut.message);
  await wb.page.keyboard.press('Control+.');
  const menu = wb.page.locator('.action-widget');
  await menu.locator('.monaco-list-row.action', { hasText: zh('Fix all Newsprint problems in this file') }).waitFor();
  await wb.chooseAction(fix, () => wb.screenshot(`${PREFIX}-06-quick-fix-menu`));
  await wb.page.locator('.editor-instance .view-line', { hasText: JOINED }).waitFor();
  await wb.showProblems();
  const codes = countCodes(P1.diagnostics);
  await wb.withMaximizedPanel(() => wb.waitForCodes(PAGE, { ...codes, 'broken-wrap': codes['broken-wrap'] - 1 }));
  await wb.screenshot(`${PREFIX}-07-quick-fix-applied`);
});

test('Fix All, run from the palette by its Chinese title and applied in the Refactor Preview, leaves only what has no safe fix', async () => {
  const fixable = P1.diagnostics.filter((d) => (d.data?.fixes ?? []).some((f) => f.safe));
  await wb.runCommand(`Newsprint: ${NLS_ZH['command.fixAll']}`);
  await wb.applyRefactorPreview(`${PREFIX}-08-fix-all-preview`);
  await wb.showProblems();
  const unfixable = countCodes(P1.diagnostics.filter((d) => !fixable.includes(d)));
  await wb.withMaximizedPanel(() => wb.waitForCodes(PAGE, unfixable));
  await wb.save();
  await wb.screenshot(`${PREFIX}-09-fix-all-saved`);
});

/**
 * Opens the problem whose row shows `text` with a double click on its
 * message: a short Chinese message leaves the row's middle on the rule's
 * link, which opens the rule's page instead.
 */
async function goToProblem(text) {
  await wb.showProblems();
  const row = wb.page.locator('.markers-panel .monaco-list-row[aria-level="2"]', { hasText: text });
  await row.locator('.marker-message-line').first().dblclick();
  await wb.page.locator('.editor-instance .monaco-editor.focused').waitFor();
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
