/**
 * `newsprint check --fix` on folders a repository could ship to harm the
 * person who runs it: links where temporary files go, symbolic links to
 * folders outside and to themselves, files that are not pages, links and
 * read-only files, another owner, and a page changed while it was fixed.
 * Run as a newcomer runs it, and in process where the case needs this
 * process's id or a write that lands in the middle of the run.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkIssue } from '../../server/src/cli/checkIssue';
import type { Segmenter } from '../../server/src/segment/segmenter';
import { ConfigFinder } from '../../server/src/workspace/configFinder';
import { ConfigWriter } from '../../server/src/workspace/configWriter';
import { temporaryFolders } from '../helpers/folders';
import { CLI, readCorpusPage } from '../helpers/repo';
import { jieba } from '../helpers/segmenters';

const PAGE = readCorpusPage();
const folder = temporaryFolders('hostile');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixed = (text: string) => text.includes('市人大常委会主任');

describe('check --fix in a hostile folder', () => {
  it('writes nothing through a link planted where its temporary file used to go', () => {
    const dir = folder();
    const victim = join(folder(), 'victim.txt');
    writeFileSync(victim, 'precious');
    writeFileSync(join(dir, '01.txt'), PAGE);
    symlinkSync(victim, join(dir, `.01.txt.newsprint-${process.pid}.tmp`));
    // In process: the names used to carry this process's id.
    checkIssue([{ path: join(dir, '01.txt'), named: true }], { fix: true, missingPage: 'off' }, jieba(), new ConfigFinder());
    assert.equal(readFileSync(victim, 'utf8'), 'precious');
    assert.ok(!lstatSync(join(dir, '01.txt')).isSymbolicLink(), 'the page is still a page, not a link');
    assert.ok(fixed(readFileSync(join(dir, '01.txt'), 'utf8')));
  });

  it('and neither does Ignore, through a link where .newsprint.json’s temporary file used to go', () => {
    const dir = folder();
    const victim = join(folder(), 'victim.json');
    writeFileSync(victim, 'precious');
    writeFileSync(join(dir, '01.txt'), PAGE);
    symlinkSync(victim, join(dir, `.newsprint.json.${process.pid}.tmp`));
    const finder = new ConfigFinder();
    const result = new ConfigWriter(finder, () => dir).ignore(join(dir, '01.txt'), 'broken-wrap', 'broken-wrap:00000000000000', '很|多');
    assert.equal(result.written, true);
    assert.equal(readFileSync(victim, 'utf8'), 'precious');
    assert.equal((JSON.parse(readFileSync(join(dir, '.newsprint.json'), 'utf8')) as { ignore: unknown[] }).ignore.length, 1);
  });

  it('does not follow symbolic links to folders, outside the tree or to itself, and fixes each page once', () => {
    const dir = folder();
    const outside = folder();
    writeFileSync(join(outside, '01.txt'), PAGE);
    writeFileSync(join(dir, '01.txt'), PAGE);
    symlinkSync(outside, join(dir, 'elsewhere'));
    // Two links to the folder itself: followed, they would make thousands of paths.
    symlinkSync(dir, join(dir, 'a'));
    symlinkSync(dir, join(dir, 'b'));
    const r = run(['check', '.', '--fix', '--no-outline'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(outside, '01.txt'), 'utf8'), PAGE, 'the page outside the tree is untouched');
    assert.deepEqual(
      r.stdout.split('\n').filter((l) => l.includes('fixed')),
      ['01.txt: fixed 12 problems in place'],
    );
    assert.match(r.stdout, / in 1 file\n$/);
  });

  it('fixes pages only: a requirements.txt and a README sample stay as they are, and are listed', () => {
    const dir = folder();
    writeFileSync(join(dir, '01.txt'), PAGE);
    writeFileSync(join(dir, 'requirements.txt'), 'nodejieba==3.5.8\nrequests>=2,<3\n');
    const sample = "```python\nprint('你好,世界')\n```\n";
    writeFileSync(join(dir, 'sample.txt'), sample);
    const r = run(['check', '.', '--fix', '--no-outline'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'sample.txt'), 'utf8'), sample);
    assert.equal(readFileSync(join(dir, 'requirements.txt'), 'utf8'), 'nodejieba==3.5.8\nrequests>=2,<3\n');
    assert.match(r.stderr, /2 files are not pages and were skipped[^\n]*\n {2}requirements\.txt: [^\n]*\n {2}sample\.txt: /);
  });

  it('writes through a symbolic link named on the command line, keeps mode and owner, and leaves linked and read-only pages alone', () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.txt'), PAGE);
    symlinkSync(join(dir, 'real.txt'), join(dir, '01.txt'));
    writeFileSync(join(dir, '02.txt'), PAGE);
    linkSync(join(dir, '02.txt'), join(dir, 'copy-of-02'));
    writeFileSync(join(dir, '03.txt'), PAGE);
    chmodSync(join(dir, '03.txt'), 0o444);
    writeFileSync(join(dir, '04.txt'), PAGE);
    chmodSync(join(dir, '04.txt'), 0o600);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(join(dir, '04.txt'), 4321, 4321);
    const r = run(['check', '01.txt', '02.txt', '03.txt', '04.txt', '--fix', '--no-outline'], dir);
    assert.equal(r.status, 2, 'a fix asked for and not made is an error');
    assert.ok(lstatSync(join(dir, '01.txt')).isSymbolicLink(), 'the link is still a link');
    assert.ok(fixed(readFileSync(join(dir, 'real.txt'), 'utf8')), 'and the file it names is fixed');
    assert.equal(readFileSync(join(dir, '02.txt'), 'utf8'), PAGE);
    assert.equal(statSync(join(dir, '02.txt')).nlink, 2);
    assert.match(r.stderr, /02\.txt has 2 hard links, and rewriting it would split them: not fixed, left as it is/);
    assert.equal(readFileSync(join(dir, '03.txt'), 'utf8'), PAGE);
    assert.match(r.stderr, /03\.txt is read-only: not fixed, left as it is/);
    assert.ok(fixed(readFileSync(join(dir, '04.txt'), 'utf8')));
    assert.equal(statSync(join(dir, '04.txt')).mode & 0o777, 0o600);
    if (asRoot) assert.deepEqual([statSync(join(dir, '04.txt')).uid, statSync(join(dir, '04.txt')).gid], [4321, 4321]);
    assert.deepEqual(readdirSync(dir).sort(), ['01.txt', '02.txt', '03.txt', '04.txt', 'copy-of-02', 'real.txt']);
  });

  it('keeps a line appended to the page while --fix worked on it, and says the page was not fixed', () => {
    const dir = folder();
    const path = join(dir, '01.txt');
    writeFileSync(path, PAGE);
    let appended = false;
    // The analysis asks the segmenter about the page: the moment to append, as an editor or a sync would.
    const meddling: Segmenter = {
      cut(text) {
        if (!appended) {
          appended = true;
          appendFileSync(path, '\n新加的一段。\n');
        }
        return jieba().cut(text);
      },
    };
    const [result] = checkIssue([{ path, named: true }], { fix: true, missingPage: 'off' }, meddling, new ConfigFinder());
    assert.ok(readFileSync(path, 'utf8').endsWith('\n新加的一段。\n'), 'the appended line is there');
    assert.equal(readFileSync(path, 'utf8'), PAGE + '\n新加的一段。\n');
    assert.match(result!.notes.map((n) => n.text).join('\n'), /01\.txt changed on disk since it was read: not fixed, left as it is/);
    assert.equal(result!.report?.fixed, undefined);
  });
});

describe('check on things that are not page files', () => {
  it('refuses a FIFO named on the command line instead of waiting on it', () => {
    const dir = folder();
    spawnSync('mkfifo', [join(dir, 'pipe.txt')]);
    writeFileSync(join(dir, '01.txt'), PAGE);
    mkdirSync(join(dir, 'sub'));
    const r = run(['check', 'pipe.txt', '01.txt', '--no-outline'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /pipe\.txt: not a regular file \(a pipe, socket or device\); skipped/);
    assert.match(r.stdout, / in 1 file\n$/);
  });
});
