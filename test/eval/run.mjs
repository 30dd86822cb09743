// npm run eval: bundles the harness with esbuild (it imports the analysis
// straight from server/src, as the tests do) and runs it on the corpus given.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'test', 'eval', 'out', 'eval.js');
await build({
  entryPoints: [join(root, 'test', 'eval', 'main.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['nodejieba'],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--enable-source-maps', out, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
