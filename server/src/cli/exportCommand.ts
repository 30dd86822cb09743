/**
 * newsprint export: the issues under the paths given, one record per
 * article, as ninjs, Markdown, JSON Lines or clean text, on stdout or as
 * files under --out. Folder by folder: read, fix and export one issue, write
 * it, then the next, so an archive of any size runs in the memory of one
 * issue. The input files are only read; an output file that exists is
 * replaced only with --force, and never when it is one of the inputs.
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addIssue, describeCounts, emptyCounts } from '../export/exportCounts';
import { exportIssue } from '../export/exportIssue';
import { EXPORT_FORMATS, isExportFormat, issueDirName, issueFiles, StreamWriter, type ExportFormat, type FilesPer } from '../export/outputFiles';
import { prepareFile, type PreparedFile } from '../export/preparedFile';
import { IssueIndex } from '../issue/issueIndex';
import type { IndexedFile } from '../issue/pageSummary';
import { loadSegmenter } from '../jieba/load';
import type { Segmenter } from '../segment/segmenter';
import { ConfigFinder } from '../workspace/configFinder';
import { DEFAULT_SETTINGS, fileConfig } from '../workspace/fileConfig';
import { pageRefOf, pageTest } from '../workspace/pageFiles';
import { compileLinear } from '../workspace/pagePattern';
import { currentSnapshot, makeFolder, replaceFile } from '../workspace/safeWrite';
import type { CheckTarget } from './checkIssue';
import { readText } from './fileText';
import { collectFiles } from './files';
import { issuesOf } from './pool';
import { Progress } from './progress';
import { t } from '../l10n/t';

/** Looked up when printed: the language is chosen after the module loads. */
export const exportUsage = () =>
  t(`Usage: newsprint export [files or folders…] --format ninjs|markdown|jsonl|text [options]

Exports each issue (the pages of one folder, or a file of several pages) as
one record per article, after the fixes fix-all applies (the source line it
would insert apart). An article that jumps (下转第二版 … 上接第一版) is one
record, its parts joined in page order. The input files are never changed.

Formats:
  ninjs        IPTC ninjs 2.0: one JSON file per article
  markdown     one file per article with YAML front matter (or --per issue)
  jsonl        JSON Lines, one article a line: one file per issue
  text         the issue's page files with the fixes applied

Options:
  --out DIR            write files under DIR (created if needed); without it,
                       everything goes to stdout
  --per article|issue  ninjs and Markdown: one file per article (default) or
                       one per issue
  --force              replace output files that exist already
  --lang en|zh-cn      the language of messages and this help
  --dictionary trimmed|full
                       segmentation dictionary (default: trimmed)
  -h, --help           this help

Findings that remain (a missing byline, a jump whose other part is missing)
go into each record as notes. Counts go to stderr. Exit status: 0 when every
issue was exported, 2 on usage errors, unreadable input or refused writes.
`);

interface ExportOptions {
  paths: string[];
  format: ExportFormat;
  out?: string;
  per: FilesPer;
  force: boolean;
  dictionary: 'trimmed' | 'full';
}

class UsageError extends Error {}

function parseExportArgs(argv: readonly string[]): ExportOptions | 'help' {
  const args = [...argv];
  const o: Omit<ExportOptions, 'format'> & { format?: ExportFormat } = { paths: [], per: 'article', force: false, dictionary: 'trimmed' };
  while (args.length) {
    const a = args.shift()!;
    const value = (name: string) => {
      const eq = a.indexOf('=');
      const v = eq >= 0 ? a.slice(eq + 1) : args.shift();
      if (v === undefined || v === '') throw new UsageError(t`${name} needs a value`);
      return v;
    };
    const is = (name: string) => a === name || a.startsWith(`${name}=`);
    if (a === '-h' || a === '--help') return 'help';
    else if (is('--lang')) value('--lang');
    else if (a === '--force') o.force = true;
    else if (is('--format')) {
      const v = value('--format');
      if (!isExportFormat(v)) throw new UsageError(t`--format must be ${EXPORT_FORMATS.join(', ')}, not “${v}”`);
      o.format = v;
    } else if (is('--out')) o.out = value('--out');
    else if (is('--per')) {
      const v = value('--per');
      if (v !== 'article' && v !== 'issue') throw new UsageError(t`--per must be article or issue, not “${v}”`);
      o.per = v;
    } else if (is('--dictionary')) {
      const v = value('--dictionary');
      if (v !== 'trimmed' && v !== 'full') throw new UsageError(t`--dictionary must be trimmed or full, not “${v}”`);
      o.dictionary = v;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(t`unknown option “${a}”`);
    else o.paths.push(a);
  }
  if (!o.format) throw new UsageError(t`--format is needed: ${EXPORT_FORMATS.join(', ')}`);
  if (o.paths.length === 0) throw new UsageError(t('no file or folder given'));
  return { ...o, format: o.format };
}

/** The same file whatever the path says: symbolic links and `..` resolved, those of its folder too when it does not exist yet. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

interface Run {
  status: number;
  /** Said on stderr once the run is over, after the progress line is gone. */
  notes: string[];
  note(text: string, status?: 0 | 2): void;
}

/**
 * stdout as a pipe reads it: a write waits while the reader is behind, so a
 * month exported to a slow pipe is not held in memory, and a reader that has
 * had enough (| head) ends the export quietly rather than with EPIPE.
 */
class Stdout {
  closed = false;

  constructor() {
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      this.closed = true;
    });
  }

  async write(text: string): Promise<void> {
    if (this.closed || text === '') return;
    if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve).once('error', () => resolve()));
  }
}

/** Reads, decodes and prepares one page file; undefined (and a note) when it cannot be read as text. */
/** A page file read and made ready for export with its file's configuration, or undefined (with a note) when it cannot be, or is no page. */
function readPageFile(target: CheckTarget, segmenter: Segmenter, configs: ConfigFinder, run: Run): PreparedFile | undefined {
  const file = target.path;
  const read = readText(file);
  if (!read.ok) {
    run.note(read.note, read.status);
    return undefined;
  }
  const config = fileConfig(file, DEFAULT_SETTINGS, configs.forFile(file), { compile: compileLinear, trusted: true });
  // Found in a folder, only pages count, as for the checker and the editor.
  if (!target.named && !pageTest(file, read.text, config.pattern).page) return undefined;
  const pageRef = pageRefOf(file, config.pattern);
  return prepareFile({ uri: pathToFileURL(file).href, text: read.text, bom: read.bom, config: config.analysis, ...(pageRef ? { pageRef } : {}) }, segmenter);
}

export async function exportCommand(argv: readonly string[], dictDir: string): Promise<number> {
  let options: ReturnType<typeof parseExportArgs>;
  try {
    options = parseExportArgs(argv);
  } catch (err) {
    process.stderr.write(`newsprint export: ${(err as Error).message}\n\n${exportUsage()}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(exportUsage());
    return 0;
  }
  const { format, per, force } = options;
  const run: Run = {
    status: 0,
    notes: [],
    note(text, status = 0) {
      this.notes.push(text);
      if (status === 2) this.status = 2;
    },
  };
  const sayNotes = () => {
    for (const n of run.notes.splice(0)) process.stderr.write(`newsprint: ${n}\n`);
  };
  const { files, errors } = await collectFiles(options.paths);
  for (const e of errors) run.note(e, 2);
  const inputs = new Set(files.map((f) => realPath(f.path)));
  const out = options.out === undefined ? undefined : resolve(options.out);
  if (out && inputs.has(realPath(out))) {
    run.note(t`--out ${options.out ?? ''} is one of the files to export; give a folder`, 2);
    sayNotes();
    return run.status;
  }
  const segmentation = loadSegmenter(dictDir, options.dictionary);
  if (!segmentation.ready) run.note(segmentation.message);
  const finder = new ConfigFinder();
  const counts = emptyCounts();
  const progress = new Progress(process.stderr, files.length, undefined, (done, total, articles) =>
    articles === 1 ? t`${done}/${total} files exported, 1 article so far` : t`${done}/${total} files exported, ${articles} articles so far`,
  );
  const stream = out ? undefined : new StreamWriter(format);
  const stdout = new Stdout();
  const usedDirs = new Set<string>();
  let written = 0;
  let replaced = 0;
  if (stream) await stdout.write(stream.begin());
  try {
    for (const folder of issuesOf(files)) {
      if (stdout.closed) break;
      const prepared = new Map<IndexedFile, PreparedFile>();
      for (const file of folder) {
        const p = readPageFile(file, segmentation.segmenter, finder, run);
        if (p) prepared.set(p.summary, p);
        progress.add(p ? p.summary.pages.reduce((n, page) => n + page.articles.length, 0) : 0);
        // Let the progress line draw between files.
        await new Promise<void>((r) => setImmediate(r));
      }
      // The index groups the folder's files as the editor does: a file of several pages is an issue of its own.
      const index = new IssueIndex();
      for (const summary of prepared.keys()) index.set(summary);
      for (const issue of index.issues()) {
        const exported = exportIssue(
          issue.id,
          issue.name,
          issue.files.map((f) => prepared.get(f)!),
        );
        if (stream) {
          await stdout.write(stream.issue(exported));
          addIssue(counts, exported);
          continue;
        }
        // Two issues of one name (two folders called 01) would write over each other.
        let dir = issueDirName(exported);
        for (let k = 2; usedDirs.has(dir); k++) dir = `${issueDirName(exported)}-${k}`;
        usedDirs.add(dir);
        const outputs = issueFiles(exported, format, per, dir).map((f) => ({ ...f, target: join(out!, ...f.path.split('/')) }));
        const onInput = outputs.find((f) => inputs.has(realPath(f.target)));
        if (onInput) {
          run.note(t`${issue.name}: not exported: ${onInput.target} is one of the files exported; choose another --out`, 2);
          continue;
        }
        const existing = outputs.filter((f) => existsSync(f.target));
        if (existing.length > 0 && !force) {
          run.note(
            t`${issue.name}: not exported: ${existing.length} of its ${outputs.length} files exist already (${existing[0]!.target}${existing.length > 1 ? ', …' : ''}); --force replaces them`,
            2,
          );
          continue;
        }
        for (const f of outputs) {
          try {
            makeFolder(dirname(f.target));
            const expect = currentSnapshot(f.target);
            const result = replaceFile(f.target, f.content, expect ? { expect } : {});
            if (result.written) written++;
            else run.note(t`${f.target}: not written: ${result.reason}`, 2);
          } catch (err) {
            run.note(t`${f.target}: cannot write: ${(err as Error).message}`, 2);
          }
        }
        replaced += existing.length;
        addIssue(counts, exported);
      }
    }
  } finally {
    progress.finish();
  }
  // The reader stopped reading: nothing more to say to it, and nothing went wrong.
  if (stdout.closed) {
    sayNotes();
    return run.status;
  }
  if (stream) await stdout.write(stream.end());
  run.note(describeCounts(counts));
  if (out) {
    const under = out.endsWith(sep) ? out : out + sep;
    const wrote = written === 1 ? t`wrote ${written} file under ${under}` : t`wrote ${written} files under ${under}`;
    run.note(replaced > 0 ? t`${wrote} (${replaced} replaced)` : wrote);
  }
  sayNotes();
  return run.status;
}
