// npm run eval / train / eval:export, and `node test/eval/run.mjs inspect FILE`:
// bundles one of the harness's entries with esbuild (they import the analysis
// straight from server/src, as the tests do) and runs it. Each module exports
// main(argv); the call lives here, in the bundle's own entry, so that a test
// or another entry that imports the module does not start a run on import.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTRIES = { eval: 'main', train: 'train', inspect: 'inspect', export: 'exportMain', heldout: 'heldout' };
const root = fileURLToPath(new URL('../..', import.meta.url));
const [entry = 'eval', ...args] = process.argv.slice(2);
const module = ENTRIES[entry];
if (!module) {
  console.error(`test/eval/run.mjs: unknown entry “${entry}” (${Object.keys(ENTRIES).join(', ')})`);
  process.exit(2);
}
const out = join(root, 'test', 'eval', 'out', `${entry}.js`);
await build({
  stdin: { contents: `import { main } from './${module}';\nmain(process.argv.slice(2));\n`, resolveDir: join(root, 'test', 'eval'), loader: 'ts' },
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
