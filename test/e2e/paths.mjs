import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { targetPlatform } from '../../scripts/platform.mjs';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MANIFEST = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
/** The file `npm run package` writes (vsce names it after the manifest and the platform it targets). */
export const VSIX = join(REPO, `${MANIFEST.name}-${targetPlatform()}-${MANIFEST.version}.vsix`);
export const CORPUS_ISSUE = join(REPO, 'test', 'corpus', 'cjrb-2026-01-08');
export const SCREENSHOTS = join(REPO, 'test', 'e2e', 'screenshots');
