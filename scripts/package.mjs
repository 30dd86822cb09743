// `npm run package`: a release build, then a .vsix for this platform
// (newsprint-linux-x64-0.1.0.vsix): nodejieba's binary in it runs here and
// on machines like it, and the marketplace offers the package to those only.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { targetPlatform } from './platform.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(['scripts/build.mjs', '--release']);
// The details page is for users (EXTENSION.md); the repository's README, which opens with `npm ci && npm start`, is for developers.
run(['node_modules/@vscode/vsce/vsce', 'package', '--target', targetPlatform(), '--allow-missing-repository', '--no-rewrite-relative-links', '--readme-path', 'EXTENSION.md']);
