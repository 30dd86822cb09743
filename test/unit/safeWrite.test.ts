/**
 * The one write module, on real files in a temporary folder: links planted
 * where temporary files used to go, symbolic and hard links, read-only and
 * private files, another owner, and a file changed while it was being fixed.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, chownSync, linkSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, lstatSync, appendFileSync } from 'node:fs';

import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readWithSnapshot, replaceFile } from '../../server/src/workspace/safeWrite';
import { temporaryFolders } from '../helpers/folders';

const folder = temporaryFolders('write');

/** Writes a file and replaces it as the checker does: read with a snapshot, replace if unchanged. */
function rewrite(path: string, content: string) {
  const { snapshot } = readWithSnapshot(path);
  return replaceFile(path, content, { expect: snapshot });
}

describe('replaceFile', () => {
  it('replaces a file, leaving nothing else in its folder', () => {
    const dir = folder();
    writeFileSync(join(dir, '01.txt'), 'old');
    assert.deepEqual(rewrite(join(dir, '01.txt'), '新'), { written: true, path: join(dir, '01.txt') });
    assert.equal(readFileSync(join(dir, '01.txt'), 'utf8'), '新');
    assert.deepEqual(readdirSync(dir), ['01.txt']);
  });

  it('never follows a link planted at a temporary file’s name', () => {
    const dir = folder();
    const outside = join(folder(), 'victim');
    writeFileSync(outside, 'precious');
    writeFileSync(join(dir, '01.txt'), 'old');
    // Where the checker and the Ignore action used to put their temporary files.
    symlinkSync(outside, join(dir, `.01.txt.newsprint-${process.pid}.tmp`));
    symlinkSync(outside, join(dir, `01.txt.${process.pid}.tmp`));
    assert.equal(rewrite(join(dir, '01.txt'), 'new').written, true);
    assert.equal(readFileSync(outside, 'utf8'), 'precious');
    assert.equal(readFileSync(join(dir, '01.txt'), 'utf8'), 'new');
  });

  it('writes through a symbolic link, which stays a link', () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.txt'), 'old');
    symlinkSync(join(dir, 'real.txt'), join(dir, '01.txt'));
    assert.equal(rewrite(join(dir, '01.txt'), 'new').written, true);
    assert.ok(lstatSync(join(dir, '01.txt')).isSymbolicLink());
    assert.equal(readFileSync(join(dir, 'real.txt'), 'utf8'), 'new');
  });

  it('keeps a private file private, and its owner', () => {
    const dir = folder();
    const path = join(dir, '01.txt');
    writeFileSync(path, 'old');
    chmodSync(path, 0o600);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(path, 4321, 4321);
    assert.equal(rewrite(path, 'new').written, true);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    if (asRoot) assert.deepEqual([statSync(path).uid, statSync(path).gid], [4321, 4321]);
  });

  it('leaves a hard-linked file and a read-only file alone, and says why', () => {
    const dir = folder();
    writeFileSync(join(dir, '01.txt'), 'old');
    linkSync(join(dir, '01.txt'), join(dir, 'other.txt'));
    const linked = rewrite(join(dir, '01.txt'), 'new');
    assert.equal(linked.written, false);
    assert.match(!linked.written ? linked.reason : '', /has 2 hard links/);
    assert.equal(readFileSync(join(dir, 'other.txt'), 'utf8'), 'old');
    writeFileSync(join(dir, '02.txt'), 'old');
    chmodSync(join(dir, '02.txt'), 0o444);
    const readOnly = rewrite(join(dir, '02.txt'), 'new');
    assert.match(!readOnly.written ? readOnly.reason : '', /is read-only/);
    assert.equal(readFileSync(join(dir, '02.txt'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir).sort(), ['01.txt', '02.txt', 'other.txt']);
  });

  it('does not write over a file that changed since it was read', () => {
    const dir = folder();
    const path = join(dir, '01.txt');
    writeFileSync(path, 'old\n');
    const { snapshot } = readWithSnapshot(path);
    appendFileSync(path, 'a line added meanwhile\n');
    const result = replaceFile(path, 'fixed\n', { expect: snapshot });
    assert.match(!result.written ? result.reason : '', /changed on disk since it was read/);
    assert.equal(readFileSync(path, 'utf8'), 'old\na line added meanwhile\n');
  });

  it('creates a file that is not there yet, and not one that appeared meanwhile', () => {
    const dir = folder();
    assert.equal(replaceFile(join(dir, '.newsprint.json'), '{}\n').written, true);
    assert.equal(replaceFile(join(dir, '.newsprint.json'), '{"x":1}\n').written, false);
    assert.equal(readFileSync(join(dir, '.newsprint.json'), 'utf8'), '{}\n');
  });
});
