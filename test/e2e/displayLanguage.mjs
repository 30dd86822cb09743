// A display language for a run with no language pack to be had (none is on
// npm, and nothing else can be downloaded). VS Code takes the display
// language (`vscode.env.language`, and with it the extension's
// package.nls.<language>.json and l10n bundle) only from an installed
// language pack: with `--locale zh-cn` alone the workbench stays `en`
// (code-server serves no NLS script for a locale without a pack, and the
// workbench falls back to English). So the run installs a pack for the
// language that translates nothing of VS Code's own, and VS Code's UI stays
// English while the extension speaks the language, as it does for a user
// with the real pack. code-server's CLI installs the pack but does not
// register it: its language pack service is only created by the running
// server, which registers packs it installs itself (in languagepacks.json of
// the user data folder). The run writes that entry as the server would.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension } from './codeServer.mjs';
import { REPO } from './paths.mjs';

const PUBLISHER = 'newsprint-e2e';
const VERSION = '0.0.1';

/** Packs, installs and registers a language pack for `locale` in the run's folders; returns the install's output. */
export async function installDisplayLanguage(entry, dirs, locale) {
  const name = `display-language-${locale}`;
  const folder = join(dirs.root, name);
  mkdirSync(join(folder, 'translations'), { recursive: true });
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({
      name,
      displayName: `${locale} display language, no translations`,
      description: `Makes ${locale} the display language for the end-to-end tests.`,
      publisher: PUBLISHER,
      version: VERSION,
      license: 'MIT',
      engines: { vscode: '^1.100.0' },
      categories: ['Language Packs'],
      contributes: { localizations: [{ languageId: locale, languageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
    }),
  );
  // No messages: every one of VS Code's falls back to English.
  writeFileSync(join(folder, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(folder, 'README.md'), `# ${locale} display language for tests\n`);
  const vsix = join(dirs.root, `${name}.vsix`);
  execFileSync(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--allow-missing-repository', '--skip-license', '--out', vsix], {
    cwd: folder,
    // Its output only matters when it fails, and then the error carries it.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = await installExtension(entry, dirs, vsix);

  const id = `${PUBLISHER}.${name}`;
  const installed = readdirSync(dirs.extensions).find((n) => n.toLowerCase() === `${id}-${VERSION}`);
  if (!installed) throw new Error(`the ${locale} language pack is not in ${dirs.extensions} after installing it:\n${log}`);
  // As VS Code's language pack cache writes it: the pack's translations by id, and a hash of the packs that give them.
  const pack = {
    hash: createHash('md5').update(id).update(VERSION).digest('hex'),
    extensions: [{ extensionIdentifier: { id }, version: VERSION }],
    translations: { vscode: join(dirs.extensions, installed, 'translations', 'main.i18n.json') },
    label: locale,
  };
  writeFileSync(join(dirs.userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
  return log;
}
