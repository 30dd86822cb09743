// npm run eval, npm run eval:export: bundles the harness with esbuild (it
// imports the analysis straight from server/src, as the tests do) and runs it
// on the corpus given. `export` as the first argument runs the export's eval.
// The call to main() lives here, in the bundle's own entry, and not in the
// modules: a test that imports them must not start a run on import.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const which = args[0] === 'export' ? (args.shift(), 'exportMain') : 'main';
const out = join(root, 'test', 'eval', 'out', `${which}.js`);
await build({
  stdin: { contents: `import { main } from './${which}';\nmain(process.argv.slice(2));\n`, resolveDir: join(root, 'test', 'eval'), loader: 'ts' },
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
