// npm run bench: builds the benchmark (it imports the analysis from
// server/src) and runs it against the built server. Timings live here, never
// in tests.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'test', 'out', 'bench.js');
await build({
  entryPoints: [join(root, 'test', 'bench', 'bench.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['nodejieba'],
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
