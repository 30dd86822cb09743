// Runs code-server (VS Code 1.100 in a browser) for one test run: its own
// home, XDG, user-data and extensions folders under a temp folder, so nothing
// lands in the user's $HOME, and its own process group, so ending the run ends
// the file watcher and extension host it spawns too.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const CODE_SERVER_VERSION = '4.100.3';

export function cacheDir() {
  return process.env.NEWSPRINT_E2E_CACHE || join(homedir(), '.cache', 'newsprint-e2e');
}

/** The code-server entry point installed by test/e2e/setup.sh, or a message saying how to get it. */
export function findCodeServer() {
  const entry = join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (existsSync(entry)) return { entry };
  return { missing: `code-server ${CODE_SERVER_VERSION} is not installed in ${cacheDir()}: run \`bash test/e2e/setup.sh\` first` };
}

/** Settings that keep the workbench quiet and predictable: no tips, no trust prompt, no network. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'problems.defaultViewMode': 'tree',
  // The Outline then lists the page's blocks, one row each, their parts folded under them.
  'outline.collapseItems': 'alwaysCollapse',
};

/** Folders for one run, all under `root`. */
export function runDirs(root) {
  const dirs = {
    root,
    home: join(root, 'home'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return dirs;
}

/** The environment of every process of a run, code-server and chromium alike: $HOME and XDG folders inside the run. */
export function runEnv(dirs) {
  return {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: join(dirs.home, '.config'),
    XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    TMPDIR: dirs.root,
    // The extension host inherits this: keep the test runner's node options out of it.
    NODE_OPTIONS: '',
  };
}

function commonArgs(dirs) {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--disable-telemetry', '--disable-update-check'];
}

/** Installs a .vsix the way a user would, with code-server's own CLI. */
export async function installExtension(entry, dirs, vsix) {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [entry, ...commonArgs(dirs), '--force', '--install-extension', vsix], {
    env: runEnv(dirs),
    timeout: 120_000,
  });
  return `${stdout}${stderr}`;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on a free port of 127.0.0.1 without authentication and
 * resolves once it says it is listening. `stop()` ends its whole process group.
 * `locale` is the display language (code-server's --locale), which VS Code
 * takes only when a language pack for it is registered (displayLanguage.mjs).
 */
export async function startCodeServer(entry, dirs, { locale } = {}) {
  const port = await freePort();
  const args = [
    entry,
    ...commonArgs(dirs),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-file-downloads',
    '--disable-proxy',
    '--ignore-last-opened',
    ...(locale ? ['--locale', locale] : []),
  ];
  const child = spawn(process.execPath, args, { env: runEnv(dirs), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  // A crashed or interrupted test run must not leave the server behind.
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);

  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup('SIGKILL');
      reject(new Error(`code-server did not start within 60 s:\n${output}`));
    }, 60_000);
    const check = () => {
      if (/HTTP server listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}:\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}/`,
    log: () => output,
    async stop() {
      process.removeListener('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) {
        killGroup('SIGKILL');
        return;
      }
      const exited = new Promise((resolve) => child.once('exit', resolve));
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      // The group leader is gone; anything it left in the group goes too.
      killGroup('SIGKILL');
    },
  };
}
