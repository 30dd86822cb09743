// npm run eval / npm run train: bundles the harness (test/eval/main.ts) or
// the trainer (test/eval/train.ts) with esbuild, as the tests are bundled
// (they import the analysis straight from server/src), and runs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [entry = 'eval', ...args] = process.argv.slice(2);
const source = { eval: 'main.ts', train: 'train.ts', inspect: 'inspect.ts' }[entry];
if (!source) {
  console.error(`test/eval/run.mjs: unknown entry “${entry}” (eval, train or inspect)`);
  process.exit(2);
}
const out = join(root, 'test', 'eval', 'out', `${entry}.js`);
await build({
  entryPoints: [join(root, 'test', 'eval', source)],
  outfile: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['nodejieba'],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--enable-source-maps', out, ...args], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
