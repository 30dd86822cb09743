// The .vsix holds what runs and nothing else, and what it holds runs on its
// own: the packaged checker, unpacked into an empty folder, loads nodejieba
// from the package and finds what the built checker finds.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { before, after, test } from 'node:test';
import { targetPlatform } from '../../scripts/platform.mjs';
import { CORPUS_ISSUE, MANIFEST, REPO, VSIX } from './paths.mjs';
import { readVsix } from './vsix.mjs';

/** Files the extension loads at run time, as vsce stores them (it renames README and LICENSE). */
const REQUIRED = [
  'package.json',
  'readme.md',
  'LICENSE.txt',
  'client/out/extension.js',
  'server/out/server.js',
  'server/out/cli.js',
  'server/out/build.json',
  // Every file the build writes for segmentation: the trimmed dictionary, its manifest, the files nodejieba insists on.
  ...readdirSync(join(REPO, 'server', 'out', 'dict')).map((f) => `server/out/dict/${f}`),
  // nodejieba's loader requires only its N-API binary; the full dictionary backs the `full` setting.
  'node_modules/nodejieba/package.json',
  'node_modules/nodejieba/index.js',
  'node_modules/nodejieba/build/Release/nodejieba.node',
  'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8',
  // The manifest's strings and the client's messages in each language VS Code may show them in.
  'package.nls.json',
  'package.nls.zh-cn.json',
  'l10n/bundle.l10n.zh-cn.json',
  // Each rule's page in both languages: diagnostics link to them.
  ...readdirSync(join(REPO, 'docs', 'rules')).map((f) => `docs/rules/${f}`),
  // The details page's icon and screenshots.
  ...readdirSync(join(REPO, 'images')).map((f) => `images/${f}`),
];
/** Folders whose every file belongs in the package (the grammar and language configuration). */
const ALLOWED_FOLDERS = ['syntaxes/'];
/** A package several times what it holds today means something leaked in. */
const MAX_BYTES = 8 * 1024 * 1024;

/** Every relative path the manifest names: entry points, grammars, language configurations, icons. */
function manifestPaths() {
  const found = new Set([MANIFEST.main, ...Object.values(MANIFEST.bin ?? {})]);
  if (MANIFEST.icon) found.add(MANIFEST.icon);
  const walk = (value) => {
    if (typeof value === 'string' && value.startsWith('./')) found.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(MANIFEST.contributes);
  return [...found].filter(Boolean).map((p) => p.replace(/^\.\//, ''));
}

let entries;
before(() => {
  assert.ok(existsSync(VSIX), `${VSIX} is missing: run \`npm run package\` first`);
  entries = readVsix(VSIX).filter((e) => e.name.startsWith('extension/'));
});

function packaged() {
  return entries.map((e) => e.name.slice('extension/'.length));
}

test('the package holds every file the extension runs and every file its manifest names', () => {
  const names = new Set(packaged());
  const missing = [...REQUIRED, ...manifestPaths()].filter((p) => !names.has(p));
  assert.deepEqual(missing, [], `missing from ${VSIX}`);
  assert.ok(
    packaged().some((p) => p.startsWith('syntaxes/')),
    'no grammar in the package',
  );
});

test('the package holds nothing else: no sources, maps, build intermediates or other node_modules', () => {
  const allowed = new Set([...REQUIRED, ...manifestPaths()]);
  const unexpected = packaged().filter((p) => !allowed.has(p) && !ALLOWED_FOLDERS.some((f) => p.startsWith(f)));
  assert.deepEqual(unexpected, [], `unexpected in ${VSIX}`);
  assert.deepEqual(
    packaged().filter((p) => p.endsWith('.map')),
    [],
    'source maps in the package',
  );
});

test('the details page is for users: what it does, its screenshots in the package, install, settings, developers last', () => {
  const readme = entries
    .find((e) => e.name === 'extension/readme.md')
    .read()
    .toString('utf8');
  assert.equal(readme, readFileSync(join(REPO, 'EXTENSION.md'), 'utf8'));
  assert.doesNotMatch(readme.split('\n## ')[0], /npm ci/, 'the set-up line belongs to the repository README');
  for (const heading of ['## Install', '## Settings', '## 中文', '## For developers']) assert.ok(readme.includes(`\n${heading}\n`), heading);
  assert.ok(readme.trimEnd().split('\n## ').pop().startsWith('For developers'), 'for developers comes last');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  assert.ok(images.length >= 3);
  const names = new Set(packaged());
  assert.deepEqual(
    images.filter((i) => !names.has(i)),
    [],
    'every screenshot ships in the package',
  );
  assert.ok(names.has(MANIFEST.icon), 'the icon ships');
});

test('the package names the platform it was built for, and its bundles name no source map', () => {
  const manifest = readVsix(VSIX)
    .find((e) => e.name === 'extension.vsixmanifest')
    .read()
    .toString('utf8');
  assert.match(manifest, new RegExp(`TargetPlatform="${targetPlatform()}"`));
  for (const bundle of ['client/out/extension.js', 'server/out/server.js', 'server/out/cli.js']) {
    const text = entries
      .find((e) => e.name === `extension/${bundle}`)
      .read()
      .toString('utf8');
    assert.doesNotMatch(text, /sourceMappingURL/, `${bundle} names a map the package does not hold`);
  }
});

test(`the package stays small (under ${MAX_BYTES / 1024 / 1024} MiB)`, (t) => {
  const size = statSync(VSIX).size;
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  t.diagnostic(`${VSIX}: ${(size / 1024 / 1024).toFixed(2)} MiB, ${entries.length} files, ${(unpacked / 1024 / 1024).toFixed(2)} MiB unpacked`);
  assert.ok(size < MAX_BYTES, `${size} bytes`);
});

let unpacked;
before(() => {
  unpacked = mkdtempSync(join(tmpdir(), 'newsprint-vsix-'));
  for (const e of entries) {
    const path = join(unpacked, e.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, e.read());
  }
});
after(() => rmSync(unpacked, { recursive: true, force: true }));

for (const dictionary of ['trimmed', 'full']) {
  test(`the packaged checker runs from the package alone and segments with the ${dictionary} dictionary`, () => {
    const page = join(CORPUS_ISSUE, '01.txt');
    const args = ['check', '--format', 'json', '--dictionary', dictionary, page];
    // An empty NODE_PATH and a folder with no node_modules above it: nodejieba can only come from the package.
    const env = { ...process.env, NODE_PATH: '' };
    const fromPackage = spawnSync(process.execPath, [join(unpacked, 'extension', 'server', 'out', 'cli.js'), ...args], { cwd: unpacked, env, encoding: 'utf8' });
    assert.equal(fromPackage.stderr, '', 'the packaged checker complained (segmentation unavailable?)');
    assert.equal(fromPackage.status, 0);
    const fromBuild = execFileSync(process.execPath, [join(REPO, 'server', 'out', 'cli.js'), ...args], { cwd: REPO, encoding: 'utf8' });
    const diagnostics = (out) => JSON.parse(out).files.flatMap((f) => f.diagnostics.map((d) => [d.code, d.message]));
    const found = diagnostics(fromPackage.stdout);
    assert.ok(found.length > 0, 'the packaged checker found nothing');
    assert.deepEqual(found, diagnostics(fromBuild));
  });
}
