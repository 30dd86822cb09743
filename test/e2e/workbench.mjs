// Drives the VS Code workbench in Debian's chromium through playwright-core.
// Every step waits on what the workbench shows (a selector, a text, a count),
// never on a fixed delay.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.NEWSPRINT_E2E_CHROMIUM || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox', // chromium refuses to run as root otherwise
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
  '--disable-dev-shm-usage',
];

/** `env` keeps chromium's own files (crash reports, dconf) out of the user's $HOME. */
export async function launchBrowser(env) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env });
}

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, screenshotDir) {
    this.page = page;
    this.screenshotDir = screenshotDir;
    mkdirSync(screenshotDir, { recursive: true });
  }

  static async open(browser, url, folder, screenshotDir) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${url}?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor();
    // The explorer lists the folder once the remote file system is connected.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    return new Workbench(page, screenshotDir);
  }

  async screenshot(name) {
    const path = join(this.screenshotDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /**
   * Runs a command from the command palette by its exact title; with
   * `asks`, waits for the quick pick of that title the command opens instead
   * of the palette closing.
   */
  async runCommand(title, { asks, tries = 4 } = {}) {
    const { page } = this;
    const input = page.locator('.quick-input-widget input');
    const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) }).first();
    // The palette closes when something else takes the focus (an editor that a late click opens, a
    // notification): opened again, not waited on until the test times out.
    for (let attempt = 1; ; attempt++) {
      try {
        await page.keyboard.press('F1');
        await input.waitFor({ timeout: 5000 });
        await input.fill(`>${title}`, { timeout: 5000 });
        await row.click({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt >= tries) throw error;
        await page.keyboard.press('Escape');
      }
    }
    if (asks) await page.locator('.quick-input-widget .quick-input-title', { hasText: asks }).waitFor();
    else await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Opens a workspace file with Quick Open and waits for its editor tab.
   * A file written while the workbench runs reaches Quick Open's file search
   * only once its watcher has seen it, and a search that missed it is kept
   * while the picker stays open: so the picker is closed and asked again.
   * Enter opens the focused row, which is the file only once the picker has
   * filtered its list: before that it lists the recently opened files, the
   * file among them when it was open before, and the focus is on another.
   */
  async openFile(name, { tries = 6 } = {}) {
    const { page } = this;
    const input = page.locator('.quick-input-widget input');
    const row = page.locator('.quick-input-list .monaco-list-row.focused', { has: page.locator('.label-name', { hasText: name }) }).first();
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+P');
      await input.waitFor();
      await input.fill(name);
      try {
        await row.waitFor({ timeout: 5000 });
        break;
      } catch (error) {
        if (attempt >= tries) throw error;
        await page.keyboard.press('Escape');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      }
    }
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await page.locator('.editor-instance .monaco-editor .view-lines').waitFor();
  }

  /** Saves the active editor and waits until its tab no longer shows unsaved changes. */
  async save() {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  }

  /**
   * Runs `fn` with the panel filling the window, so that the Problems list,
   * which only renders the rows in view, renders all of them.
   */
  async withMaximizedPanel(fn) {
    // A maximized panel hides the editor area, and the workbench says so in its class.
    const maximized = this.page.locator('.monaco-workbench.nomaineditorarea');
    await this.runCommand('View: Toggle Maximized Panel');
    await maximized.waitFor();
    try {
      return await fn();
    } finally {
      await this.runCommand('View: Toggle Maximized Panel');
      await maximized.waitFor({ state: 'detached' });
    }
  }

  /**
   * Picks the entry titled `title` in the open quick-fix menu with the
   * keyboard, as a user does (the menu blocks the pointer outside its rows).
   * `beforeChoosing` runs once the entry is highlighted.
   */
  async chooseAction(title, beforeChoosing) {
    const menu = this.page.locator('.action-widget');
    const entry = menu.locator('.monaco-list-row.action', { hasText: title });
    await entry.waitFor();
    const rows = await menu.locator('.monaco-list-row.action').count();
    for (let i = 0; i <= rows && !(await entry.evaluate((el) => el.classList.contains('focused'))); i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    await menu.locator('.monaco-list-row.action.focused', { hasText: title }).waitFor();
    await beforeChoosing?.();
    await this.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
  }

  /**
   * Waits for the Refactor Preview an edit that needs confirmation opens,
   * checks its changes as a person does (they come unchecked), screenshots
   * it as `name`, and applies it with its Apply button.
   */
  async applyRefactorPreview(name) {
    const pane = this.page.locator('.bulk-edit-panel');
    await pane.waitFor();
    await pane.locator('.monaco-list-row').first().waitFor();
    // Changes that need confirmation come unchecked: checking the file checks every change in it.
    const file = pane.locator('.monaco-list-row[aria-level="1"]').first();
    const box = file.locator('input[type="checkbox"], .monaco-checkbox').first();
    if (!(await file.getAttribute('aria-checked'))?.startsWith('true')) await box.click();
    const path = await this.screenshot(name);
    await pane.locator('.monaco-button', { hasText: /^Apply$/ }).click();
    await pane.waitFor({ state: 'hidden' });
    return path;
  }

  /** Opens the Problems panel. */
  async showProblems() {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.page.locator('.markers-panel').waitFor();
  }

  /** Opens the problem whose row shows `text` in the editor, with the cursor on it. */
  async goToProblem(text) {
    await this.showProblems();
    const row = this.page.locator('.markers-panel .monaco-list-row', { hasText: text });
    await row.dblclick();
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  }

  /**
   * Shows the Outline view of the explorer, with the folder section above it
   * folded so the outline gets the height of the side bar, and returns it.
   */
  async showOutline() {
    const folders = this.page.locator('.pane-header[aria-label^="Explorer Section"]');
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    await this.page.locator('.pane-header[aria-label^="Explorer Section"][aria-expanded="false"]').waitFor();
    await this.runCommand('Explorer: Focus on Outline View');
    const outline = this.page.locator('.outline-pane');
    await outline.waitFor();
    return outline;
  }

  /**
   * Waits until the Problems panel's group of `file` lists these numbers of
   * rows per rule id (the code each row shows beside its source); with
   * `exact`, no row of another rule either. Other files' groups (a page
   * opened by a jump) are not counted. Call it with the panel maximized, so
   * that the list, which only renders the rows in view, renders the group.
   */
  async waitForCodes(file, expected, { exact = true } = {}) {
    await this.page.waitForFunction(
      ({ file, want, exact }) => {
        const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
        let total;
        let listed = 0;
        let inFile = false;
        const got = {};
        for (const row of rows) {
          if (row.getAttribute('aria-level') === '1') {
            inFile = row.querySelector('.label-name')?.textContent === file;
            // “18 problems in file 01.txt of folder .”: the whole group is rendered once every one of them is counted.
            if (inFile) total = Number(/^(\d+) /.exec(row.getAttribute('aria-label') ?? '')?.[1]);
            continue;
          }
          if (!inFile || row.getAttribute('aria-level') !== '2') continue;
          listed++;
          if (row.querySelector('.marker-source')?.textContent !== 'newsprint') continue;
          const code = row.querySelector('.marker-code')?.textContent ?? '';
          got[code] = (got[code] ?? 0) + 1;
        }
        if (total === undefined || listed !== total) return false;
        return Object.keys(exact ? { ...got, ...want } : want).every((k) => (got[k] ?? 0) === (want[k] ?? 0));
      },
      { file, want: expected, exact },
    );
  }

  /** Waits until the Problems panel counts `count` problems for `file` (its group's badge), whatever is scrolled into view. */
  async waitForProblemCount(file, count) {
    await this.showProblems();
    const label = `${count} ${count === 1 ? 'problem' : 'problems'} in file ${file} `;
    await this.page.waitForFunction(
      (label) => [...document.querySelectorAll('.markers-panel .monaco-list-row[aria-level="1"]')].some((r) => r.getAttribute('aria-label')?.startsWith(label)),
      label,
    );
  }

  /** Waits until the status bar shows exactly this cursor position (and selection): “Ln 51, Col 3”, “Ln 115, Col 28 (27 selected)”. */
  async waitForCursor(text) {
    await this.page.waitForFunction((want) => document.querySelector('#status\\.editor\\.selection')?.textContent?.trim() === want, text);
  }

  /** Puts the cursor at a 1-based line and column of the active editor with Go to Line/Column (Ctrl+G). */
  async goToLine(line, column) {
    const { page } = this;
    await page.locator('.editor-instance .monaco-editor').first().waitFor();
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.waitForCursor(`Ln ${line}, Col ${column}`);
  }

  /** Brings the editor of an open file to the front by clicking its tab. */
  async switchTo(name) {
    await this.page.locator('.tabs-container .tab', { hasText: name }).click();
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  }

  /** Closes the editor of an open file (its tab to the front, then Ctrl+W). */
  async closeEditor(name) {
    await this.switchTo(name);
    await this.page.keyboard.press('Control+W');
    await this.page.locator('.tabs-container .tab', { hasText: name }).waitFor({ state: 'detached' });
  }

  /** Shows the hover at the cursor, as Ctrl+K Ctrl+I does, and returns it once it has content. */
  async showHover() {
    await this.runCommand('Show or Focus Hover');
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { has: this.page.locator('.hover-contents') }).first();
    await hover.waitFor();
    return hover;
  }

  /**
   * Shows a view of the explorer by its title (“Issue Map”) with the other
   * sections folded, so it gets the height of the side bar, and returns its pane.
   */
  async showExplorerView(title) {
    const { page } = this;
    // One section at a time, found afresh: folding one moves the others' places in the list.
    const headers = page.locator('#workbench\\.view\\.explorer .pane-header[aria-expanded="true"]');
    const others = () => headers.evaluateAll((hs, title) => hs.map((h, i) => (h.getAttribute('aria-label')?.startsWith(title) ? -1 : i)).filter((i) => i >= 0), title);
    for (let left = await others(); left.length > 0;) {
      await headers.nth(left[0]).click();
      const before = left.length;
      await page.waitForFunction(
        ({ title, before }) =>
          [...document.querySelectorAll('#workbench\\.view\\.explorer .pane-header[aria-expanded="true"]')].filter((h) => !h.getAttribute('aria-label')?.startsWith(title)).length <
          before,
        { title, before },
      );
      left = await others();
    }
    await this.runCommand(`Explorer: Focus on ${title} View`);
    const pane = page.locator('#workbench\\.view\\.explorer .pane', { has: page.locator(`.pane-header[aria-label^="${title}"][aria-expanded="true"]`) });
    await pane.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#workbench\\.view\\.explorer .pane-header[aria-expanded="true"]').length === 1);
    return pane;
  }

  /**
   * Runs `fn` with the side bar at least `width` pixels wide (View: Increase
   * Current View Size, with the side bar focused), then brings it back to its
   * width, so later steps see the editor as wide as before.
   */
  async withSideBarWidth(width, fn) {
    const { page } = this;
    const widthNow = () => page.locator('#workbench\\.parts\\.sidebar').evaluate((el) => Math.round(el.getBoundingClientRect().width));
    const waitForWidth = (test, w) =>
      page.waitForFunction(
        ({ test, w }) => {
          const now = document.querySelector('#workbench\\.parts\\.sidebar')?.getBoundingClientRect().width ?? 0;
          return test === 'more' ? now > w : now < w;
        },
        { test, w },
      );
    // The command resizes the part that has focus.
    const resize = async (command, test, now) => {
      await this.runCommand('View: Focus into Primary Side Bar');
      await page.locator('#workbench\\.parts\\.sidebar:focus-within').waitFor();
      await this.runCommand(command);
      await waitForWidth(test, now);
    };
    const original = await widthNow();
    let steps = 0;
    for (let now = original; now < width && steps < 20; now = await widthNow(), steps++) await resize('Increase Current View Size', 'more', now);
    try {
      return await fn();
    } finally {
      for (let now = await widthNow(); now > original && steps-- > 0; now = await widthNow()) await resize('Decrease Current View Size', 'less', now);
    }
  }

  /** Picks the row of the open quick pick whose label is exactly `label`, as a user clicks it. */
  async pick(label) {
    const { page } = this;
    const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).first();
    await row.waitFor();
    await row.click();
  }

  /**
   * Answers VS Code's own file dialog (the quick-input one a browser gets)
   * titled `title` with a path, as a user types it, and accepts it with its
   * OK button, labelled `okLabel`.
   */
  async answerFileDialog(title, path, okLabel) {
    const { page } = this;
    const widget = page.locator('.quick-input-widget', { has: page.locator('.quick-input-title', { hasText: title }) });
    const input = widget.locator('input');
    // The dialog writes its starting folder into the box once it has read it: typing before then appends to it.
    await widget.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await page.waitForFunction((el) => el.value !== '', await input.elementHandle());
    await input.fill(path);
    await page.waitForFunction(({ el, path }) => el.value === path, { el: await input.elementHandle(), path });
    // It lists the folder typed once it has read that; OK then takes the path as typed.
    await widget.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await widget.locator('.monaco-button', { hasText: okLabel }).click();
    await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'hidden' });
  }

  /** Waits for a notification toast holding `text` and returns it. */
  async notification(text) {
    const toast = this.page.locator('.notification-toast', { hasText: text }).first();
    await toast.waitFor();
    return toast;
  }

  /** The language shown in the status bar for the active editor. */
  languageItem() {
    return this.page.locator('#status\\.editor\\.mode');
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
