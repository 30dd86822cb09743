// Newsprint in a real VS Code (code-server 4.100.3, VS Code 1.100) driven
// through its UI in headless chromium: the packaged .vsix is installed the way
// a user installs it, a copy of the corpus issue is opened, and each step
// waits on what the workbench shows. One screenshot per step goes to
// test/e2e/screenshots/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** What the built checker reports on a page: the editor must show the same analysis. */
function check(path) {
  const out = execFileSync(process.execPath, [join(REPO, 'server', 'out', 'cli.js'), 'check', '--format', 'json', path], { encoding: 'utf8' });
  const [file] = JSON.parse(out).files;
  const codes = {};
  for (const d of file.diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
  return { codes, headlines: file.articles.map((a) => a.headline) };
}
// On the corpus page today: 15 broken-wrap, 1 spaced-headline, 1 halfwidth-punctuation; 9 blocks,
// from 八部门印发《“人工智能+制造”专项行动实施意见》… to the teaser 2026 武汉两会 乘势而上 续写新篇.
const EXPECTED = check(join(CORPUS_ISSUE, PAGE));
const describeCodes = (codes) => Object.entries(codes).map(([code, n]) => `${n} ${code}`).join(', ');

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

/**
 * Waits until the Problems panel shows these numbers of rows per rule id (the
 * code each row shows beside its source); with `exact`, no row of another rule either.
 */
async function waitForCodes(expected, { exact = true } = {}) {
  await wb.page.waitForFunction(({ want, exact }) => {
    const got = {};
    for (const row of document.querySelectorAll('.markers-panel .monaco-list-row')) {
      if (row.querySelector('.marker-source')?.textContent !== 'newsprint') continue;
      const code = row.querySelector('.marker-code')?.textContent ?? '';
      got[code] = (got[code] ?? 0) + 1;
    }
    return Object.keys(exact ? { ...got, ...want } : want).every((k) => (got[k] ?? 0) === (want[k] ?? 0));
  }, { want: expected, exact });
}

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

test(`the Problems panel lists the page’s findings (${describeCodes(EXPECTED.codes)})`, async () => {
  assert.ok(EXPECTED.codes['broken-wrap'] > 1, 'the corpus page should have broken wraps to fix');
  await wb.showProblems();
  await wb.withMaximizedPanel(async () => {
    await waitForCodes(EXPECTED.codes);
    await wb.screenshot('02-problems-all');
  });
  await wb.page.locator('.markers-panel .monaco-list-row', { hasText: `“${CUT}” is cut across lines 61–63` }).waitFor();
  await wb.screenshot('02-problems');
});

test(`the Outline shows the ${EXPECTED.headlines.length} blocks of the page with their headlines`, async () => {
  const outline = await wb.showOutline();
  await wb.page.waitForFunction((n) => document.querySelectorAll('.outline-pane .monaco-list-row[aria-level="1"]').length === n, EXPECTED.headlines.length);
  const headlines = await outline.locator('.monaco-list-row[aria-level="1"] .label-name').allInnerTexts();
  assert.deepEqual(headlines, EXPECTED.headlines);
  await wb.screenshot('03-outline');
});

test('a quick fix on a broken wrap (Ctrl+.) joins its two parts', async () => {
  await wb.goToProblem(`“${CUT}” is cut across lines 61–63`);
  await wb.page.keyboard.press('Control+.');
  await wb.chooseAction(`Join the two parts of “${CUT}”`, () => wb.screenshot('04-quick-fix-menu'));
  await wb.page.locator('.editor-instance .view-line', { hasText: JOINED }).waitFor();
  await wb.showProblems();
  await wb.withMaximizedPanel(() => waitForCodes({ ...EXPECTED.codes, 'broken-wrap': EXPECTED.codes['broken-wrap'] - 1 }));
  await wb.screenshot('05-quick-fix-applied');
});

test('Fix All leaves no broken wrap, and the saved page keeps every character of the text', async () => {
  await wb.runCommand('Newsprint: Fix All Problems');
  await wb.showProblems();
  await wb.withMaximizedPanel(() => waitForCodes({ 'broken-wrap': 0 }, { exact: false }));
  await wb.save();
  await wb.screenshot('06-fix-all-saved');
  const original = readFileSync(join(CORPUS_ISSUE, PAGE), 'utf8');
  const saved = readFileSync(join(workspace, PAGE), 'utf8');
  assert.notEqual(saved, original);
  assert.ok(saved.split('\n').length < original.split('\n').length, 'no line break was removed');
  assert.ok(saved.includes(JOINED));
  assert.equal(readerText(saved), readerText(original), 'Fix All changed the text a reader sees');
  // What the editor showed is what was saved: the checker finds no broken wrap in the file either.
  assert.equal(check(join(workspace, PAGE)).codes['broken-wrap'], undefined);
});

test('go to definition on (下转第二版) opens the continued part on page 2', { skip: 'the issue features (cross-page links) have not landed yet' }, () => {});

test('the issue map lists the pages of the issue', { skip: 'the issue map view has not landed yet' }, () => {});

/**
 * The text as a reader sees it: without line breaks and spaces, and with
 * ASCII punctuation in its full-width form, the only changes a fix may make.
 */
function readerText(text) {
  const FULL = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };
  return text.replace(/[\s\u3000\u00a0]/g, '').replace(/[,;:()!?]/g, (c) => FULL[c]);
}
