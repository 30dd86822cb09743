/**
 * Expected results kept as data in test/expected. `NEWSPRINT_UPDATE_EXPECTED=1
 * npm test` writes what the code gives now instead of comparing, so a change
 * of behaviour is one command and a reviewed diff, not hand-edited JSON.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './repo';

const UPDATE = process.env.NEWSPRINT_UPDATE_EXPECTED === '1';

/** Compares `actual` with test/expected/`name`, or writes it there when updating. */
export function matchesExpected(name: string, actual: unknown): void {
  const path = join(ROOT, 'test', 'expected', name);
  if (UPDATE) {
    writeFileSync(path, JSON.stringify(actual, null, 2) + '\n');
    return;
  }
  assert.deepEqual(
    actual,
    JSON.parse(readFileSync(path, 'utf8')) as unknown,
    `differs from test/expected/${name} (NEWSPRINT_UPDATE_EXPECTED=1 npm test writes what the code gives now)`,
  );
}
