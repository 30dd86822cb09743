// Runs every test: bundles test/**/*.test.ts with esbuild (the tests import
// the analysis straight from server/src) and hands the bundles to node's
// built-in test runner. Protocol tests spawn the built server, so `npm test`
// builds first.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testDir = join(root, 'test');
// NEWSPRINT_TEST_OUT lets a long run (npm run fuzz) build apart from a concurrent npm test.
const outDir = process.env.NEWSPRINT_TEST_OUT ?? join(testDir, 'out');
const only = process.argv.slice(2);

function find(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (name === 'out' || name.startsWith('out-') || name === 'e2e' || name === 'node_modules') continue;
    if (statSync(full).isDirectory()) found.push(...find(full));
    else if (name.endsWith('.test.ts')) found.push(full);
  }
  return found;
}

const entries = find(testDir).filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: outDir,
  outbase: testDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['nodejieba'],
  logLevel: 'warning',
});
const bundles = entries.map((f) => join(outDir, relative(testDir, f)).replace(/\.ts$/, '.js'));
// Two files at a time: protocol tests spend most of their time waiting on a server process, which the other core runs.
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=2', ...bundles], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
