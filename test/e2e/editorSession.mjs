// One test file's run of a real VS Code: its own code-server with the
// packaged extension installed as a user installs it, a workspace opened in
// headless chromium, and on close the logs kept beside the screenshots (a
// failure can be read after the run) and everything else removed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCodeServer, installExtension, runDirs, runEnv, startCodeServer } from './codeServer.mjs';
import { installDisplayLanguage } from './displayLanguage.mjs';
import { SCREENSHOTS, VSIX } from './paths.mjs';
import { CHROMIUM, launchBrowser, Workbench } from './workbench.mjs';

export class EditorSession {
  /**
   * @param {string} prefix names this file's screenshots and logs, so other files' stay
   * @param {{ locale?: string }} options `locale`: VS Code's display language (English when not given)
   */
  constructor(prefix, { locale } = {}) {
    this.prefix = prefix;
    this.locale = locale;
    this.installLog = '';
    /** @type {Workbench | undefined} */
    this.wb = undefined;
  }

  /**
   * Starts the run; `fill(root)` writes the workspace under the run's folder
   * and returns the folder to open.
   */
  async start(fill) {
    const codeServer = findCodeServer();
    if (codeServer.missing) throw new Error(codeServer.missing);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run \`bash test/e2e/setup.sh\` first`);
    if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first`);
    // This file's screenshots and logs are of its last run only.
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const name of readdirSync(SCREENSHOTS)) if (name.startsWith(this.prefix)) rmSync(join(SCREENSHOTS, name), { recursive: true, force: true });
    this.root = mkdtempSync(join(tmpdir(), `newsprint-e2e-${this.prefix}-`));
    const dirs = runDirs(this.root);
    this.workspace = await fill(this.root);
    this.installLog = await installExtension(codeServer.entry, dirs, VSIX);
    if (this.locale) this.languagePackLog = await installDisplayLanguage(codeServer.entry, dirs, this.locale);
    this.server = await startCodeServer(codeServer.entry, dirs, { locale: this.locale });
    this.browser = await launchBrowser(runEnv(dirs));
    this.wb = await Workbench.open(this.browser, this.server.url, this.workspace, SCREENSHOTS);
    return this.wb;
  }

  /** Ends whatever of the run was started. */
  async close() {
    // Each step is worth a picture when it fails, too.
    if (this.wb) await this.wb.screenshot(`${this.prefix}-last`).catch(() => {});
    await this.browser?.close();
    await this.server?.stop();
    if (this.server) writeFileSync(join(SCREENSHOTS, `${this.prefix}-code-server.log`), this.server.log());
    if (this.root) {
      const logs = join(this.root, 'user-data', 'logs');
      if (existsSync(logs)) cpSync(logs, join(SCREENSHOTS, `${this.prefix}-logs`), { recursive: true });
      rmSync(this.root, { recursive: true, force: true });
    }
  }
}
