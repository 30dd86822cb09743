// Newsprint in a real VS Code (code-server 4.100.3, VS Code 1.100) driven
// through its UI in headless chromium: the packaged .vsix is installed the way
// a user installs it, a copy of the corpus issue is opened, and each step
// waits on what the workbench shows. One screenshot per step goes to
// test/e2e/screenshots/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { findCodeServer, installExtension, runDirs, runEnv, startCodeServer } from './codeServer.mjs';
import { CORPUS_ISSUE, MANIFEST, REPO, SCREENSHOTS, VSIX } from './paths.mjs';
import { CHROMIUM, launchBrowser, Workbench } from './workbench.mjs';

const PAGE = '01.txt';
/** The name the status bar shows for the language: its first alias. */
const LANGUAGE_NAME = MANIFEST.contributes.languages.find((l) => l.id === 'newsprint').aliases[0];
/** The broken wrap fixed by hand: line 61 ends “…受市人大常”, line 63 starts “委会委托…”. */
const CUT = '人大常|委会';
const JOINED = '受市人大常委会委托';

/**
 * What the built checker reports on the corpus issue folder, page by page.
 * The editor indexes the whole workspace folder as one issue, so page 1
 * shows the folder's cross-page findings too (the 常务委员会 article's
 * (下转第二版) finds no continued part on page 2): it must show the same
 * analysis as the checker run on the folder, not on the page alone.
 */
function checkIssue(folder) {
  const out = execFileSync(process.execPath, [join(REPO, 'server', 'out', 'cli.js'), 'check', '--format', 'json', folder], { encoding: 'utf8' });
  const pages = {};
  for (const file of JSON.parse(out).files) {
    const countCodes = (diagnostics) => {
      const codes = {};
      for (const d of diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
      return codes;
    };
    pages[basename(file.path)] = {
      problems: file.diagnostics.length,
      codes: countCodes(file.diagnostics),
      // Fix All applies every safe fix: a finding with none (a jump to a continued part that is not there) stays.
      unfixable: countCodes(file.diagnostics.filter((d) => !(d.data?.fixes ?? []).some((f) => f.safe))),
      articles: file.articles,
      headlines: file.articles.map((a) => a.headline),
    };
  }
  return pages;
}
// On the corpus issue today, page 1: 15 broken-wrap, 1 orphaned-continuation (line 125, no fix), 1 spaced-headline,
// 1 halfwidth-punctuation; 9 blocks, from 八部门印发《“人工智能+制造”专项行动实施意见》… to the teaser 2026 武汉两会 乘势而上 续写新篇.
const EXPECTED = checkIssue(CORPUS_ISSUE);
const describeCodes = (codes) =>
  Object.entries(codes)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
const lineOf = (file, line) => readFileSync(join(CORPUS_ISSUE, file), 'utf8').split(/\r?\n/)[line - 1];

/** The jump followed with go to definition: page 1's (下转第二版) under 城市更新要用好改革“关键一招”, and its continued part on page 2. */
const JUMP = { line: 51, column: 3, marker: '(下转第二版)', page: '02.txt', headline: '城市更新要用好改革“关键一招”' };
/** Where the continued part's (上接第一版) marker is, as the checker's outline of page 2 says (line 5, column 1). */
const JUMP_TARGET = (() => {
  const part = EXPECTED[JUMP.page].articles.find((a) => a.kind === 'continuation' && a.headline === JUMP.headline);
  const marker = part?.children?.find((c) => c.kind === 'marker');
  assert.ok(marker, `page 2 should hold the continued part of ${JUMP.headline} with its marker`);
  return { line: marker.range.start.line + 1, column: marker.range.start.character + 1 };
})();

let root;
let workspace;
let server;
let browser;
/** @type {Workbench} */
let wb;
let installLog = '';

before(async () => {
  const codeServer = findCodeServer();
  if (codeServer.missing) throw new Error(codeServer.missing);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run \`bash test/e2e/setup.sh\` first`);
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first`);
  // Screenshots and logs are of the last run only.
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  root = mkdtempSync(join(tmpdir(), 'newsprint-e2e-'));
  const dirs = runDirs(root);
  workspace = join(root, 'workspace', 'cjrb-2026-01-08');
  cpSync(CORPUS_ISSUE, workspace, { recursive: true });
  installLog = await installExtension(codeServer.entry, dirs, VSIX);
  server = await startCodeServer(codeServer.entry, dirs);
  browser = await launchBrowser(runEnv(dirs));
  wb = await Workbench.open(browser, server.url, workspace, SCREENSHOTS);
});

after(async () => {
  // Each step is worth a picture when it fails, too.
  if (wb) await wb.screenshot('last').catch(() => {});
  await browser?.close();
  await server?.stop();
  // Kept beside the screenshots for a failure to be read after the run: code-server's, the extension host's and Newsprint's logs.
  if (server) writeFileSync(join(SCREENSHOTS, 'code-server.log'), server.log());
  if (root) {
    const logs = join(root, 'user-data', 'logs');
    if (existsSync(logs)) cpSync(logs, join(SCREENSHOTS, 'logs'), { recursive: true });
    rmSync(root, { recursive: true, force: true });
  }
});

const P1 = EXPECTED[PAGE];

test('the .vsix installs with code-server --install-extension', () => {
  assert.match(installLog, /successfully installed/);
});

test('the page opens as a Newsprint page and the server loads word segmentation in the extension host', async () => {
  await wb.openFile(PAGE);
  await wb.languageItem().filter({ hasText: LANGUAGE_NAME }).waitFor();
  // The status item turns to "ready" only once nodejieba has loaded its dictionary in the server.
  await wb.page.locator('.statusbar-item [aria-label^="Newsprint: ready"]').waitFor();
  await wb.screenshot('01-page-opened');
});

test(`the Problems panel lists the page’s findings, the cross-page one included (${describeCodes(P1.codes)})`, async () => {
  assert.ok(P1.codes['broken-wrap'] > 1, 'the corpus page should have broken wraps to fix');
  assert.ok(P1.codes['orphaned-continuation'] >= 1, 'page 1 should have a (下转第二版) with no continued part on page 2');
  await wb.showProblems();
  // The orphaned-continuation warning appears once the server has indexed page 2 in the background.
  await wb.withMaximizedPanel(async () => {
    await wb.waitForCodes(PAGE, P1.codes);
    await wb.screenshot('02-problems-all');
  });
  await wb.page.locator('.markers-panel .monaco-list-row', { hasText: `“${CUT}” is cut across blank lines` }).waitFor();
  await wb.screenshot('02-problems');
});

test(`the Outline shows the ${P1.headlines.length} blocks of the page with their headlines`, async () => {
  const outline = await wb.showOutline();
  await wb.page.waitForFunction((n) => document.querySelectorAll('.outline-pane .monaco-list-row[aria-level="1"]').length === n, P1.headlines.length);
  const headlines = await outline.locator('.monaco-list-row[aria-level="1"] .label-name').allInnerTexts();
  assert.deepEqual(headlines, P1.headlines);
  await wb.screenshot('03-outline');
});

test('the Outline says where each block continues, as the checker does, once page 2 is indexed (“→ 2版 (not found)” on the 常务委员会 article)', async () => {
  // The editor asks for the page's symbols when it opens, before page 2 is indexed: the server must make it ask again
  // when the index changes, or the Outline keeps “→ 2版” where the jump finds nothing.
  const want = P1.articles.map((a) => a.detail ?? '');
  assert.ok(
    want.some((d) => d.endsWith('→ 2版 (not found)')),
    'the checker should note a jump to page 2 that finds nothing',
  );
  const details = () => [...document.querySelectorAll('.outline-pane .monaco-list-row[aria-level="1"]')].map((r) => r.querySelector('.label-description')?.textContent ?? '');
  try {
    await wb.page.waitForFunction(`JSON.stringify((${details})()) === ${JSON.stringify(JSON.stringify(want))}`);
  } catch {
    assert.deepEqual(await wb.page.evaluate(details), want, 'the Outline’s details');
  }
  await wb.screenshot('03-outline-details');
});

test('the status bar shows the 字数 of the article under the cursor, as the outline counts it, its page and its jumps, and says what is counted', async () => {
  // The page's second article, by the checker's outline: its lines and its detail (article · byline · N字 · → 2版).
  const article = P1.articles[1];
  const count = /(\d+)字/.exec(article.detail)[1];
  const jumps = article.detail.split(' · ').filter((part) => /^[→←]/.test(part));
  assert.deepEqual(jumps, ['→ 2版']);
  await wb.goToLine(article.range.start.line + 3, 1);
  // 01.txt holds one page, named by its file: the page comes from the Issue Map, not the outline.
  const item = wb.page.locator('.statusbar-item', { hasText: new RegExp(`^\\s*${count}字 · 1版 · → 2版\\s*$`) });
  await item.waitFor();
  await item.hover();
  await wb.page
    .locator('.monaco-hover, .workbench-hover', { hasText: /字数 counts the headline/ })
    .first()
    .waitFor();
  await wb.screenshot('04a-article-status');
  await wb.page.keyboard.press('Escape');
});

test(`go to definition (F12) on ${JUMP.marker} opens the continued part on page 2, and hover names it`, async (t) => {
  assert.ok(lineOf(PAGE, JUMP.line).startsWith(JUMP.marker), `line ${JUMP.line} of ${PAGE} should be ${JUMP.marker}`);
  assert.ok(lineOf(JUMP.page, JUMP_TARGET.line).startsWith('(上接第一版)'), `line ${JUMP_TARGET.line} of ${JUMP.page} should open with (上接第一版)`);
  // Page 1 counts its cross-page finding only once page 2 is indexed: from then on its jumps can be followed.
  await wb.waitForProblemCount(PAGE, P1.problems);
  await wb.switchTo(PAGE);
  await wb.goToLine(JUMP.line, JUMP.column);
  const started = Date.now();
  await wb.page.keyboard.press('F12');
  await wb.page.locator('.tabs-container .tab.active', { hasText: JUMP.page }).waitFor();
  // The cursor lands on the (上接第一版) marker that opens the continued part, and the editor shows it.
  await wb.waitForCursor(`Ln ${JUMP_TARGET.line}, Col ${JUMP_TARGET.column}`);
  await wb.page.locator('.editor-instance .view-line', { hasText: lineOf(JUMP.page, JUMP_TARGET.line).slice(0, 12) }).waitFor();
  t.diagnostic(`F12 to the continued part on ${JUMP.page}: ${Date.now() - started} ms`);
  await wb.screenshot('04-go-to-definition');

  await wb.switchTo(PAGE);
  await wb.waitForCursor(`Ln ${JUMP.line}, Col ${JUMP.column}`);
  await wb.showHover();
  await wb.page.locator('.monaco-hover', { hasText: 'Continues on 2版' }).filter({ hasText: JUMP.headline }).waitFor();
  await wb.screenshot('05-hover');
  await wb.page.keyboard.press('Escape');
  await wb.page.locator('.monaco-hover', { hasText: 'Continues on 2版' }).waitFor({ state: 'hidden' });
  // Page 2 is closed again, so that the issue map opens it and the Problems panel is page 1's alone.
  await wb.closeEditor(JUMP.page);
});

/** Page files and the names the issue map gives them. */
const PAGES = [
  { file: '01.txt', label: '1版' },
  { file: '02.txt', label: '2版' },
];
/** The kinds of block the issue map lists as articles (teasers and furniture are not articles). */
const MAP_KINDS = new Set(['article', 'continuation', 'commentary', 'photo']);
/** The page-1 article whose (下转第二版) finds no continued part, and a page-2 article to open from the map. */
const BROKEN = '政协武汉市第十四届委员会 常务委员会第二十五次会议召开';
const ON_PAGE_2 = '市政协委员建言“人工智能+”赋能产业升级';
/** Another page-1 article, to alternate with BROKEN. */
const ANOTHER_ON_PAGE_1 = '八部门印发《“人工智能+制造”专项行动实施意见》 2027年关键核心技术实现安全可靠供给';

/** The rows of the Issue Map view, in tree order (runs in the page). */
function issueMapRows() {
  const pane = [...document.querySelectorAll('#workbench\\.view\\.explorer .pane')].find((p) =>
    p.querySelector('.pane-header')?.getAttribute('aria-label')?.startsWith('Issue Map'),
  );
  return [...(pane?.querySelectorAll('.monaco-list-row') ?? [])]
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
    .map((r) => ({
      level: Number(r.getAttribute('aria-level')),
      name: r.querySelector('.label-name')?.textContent ?? '',
      description: r.querySelector('.label-description')?.textContent ?? '',
      aria: r.getAttribute('aria-label') ?? '',
    }));
}

/**
 * Whether the rows are the issue → “1版 — 01.txt · 8 articles · …” → its
 * articles (each named by its headline, a ✗ on a jump whose other half is
 * missing), then 2版 likewise (runs in the page).
 */
function issueMapMatches(rows, { issueName, pages }) {
  const want = [{ level: 1, name: issueName, description: `${pages.length} pages · ` }];
  for (const p of pages) {
    want.push({ level: 2, name: p.label, description: `${p.file} · ${p.articles.length} articles` });
    for (const a of p.articles) want.push({ level: 3, aria: `${a.name}, `, broken: a.broken });
  }
  return (
    rows.length === want.length &&
    want.every((w, i) => {
      const r = rows[i];
      if (r.level !== w.level) return false;
      if (w.level < 3) return r.name === w.name && r.description.startsWith(w.description);
      return r.aria.startsWith(w.aria) && / ✗( |$)/.test(r.description) === w.broken;
    })
  );
}

/** The Issue Map row of an article, by its headline (the row's accessible name starts with it). */
const articleRow = (pane, name) => pane.locator(`.monaco-list-row[aria-level="3"][aria-label^="${name}, "]`);

/** Clicks an article in the Issue Map and waits until its page is in front with the article's headline line selected. */
async function revealFromMap(pane, name, file) {
  const start = EXPECTED[file].articles.find((a) => a.headline === name).range.start.line + 1;
  const headline = lineOf(file, start);
  await articleRow(pane, name).click();
  await wb.page.locator('.tabs-container .tab.active', { hasText: file }).waitFor();
  await wb.waitForCursor(`Ln ${start}, Col ${headline.length + 1} (${headline.length} selected)`);
  await wb.page.locator('.editor-instance .view-line', { hasText: headline }).waitFor();
}

test('the Issue Map lists the issue, its 2 pages and their articles, and a click on an article reveals it in its page', async (t) => {
  assert.deepEqual(
    Object.keys(EXPECTED).sort(),
    PAGES.map((p) => p.file),
    'the corpus issue should be pages 01.txt and 02.txt',
  );
  const issueName = basename(CORPUS_ISSUE);
  // What the map must show, from the checker: each page's articles by headline, in page order, a ✗ on a jump whose other half is missing.
  const pages = PAGES.map((p) => ({
    ...p,
    articles: EXPECTED[p.file].articles.filter((a) => MAP_KINDS.has(a.kind)).map((a) => ({ name: a.headline, broken: /\(not found\)/.test(a.detail ?? '') })),
  }));
  assert.ok(
    pages[0].articles.some((a) => a.name === BROKEN && a.broken),
    `the checker should report ${BROKEN} as jumping to no continued part`,
  );

  const pane = await wb.showExplorerView('Issue Map');
  const started = Date.now();
  await pane.locator('.monaco-list-row[aria-level="1"]').first().waitFor();
  t.diagnostic(`issue map: first row ${Date.now() - started} ms after the view was shown`);
  // Page 1 expanded (the map opens pages expanded; a click on its twistie if not).
  const page1 = pane.locator('.monaco-list-row[aria-level="2"]', { has: wb.page.locator('.label-name', { hasText: /^1版$/ }) });
  await page1.waitFor();
  if ((await page1.getAttribute('aria-expanded')) === 'false') await page1.locator('.monaco-tl-twistie').click();
  await pane.locator('.monaco-list-row[aria-level="2"][aria-expanded="true"]', { has: wb.page.locator('.label-name', { hasText: /^1版$/ }) }).waitFor();

  await wb.withSideBarWidth(560, async () => {
    // Waits until the tree is the expected one; on a timeout, says what the map showed instead.
    const expected = { issueName, pages };
    try {
      await wb.page.waitForFunction(`(${issueMapMatches})((${issueMapRows})(), ${JSON.stringify(expected)})`);
    } catch (err) {
      assert.fail(`the issue map did not show the expected tree (${err.message.split('\n')[0]}); it showed:\n${JSON.stringify(await wb.page.evaluate(issueMapRows), null, 1)}`);
    }
    const brokenRow = articleRow(pane, BROKEN);
    assert.match(await brokenRow.locator('.label-description').innerText(), /^→ 2版 ✗/);

    // A click on the page-1 article whose jump is broken reveals it in page 1 (open already: the map does not change).
    await revealFromMap(pane, BROKEN, PAGE);
    await wb.screenshot('06-issue-map');
    // A click on a page-2 article opens page 2 with its headline selected. It is the last click on the map in this
    // step: opening a page makes the map refresh, and a click during a refresh is lost (see the next step).
    await revealFromMap(pane, ON_PAGE_2, '02.txt');
    await wb.screenshot('07-issue-map-opens-page-2');
  });
  await wb.closeEditor('02.txt');
  await wb.switchTo(PAGE);
});

/** A cut in page 1 before the articles clicked below: its second part starts line 39, after the blank line 38. */
const EDIT_LINE = 39;

// Each redraw replaces every TreeItem, and the extension host drops the commands of the items it replaced: a click on
// a row being replaced used to do nothing (“Actual command not found, wanted to execute newsprint.revealArticle”). A
// page edited (here: the cut 很|多 joined, then the join undone) changes the map, so clicks right after edits land
// during redraws; the items now open their article with vscode.open, whose arguments travel with the item.
test('a click on an Issue Map article reveals it while the map redraws after an edit, too', async () => {
  const pane = await wb.showExplorerView('Issue Map');
  const lost = 'Actual command not found';
  let edited = false;
  try {
    for (let i = 0; i < 10; i++) {
      // An edit that changes the map (the article's problem count), or its undo; no selection left in the editor.
      await wb.goToLine(EDIT_LINE, 1);
      if (edited) await wb.page.keyboard.press('Control+Z');
      else {
        // Both line breaks at once, so that one undo puts them back.
        for (const _ of [1, 2]) await wb.page.keyboard.press('Shift+ArrowLeft');
        await wb.waitForCursor(`Ln ${EDIT_LINE - 2}, Col ${lineOf(PAGE, EDIT_LINE - 2).length + 1} (2 selected)`);
        await wb.page.keyboard.press('Backspace');
      }
      edited = !edited;
      const name = i % 2 === 0 ? BROKEN : ANOTHER_ON_PAGE_1;
      // The headline's line is selected when the click lands (27 or 44 characters; an undo puts back the 2 selected before the edit).
      const selected = `(${lineOf(PAGE, P1.articles.find((a) => a.headline === name).range.start.line + 1).length} selected)`;
      await articleRow(pane, name).click();
      // Either the article's headline is selected in page 1, or VS Code says the click's command is gone.
      const outcome = await (
        await wb.page.waitForFunction(
          ({ lost, selected }) => {
            if ([...document.querySelectorAll('.notification-toast')].some((n) => n.textContent.includes(lost))) return 'lost';
            return document.querySelector('#status\\.editor\\.selection')?.textContent?.trim().endsWith(selected) ? 'revealed' : false;
          },
          { lost, selected },
        )
      ).jsonValue();
      if (outcome === 'lost') {
        await wb.screenshot('08-issue-map-click-lost');
        assert.fail(`click ${i + 1} on “${name}”, right after ${edited ? 'an edit' : 'undoing an edit'} of page 1, was lost: VS Code says “${lost}”`);
      }
    }
  } finally {
    if (await wb.page.locator('.notification-toast').count()) await wb.runCommand('Notifications: Clear All Notifications');
    if (edited) {
      await wb.goToLine(1, 1);
      await wb.page.keyboard.press('Control+Z');
    }
    // Page 1 is as it was: its findings are all back, the cut where it was.
    await wb.waitForProblemCount(PAGE, P1.problems);
    await wb.page
      .locator('.markers-panel .monaco-list-row')
      .filter({ hasText: 'is cut across blank lines' })
      .filter({ hasText: `[Ln ${EDIT_LINE - 2}, ` })
      .waitFor();
    await wb.switchTo(PAGE);
  }
});

test('the Issue Map shows only the articles with problems when asked, and all of them again', async () => {
  const pane = await wb.showExplorerView('Issue Map');
  // Page 2's last article is clean (no problem, its jump found); the 常务委员会 article's jump is broken.
  const CLEAN = '市政协委员建言“人工智能+”赋能产业升级';
  const row = (name) => pane.locator('.monaco-list-row[aria-level="3"]', { has: wb.page.locator('.label-name', { hasText: name }) });
  await wb.withSideBarWidth(560, async () => {
    await row(CLEAN).waitFor();
    await wb.runCommand('Newsprint: Issue Map: Show Only Articles with Problems');
    await row(CLEAN).waitFor({ state: 'detached' });
    await row(BROKEN).first().waitFor();
    await wb.screenshot('08a-issue-map-problems-only');
    await wb.runCommand('Newsprint: Issue Map: Show All Articles');
    await row(CLEAN).waitFor();
  });
});

test('Alt+] and Alt+[ move between articles, Alt+Shift+] between Newsprint’s problems, and Ctrl+Alt+J to the other half of the article', async () => {
  await wb.switchTo(PAGE);
  const [first, second] = P1.articles;
  await wb.goToLine(first.range.start.line + 2, 1);
  await wb.page.keyboard.press('Alt+BracketRight');
  await wb.waitForCursor(`Ln ${second.range.start.line + 1}, Col 1`);
  await wb.page.keyboard.press('Alt+BracketLeft');
  await wb.waitForCursor(`Ln ${first.range.start.line + 1}, Col 1`);
  // The first problem of the page is the half-width one (line 5, column 12), the next the cut 很|多 (37:16).
  await wb.goToLine(1, 1);
  await wb.page.keyboard.press('Alt+Shift+BracketRight');
  await wb.waitForCursor('Ln 5, Col 12');
  await wb.page.keyboard.press('Escape');
  await wb.page.keyboard.press('Alt+Shift+BracketRight');
  await wb.waitForCursor('Ln 37, Col 16');
  await wb.page.keyboard.press('Escape');
  // From inside the article that jumps, to its continued part on page 2.
  await wb.goToLine(second.range.start.line + 3, 1);
  await wb.page.keyboard.press('Control+Alt+J');
  await wb.page.locator('.tabs-container .tab.active', { hasText: JUMP.page }).waitFor();
  await wb.waitForCursor(`Ln ${JUMP_TARGET.line}, Col ${JUMP_TARGET.column}`);
  await wb.screenshot('04b-other-half');
  await wb.switchTo(PAGE);
});

test('a quick fix on a broken wrap (Ctrl+.) joins its two parts', async () => {
  await wb.goToProblem(`“${CUT}” is cut across blank lines`);
  await wb.page.keyboard.press('Control+.');
  await wb.chooseAction(`Join the two parts of “${CUT}”`, () => wb.screenshot('09-quick-fix-menu'));
  await wb.page.locator('.editor-instance .view-line', { hasText: JOINED }).waitFor();
  await wb.showProblems();
  await wb.withMaximizedPanel(() => wb.waitForCodes(PAGE, { ...P1.codes, 'broken-wrap': P1.codes['broken-wrap'] - 1 }));
  await wb.screenshot('10-quick-fix-applied');
});

test(`Fix All, previewed and applied, joins the certain cuts and leaves only the findings that have no safe fix (${describeCodes(P1.unfixable)}), and the saved page keeps every character of the text`, async () => {
  // The reader joins a cut on its own only when no other reading comes close; the rest wait for the editor's eye.
  assert.ok(P1.codes['broken-wrap'] > (P1.unfixable['broken-wrap'] ?? 0), 'some broken wrap should have a safe fix');
  await wb.runCommand('Newsprint: Fix All Problems');
  // Asked for by a person, Fix All is shown in the Refactor Preview first: nothing changes until Apply.
  await wb.applyRefactorPreview('11-fix-all-preview');
  await wb.showProblems();
  // Exactly what has no safe fix stays: the uncertain cuts, and the (下转第二版) whose continued part page 2 does not hold.
  await wb.withMaximizedPanel(() => wb.waitForCodes(PAGE, P1.unfixable));
  await wb.save();
  await wb.screenshot('11-fix-all-saved');
  const original = readFileSync(join(CORPUS_ISSUE, PAGE), 'utf8');
  const saved = readFileSync(join(workspace, PAGE), 'utf8');
  assert.notEqual(saved, original);
  assert.ok(saved.split('\n').length < original.split('\n').length, 'Fix All removed no line break');
  assert.ok(saved.includes(JOINED));
  assert.equal(readerText(saved), readerText(original), 'Fix All changed the text a reader sees');
  // What the editor showed is what was saved: the checker, run on the workspace's issue, finds the same in the file.
  assert.deepEqual(checkIssue(join(workspace))[PAGE].codes, P1.unfixable);
});

/**
 * The text as a reader sees it: without line breaks and spaces, and with
 * ASCII punctuation in its full-width form, the only changes a fix may make.
 */
function readerText(text) {
  const FULL = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };
  return text.replace(/[\s\u3000\u00a0]/g, '').replace(/[,;:()!?]/g, (c) => FULL[c]);
}

test('a plain .txt file that holds a page line opens as Newspaper text, as the Issue Map already counts it', async () => {
  // Named like no page file, so only its page line (第3版 要闻) makes it a page.
  const name = 'extract.txt';
  writeFileSync(join(workspace, name), '第3版 要闻\n\n城市更新要有耐心\n\n本报讯（记者 王明）老城区的更新不能一蹴而就，要一片一片地做。\n');
  await wb.openFile(name);
  await wb.languageItem().filter({ hasText: LANGUAGE_NAME }).waitFor();
  await wb.screenshot('12-page-line-file');
});

test('Check the Whole Issue lists the findings of every page in the Problems panel, closed pages too, as the checker finds them', async () => {
  // What the pages on disk hold now (page 1 was fixed and saved; extract.txt joined the issue as page 3).
  const expected = checkIssue(workspace);
  const files = Object.keys(expected).sort();
  assert.ok(files.includes('02.txt') && Object.keys(expected['02.txt'].codes).length > 0, 'page 2 has findings to show');
  await wb.runCommand('View: Close All Editors');
  await wb.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
  // Closed, a page's findings leave the panel: only the issue check brings them back.
  await wb.showProblems();
  await wb.page.waitForFunction(() => !document.querySelector('.markers-panel .monaco-list-row[aria-level="1"]'));
  await wb.runCommand('Newsprint: Check the Whole Issue');
  const total = files.reduce((n, f) => n + expected[f].problems, 0);
  await wb.notification(`${total} problems, listed in the Problems panel`);
  await wb.withMaximizedPanel(async () => {
    // A page with no finding has no group in the panel to wait for (extract.txt).
    for (const file of files.filter((f) => expected[f].problems > 0)) await wb.waitForCodes(file, expected[file].codes);
    await wb.screenshot('13-check-whole-issue');
  });
  await wb.runCommand('Notifications: Clear All Notifications');
  // Stopped, the closed pages leave the panel again.
  await wb.runCommand('Newsprint: Stop Checking the Whole Issue');
  await wb.notification('Stopped checking cjrb-2026-01-08');
  await wb.showProblems();
  await wb.page.waitForFunction(() => !document.querySelector('.markers-panel .monaco-list-row[aria-level="1"]'));
  await wb.runCommand('Notifications: Clear All Notifications');
});

test('“Check This File as Newspaper Text” offers to remember the choice: declined, the file reopens as plain text; accepted, the workspace settings associate it and it reopens as Newspaper text', async () => {
  // Named like no page file and holding no page line: only the command makes it newspaper text.
  const name = 'notes.txt';
  writeFileSync(join(workspace, name), '城市更新要有耐心\n\n老城区的更新不能一蹴而就，要一片一片地做。\n');
  const title = `Newsprint: ${JSON.parse(readFileSync(join(REPO, 'package.nls.json'), 'utf8'))['command.useForFile']}`;
  const offer = `Open ${name} as Newspaper text every time in this workspace?`;
  const settings = join(workspace, '.vscode', 'settings.json');
  const plain = async () => {
    await wb.openFile(name);
    await wb.languageItem().filter({ hasText: 'Plain Text' }).waitFor();
  };

  await plain();
  await wb.runCommand(title);
  await wb.languageItem().filter({ hasText: LANGUAGE_NAME }).waitFor();
  await wb.notification(offer);
  await wb.runCommand('Notifications: Clear All Notifications');
  await wb.page.locator('.notification-toast', { hasText: offer }).waitFor({ state: 'detached' });
  // Not remembered: closed and opened again, the file is plain text, as VS Code reads it afresh.
  await wb.closeEditor(name);
  await plain();
  assert.ok(!existsSync(settings), 'declining the offer wrote workspace settings');

  await wb.runCommand(title);
  await wb.languageItem().filter({ hasText: LANGUAGE_NAME }).waitFor();
  const toast = await wb.notification(offer);
  const remember = toast.locator('.monaco-button', { hasText: 'Always open as Newspaper text' });
  await remember.waitFor();
  await wb.screenshot('14-remember-offer');
  await remember.click();
  await toast.waitFor({ state: 'detached' });
  const associations = await waitForFile(settings, (text) => JSON.parse(text)['files.associations']);
  // Anchored at the workspace folder's name: a notes.txt in a subfolder is not associated.
  assert.deepEqual(associations, { [`**/${basename(workspace)}/${name}`]: 'newsprint' });
  await wb.closeEditor(name);
  await wb.openFile(name);
  await wb.languageItem().filter({ hasText: LANGUAGE_NAME }).waitFor();
  await wb.screenshot('15-remembered');
});

/** Polls a file the workbench writes until `read` finds in it what it looks for (VS Code writes settings asynchronously, after the click). */
async function waitForFile(path, read, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    let found;
    try {
      found = read(readFileSync(path, 'utf8'));
    } catch {
      /* not written yet, or half written */
    }
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${path} did not get what was looked for within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('a file named by the workspace’s pageFileNamePattern opens as Newspaper text, as the Issue Map counts it', async () => {
  // Named like no built-in page file and holding no page line: only the pattern in .newsprint.json makes it page 4.
  // A pattern replaces the built-in names, so it names 01.txt and 02.txt too.
  writeFileSync(join(workspace, '.newsprint.json'), `${JSON.stringify({ pageFileNamePattern: '^(?:sz-)?(\\d+)$' }, null, 2)}\n`);
  const name = 'sz-4.txt';
  writeFileSync(join(workspace, name), '社区食堂开到家门口\n\n本报讯（记者 李华）社区食堂开进了老小区，老人们在家门口吃上了热饭。\n');
  // The server reads the pattern and the file from disk as its watcher tells it; once the map lists the page, the editor's question gets that answer too.
  const pane = await wb.showExplorerView('Issue Map');
  await pane.locator('.monaco-list-row[aria-level="2"]', { hasText: name }).waitFor();
  await wb.openFile(name);
  await wb.languageItem().filter({ hasText: LANGUAGE_NAME }).waitFor();
  // The 字数 item names the page the pattern gave it.
  await wb.page.locator('.statusbar-item', { hasText: /^\s*\d+字 · 4版\s*$/ }).waitFor();
  await wb.screenshot('16-pattern-file');
});
