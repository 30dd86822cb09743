// Builds the client, the server and the checker with esbuild, and the
// segmentation dictionary. `--release` (what `npm run package` uses) writes
// no source maps, so the packaged bundles name no map they do not ship; a
// development build links its maps for the debugger and stack traces.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { targetPlatform } from './platform.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const release = process.argv.includes('--release');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: release ? false : 'linked', logLevel: 'warning' };

await build({ ...common, entryPoints: [join(root, 'client/src/extension.ts')], external: ['vscode'], outfile: join(root, 'client/out/extension.js') });
await build({ ...common, entryPoints: [join(root, 'server/src/server.ts'), join(root, 'server/src/cli.ts')], external: ['nodejieba'], outdir: join(root, 'server/out') });
// What the native module was built for, so a machine it does not load on can say why.
mkdirSync(join(root, 'server/out'), { recursive: true });
writeFileSync(join(root, 'server/out/build.json'), JSON.stringify({ platform: targetPlatform() }) + '\n');
const dictionary = spawnSync(process.execPath, [join(root, 'server/scripts/trim-dictionary.mjs')], { stdio: 'inherit' });
process.exit(dictionary.status ?? 1);
