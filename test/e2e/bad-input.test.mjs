// Bad input tried as a new user tries it, in a real VS Code (code-server
// 4.100.3, VS Code 1.100) driven through its UI in headless chromium: the
// packaged .vsix is installed, a folder of awkward page files is opened, and
// each file is opened in the editor. For every file the extension must cope:
// what the editor shows agrees with the checker, the Newsprint status item
// still reads ready, no notification says the server stopped or restarted (nor
// any error), and the Newsprint output holds no error line. One screenshot per
// file goes to test/e2e/screenshots/bad-input-*.png.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { EditorSession } from './editorSession.mjs';
import { CORPUS_ISSUE, MANIFEST, REPO } from './paths.mjs';

/** The name the status bar shows for the language: its first alias. */
const LANGUAGE_NAME = MANIFEST.contributes.languages.find((l) => l.id === 'newsprint').aliases[0];
/** Everything this file writes beside editor.test.mjs's screenshots starts with this. */
const PREFIX = 'bad-input';
const READY = '.statusbar-item [aria-label^="Newsprint: ready"]';
/** What the client says when the server dies (restartPolicy.ts), in a notification and in the output. */
const RESTARTED = /stopped unexpectedly|restarting|will not be restarted|failed to start|not running/i;
/** The size of the single-line file: 10 MB, just under code-server's 10 MiB large-file prompt for remote files. */
const LONG_LINE_BYTES = 10_000_000;

const PAGE = readFileSync(join(CORPUS_ISSUE, '01.txt'), 'utf8');

/** Characters outside the BMP (two UTF-16 code units each) put next to cut words of the corpus page. */
const ASTRAL = [
  // [line, text it goes before, what goes there]
  [61, '市人大常委会主任', '😀'], // at the start of the line: the cut “人大常|委会” moves right by two units
  [79, '融', '🇨🇳'], // a flag (two astral characters) right before the cut “融|合”
  [97, '奋', '𠀀'], // CJK Extension B right before the cut “奋|进”
  [111, '建', '𠀀😀'], // both, right before the cut “建|设”
];

/** The awkward page files, by name. */
function badFiles() {
  const lines = PAGE.split('\n');
  for (const [line, before, insert] of ASTRAL) {
    const at = lines[line - 1].lastIndexOf(before);
    assert.ok(at >= 0, `line ${line} of the corpus page no longer holds ${before}`);
    lines[line - 1] = lines[line - 1].slice(0, at) + insert + lines[line - 1].slice(at);
  }
  // The page without its line breaks and spaces, repeated as one line, cut to whole characters.
  const once = PAGE.replace(/\s+/g, '');
  const flat = Buffer.from(once.repeat(Math.ceil(LONG_LINE_BYTES / Buffer.byteLength(once))));
  let end = LONG_LINE_BYTES;
  while ((flat[end] & 0xc0) === 0x80) end--;
  // A PNG signature and IHDR chunk, then NUL bytes.
  const png = Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001080600000001f15c48', 'hex');
  return {
    'empty.np.txt': '',
    'blank.np.txt': '   \n\u3000\u3000\n\n \u3000 \n\n\n    \n',
    'crlf.np.txt': `\uFEFF${PAGE.replace(/\n/g, '\r\n')}`,
    'surrogates.np.txt': lines.join('\n'),
    'binary.np.txt': Buffer.concat([png, Buffer.alloc(512)]),
    'long-line.np.txt': flat.subarray(0, end),
  };
}

const session = new EditorSession(PREFIX);
let workspace;
/** @type {import('./workbench.mjs').Workbench} */
let wb;
/** What the built checker reports on each file of the folder, by name: LSP diagnostics with 0-based ranges. */
let expected = {};

before(async () => {
  wb = await session.start((root) => {
    workspace = join(root, 'workspace', 'bad-input');
    mkdirSync(workspace, { recursive: true });
    for (const [name, content] of Object.entries(badFiles())) writeFileSync(join(workspace, name), content);
    expected = check(workspace);
    return workspace;
  });
});

after(() => session.close());

/**
 * The checker's findings on a file, or on every file of a folder checked as the issue the server indexes too, by
 * file name: the first 999 of each, as newsprint.maxProblems lets the editor show them.
 */
function check(folder) {
  const out = execFileSync(process.execPath, [join(REPO, 'server', 'out', 'cli.js'), 'check', '--format', 'json', '--no-outline', '--max-problems', '999', folder], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const byName = {};
  for (const file of JSON.parse(out).files) byName[file.path.split(/[\\/]/).pop()] = file.diagnostics;
  return byName;
}

function countCodes(diagnostics) {
  const codes = {};
  for (const d of diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
  return codes;
}

/** Opens a workspace file with Quick Open; resolves to 'text', or to the placeholder VS Code shows instead ('placeholder'). */
async function open(name) {
  const { page } = wb;
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page
    .locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: name }) })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  const text = page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').filter({ visible: true });
  const placeholder = placeholderOf();
  await text.or(placeholder).first().waitFor();
  return (await placeholder.isVisible()) ? 'placeholder' : 'text';
}

function placeholderOf() {
  return wb.page.locator('.editor-group-container.active .monaco-editor-pane-placeholder').filter({ visible: true });
}

/**
 * Clicks “Open Anyway” on the placeholder, as a user who wants to see the
 * file does, picks the text editor when VS Code asks which editor, and waits for it.
 */
async function openAnyway() {
  const { page } = wb;
  await placeholderOf().locator('.editor-placeholder-buttons-container .monaco-button', { hasText: 'Open Anyway' }).click();
  const text = page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').filter({ visible: true });
  const picker = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: /^Text Editor$/ }) });
  await text.or(picker).first().waitFor();
  if (await picker.isVisible()) {
    await picker.click();
    await text.waitFor();
  }
}

async function closeAllEditors() {
  await wb.runCommand('View: Close All Editors');
  await wb.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
}

/** The Problems rows Newsprint made: each row's code, message and “[Ln x, Col y]”, as rendered. */
async function newsprintRows() {
  return wb.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) =>
    rows
      .filter((row) => row.querySelector('.marker-source')?.textContent === 'newsprint')
      .map((row) => ({
        code: row.querySelector('.marker-code')?.textContent ?? '',
        line: row.querySelector('.marker-line')?.textContent ?? '',
        text: row.textContent ?? '',
      })),
  );
}

/** Waits until the Problems panel shows exactly these numbers of Newsprint rows per rule id. */
async function waitForCodes(want) {
  await wb.page.waitForFunction((want) => {
    const got = {};
    for (const row of document.querySelectorAll('.markers-panel .monaco-list-row')) {
      if (row.querySelector('.marker-source')?.textContent !== 'newsprint') continue;
      const code = row.querySelector('.marker-code')?.textContent ?? '';
      got[code] = (got[code] ?? 0) + 1;
    }
    return Object.keys({ ...got, ...want }).every((k) => (got[k] ?? 0) === (want[k] ?? 0));
  }, want);
}

/** The Problems panel as VS Code shows it when nothing is found: its “no problems” message. */
async function waitForNoProblems() {
  await wb.showProblems();
  await wb.page.locator('.markers-panel .monaco-list-row').first().waitFor({ state: 'detached' });
  await wb.page.locator('.markers-panel-container .message-box-container', { hasText: 'No problems' }).waitFor();
}

/** Still nothing, once the case is over: the status bar's problem count says “No Problems” (every other file is closed). */
async function assertStillNoProblems(name) {
  const count = wb.page.locator('#status\\.problems a');
  assert.equal(await count.getAttribute('aria-label'), 'No Problems', `problems appeared for ${name}`);
}

/** `[Ln l, Col c]` as the Problems panel writes a 0-based LSP position. */
const lnCol = (pos) => `[Ln ${pos.line + 1}, Col ${pos.character + 1}]`;

/** The Outline of the active editor says it has no symbols: the server answered, with an empty outline. */
async function waitForEmptyOutline(name) {
  await wb.showOutline();
  await wb.page.locator('.outline-pane .outline-message', { hasText: `No symbols found in document '${name}'` }).waitFor();
}

/**
 * What every case ends with: the status item reads ready, no notification
 * says the server stopped, restarted or failed (nor any error), and the
 * Newsprint output shows no restart and no error line.
 */
async function assertCoping(name) {
  const { page } = wb;
  await page.locator(READY).waitFor();
  await wb.screenshot(`${PREFIX}-${name.replace(/\.np\.txt$/, '')}`);

  // The notification center holds every notification of the window, shown or already hidden.
  await wb.runCommand('Notifications: Show Notifications');
  const center = page.locator('.notifications-center');
  await center.waitFor();
  const notifications = await center.locator('.notification-list-item').evaluateAll((items) =>
    items.map((item) => ({
      message: item.querySelector('.notification-list-item-message')?.textContent ?? '',
      error: item.querySelector('.notification-list-item-icon')?.classList.contains('codicon-error') ?? false,
    })),
  );
  await wb.runCommand('Notifications: Hide Notifications');
  await center.waitFor({ state: 'hidden' });
  assert.deepEqual(
    notifications.filter((n) => n.error || RESTARTED.test(n.message) || /newsprint/i.test(n.message)),
    [],
    `notifications after opening ${name}`,
  );

  const lines = await outputLines();
  assert.deepEqual(
    lines.filter((l) => RESTARTED.test(l)),
    [],
    `the Newsprint output after opening ${name} says the server stopped`,
  );
  assert.ok(lines.filter((l) => /word segmentation ready/.test(l)).length <= 1, `the server started more than once:\n${lines.join('\n')}`);
  assert.deepEqual(
    lines.filter((l) => /\[error\]/.test(l)),
    [],
    `error lines in the Newsprint output after opening ${name}`,
  );
  // The status item stays on ready when the output takes the focus.
  await page.locator(READY).waitFor();
}

/**
 * The lines the Newsprint output shows, opened with “Newsprint: Show Output”.
 * The panel shows its last dozen lines: all of them when Newsprint copes (the
 * server's two lines, segmentation ready and pages indexed), and the newest,
 * where an error or a restart would be, when it does not. (Maximizing the
 * panel to show more would re-wrap the 10 MB line when it is restored: seconds.)
 */
async function outputLines() {
  const { page } = wb;
  await wb.runCommand('Newsprint: Show Output');
  const view = page.locator('.panel .output-view .monaco-editor .view-lines');
  await view.locator('.view-line', { hasText: 'Newsprint:' }).first().waitFor();
  return view.evaluate((el) =>
    [...el.querySelectorAll('.view-line')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)).map((line) => line.textContent.replace(/\u00a0/g, ' ')),
  );
}

test('the .vsix installs with code-server --install-extension', () => {
  assert.match(session.installLog, /successfully installed/);
});

test('empty.np.txt: an empty page opens as newspaper text with no problems and an empty outline', async () => {
  assert.deepEqual(expected['empty.np.txt'] ?? [], []);
  assert.equal(await open('empty.np.txt'), 'text');
  await wb.languageItem().filter({ hasText: LANGUAGE_NAME }).waitFor();
  await waitForEmptyOutline('empty.np.txt');
  await waitForNoProblems();
  await assertCoping('empty.np.txt');
  await assertStillNoProblems('empty.np.txt');
  await closeAllEditors();
});

test('blank.np.txt: spaces, U+3000 and blank lines only: no problems and an empty outline', async () => {
  assert.deepEqual(expected['blank.np.txt'] ?? [], []);
  assert.equal(await open('blank.np.txt'), 'text');
  await wb.languageItem().filter({ hasText: LANGUAGE_NAME }).waitFor();
  await waitForEmptyOutline('blank.np.txt');
  await waitForNoProblems();
  await assertCoping('blank.np.txt');
  await assertStillNoProblems('blank.np.txt');
  await closeAllEditors();
});

test('crlf.np.txt: the corpus page with CRLF line ends and a BOM shows the same problems as the page itself', async () => {
  const diagnostics = expected['crlf.np.txt'];
  const key = (d) => JSON.stringify([d.code, d.message, d.range]);
  assert.deepEqual(diagnostics.map(key), check(join(CORPUS_ISSUE, '01.txt'))['01.txt'].map(key), 'the checker reads the CRLF and BOM copy as the page itself');
  assert.ok(diagnostics.some((d) => d.message.startsWith('“人大常|委会” is cut across blank lines')));
  assert.equal(await open('crlf.np.txt'), 'text');
  await wb.page.locator('#status\\.editor\\.eol', { hasText: 'CRLF' }).waitFor();
  await wb.page.locator('#status\\.editor\\.encoding', { hasText: 'UTF-8 with BOM' }).waitFor();
  await wb.showProblems();
  await wb.withMaximizedPanel(async () => {
    await waitForCodes(countCodes(diagnostics));
    const rows = await newsprintRows();
    const cut = rows.find((r) => r.text.includes('“人大常|委会” is cut across blank lines'));
    assert.ok(cut, `no row for “人大常|委会” among:\n${rows.map((r) => r.text).join('\n')}`);
    assert.equal(cut.line, '[Ln 61, Col 14]');
  });
  await assertCoping('crlf.np.txt');
  await closeAllEditors();
});

test('surrogates.np.txt: emoji and 𠀀 next to cut words: the problems sit where the checker puts them, on whole characters', async () => {
  const name = 'surrogates.np.txt';
  const diagnostics = expected[name];
  const text = readFileSync(join(workspace, name), 'utf8').split('\n');
  // Each finding beside an inserted character starts and ends on whole UTF-16 characters, after it.
  const isLow = (line, character) => /[\uDC00-\uDFFF]/.test(text[line]?.[character] ?? '');
  for (const d of diagnostics) {
    assert.ok(!isLow(d.range.start.line, d.range.start.character) && !isLow(d.range.end.line, d.range.end.character), `${d.message} splits a surrogate pair`);
  }
  const beside = ASTRAL.map(([line]) => diagnostics.find((d) => d.code === 'broken-wrap' && d.range.start.line === line - 1));
  assert.ok(beside.every(Boolean), 'every cut beside an inserted character is still found');

  assert.equal(await open(name), 'text');
  await wb.showProblems();
  await wb.withMaximizedPanel(async () => {
    await waitForCodes(countCodes(diagnostics));
    const rows = await newsprintRows();
    for (const d of beside) {
      const row = rows.find((r) => r.text.includes(d.message));
      assert.ok(row, `no row for ${d.message}`);
      assert.equal(row.line, lnCol(d.range.start), d.message);
    }
  });
  await assertCoping(name);
  await closeAllEditors();
});

test('binary.np.txt: a PNG header and NUL bytes: no Newsprint problem, shown as binary or as text', async () => {
  const name = 'binary.np.txt';
  assert.deepEqual(expected[name] ?? [], []);
  if ((await open(name)) === 'placeholder') {
    await placeholderOf().locator('.editor-placeholder-label-container', { hasText: 'binary' }).waitFor();
    await waitForNoProblems();
    await wb.screenshot(`${PREFIX}-binary-placeholder`);
    // A user who wants to see it anyway: the text editor opens it as newspaper text, and the server stays quiet on it.
    await openAnyway();
  }
  // VS Code gives a binary file opened as text its own language, Binary, which Newsprint leaves alone;
  // a user who wants it checked picks Newspaper text, and the server stays quiet on it.
  if (!(await wb.languageItem().textContent()).includes(LANGUAGE_NAME)) {
    await wb.languageItem().click();
    await wb.page.locator('.quick-input-widget input[placeholder="Select Language Mode"]').fill(LANGUAGE_NAME);
    await wb.page.locator('.quick-input-list .monaco-list-row', { has: wb.page.locator('.label-name', { hasText: new RegExp(`^${LANGUAGE_NAME}$`) }) }).click();
  }
  await wb.languageItem().filter({ hasText: LANGUAGE_NAME }).waitFor();
  await waitForEmptyOutline(name);
  await waitForNoProblems();
  await assertCoping(name);
  await assertStillNoProblems(name);
  await closeAllEditors();
});

const LONG = 'long-line.np.txt';

test('long-line.np.txt: a single line of 10 MB opens as newspaper text, its problems are listed, and the server keeps running', async () => {
  const diagnostics = expected[LONG];
  const size = statSync(join(workspace, LONG)).size;
  assert.ok(size > LONG_LINE_BYTES - 4 && size <= LONG_LINE_BYTES, `the file holds ${size} bytes`);
  assert.ok(
    diagnostics.some((d) => /more problems not shown/.test(d.message)),
    'the checker should find more than newsprint.maxProblems',
  );
  if ((await open(LONG)) === 'placeholder') await openAnyway();
  await wb.languageItem().filter({ hasText: LANGUAGE_NAME }).waitFor();
  await wb.showProblems();
  // The Problems list renders only the rows in view; the file's row counts them all, and they come in one go.
  const fileRow = wb.page.locator('.markers-panel .monaco-list-row[aria-level="1"]', { hasText: LONG });
  await fileRow
    .locator('.monaco-count-badge')
    .filter({ hasText: /^1\d\d\d$/ })
    .waitFor();
  const first = diagnostics.find((d) => d.severity === 2);
  const firstRow = wb.page.locator('.markers-panel .monaco-list-row', { hasText: lnCol(first.range.start) });
  await firstRow.filter({ hasText: first.message }).waitFor();
  await assertCoping(LONG);
});

test('long-line.np.txt: the Problems panel says how many findings newsprint.maxProblems leaves out', async () => {
  const counted = expected[LONG].find((d) => /more problems not shown/.test(d.message));
  assert.ok(counted, 'the checker counts the findings it leaves out');
  // The same count, named for the editor's limit rather than the checker's option.
  const count = { message: counted.message.replace('--max-problems', 'newsprint.maxProblems') };
  // The Problems list renders only the rows in view: End in the focused list shows the last rows, where the count sits.
  await wb.showProblems();
  await wb.page.locator('.markers-panel .monaco-list:focus-within').waitFor();
  await wb.page.keyboard.press('End');
  await wb.page
    .locator('.markers-panel .monaco-list-row', { hasText: /Not showing|more problems not shown/ })
    .first()
    .waitFor();
  await wb.screenshot(`${PREFIX}-long-line-last-problems`);
  const rows = await wb.page.locator('.markers-panel .monaco-list-row[aria-level="2"]').allTextContents();
  assert.ok(
    rows.some((r) => r.includes(count.message)),
    `no row says “${count.message}”; the last rows:\n${rows.slice(-3).join('\n')}`,
  );
});

test('long-line.np.txt: the code actions VS Code asks for on the page are answered without an error', async () => {
  const isError = (line) => /\[error\]/.test(line);
  // VS Code asks for code actions as soon as the page opens, for the light bulb at the cursor: a failure is in the output already.
  const onOpening = (await outputLines()).filter(isError);
  assert.deepEqual(onOpening, [], 'error lines in the Newsprint output once the page is open');
  // Ctrl+. on a finding, as a user asks for its fix.
  const first = expected[LONG].find((d) => d.severity === 2);
  await wb.showProblems();
  await wb.page.locator('.markers-panel .monaco-list:focus-within').waitFor();
  await wb.page.keyboard.press('Home');
  await wb.page
    .locator('.markers-panel .monaco-list-row', { hasText: lnCol(first.range.start) })
    .first()
    .dblclick();
  await wb.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  await wb.page.keyboard.press('Control+.');
  const menu = wb.page.locator('.action-widget .monaco-list-row.action');
  // The answer carries the page's fix-all edit, one edit per half-width mark (160,000 here): give the menu 10 s.
  const offered = await menu
    .first()
    .waitFor({ timeout: 10_000 })
    .then(
      () => menu.allTextContents(),
      () => [],
    );
  await wb.screenshot(`${PREFIX}-long-line-quick-fix`);
  await wb.page.keyboard.press('Escape');
  const afterCtrlDot = (await outputLines()).filter(isError);
  const menuSaid = offered.length > 0 ? `the menu offered ${offered.join(', ')}` : 'the menu did not open within 10 s';
  assert.deepEqual(afterCtrlDot, [], `error lines in the Newsprint output after Ctrl+. on “${first.message}” (${menuSaid})`);
});
