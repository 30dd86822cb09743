// npm run bench: builds the benchmark (it imports the analysis from
// server/src) and its two floors, the do-nothing server and the line-scan
// checker, then runs it against the built server. Timings live here, never
// in tests.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bench = (name) => join(root, 'test', 'bench', `${name}.ts`);
await build({
  entryPoints: [bench('bench'), bench('floorServer'), bench('floorChecker')],
  outdir: join(root, 'test', 'out', 'bench'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['nodejieba'],
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--expose-gc', join(root, 'test', 'out', 'bench', 'bench.js'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
