/**
 * newsprint: the command-line checker. A second thin front end over the same
 * analysis as the language server: each folder's pages are checked as an
 * issue, cross-page findings included, on every core for large archives.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../rules';
import type { MissingPageLevel } from '../issue/crossPage';
import { LineIndex } from '../text/positions';
import { ConfigFinder } from '../workspace/configFinder';
import { DEFAULT_SETTINGS, fileConfig } from '../workspace/fileConfig';
import { compileLinear } from '../workspace/pagePattern';
import { unpackLines, type CheckedFile } from './checkIssue';
import { exportCommand } from './exportCommand';
import { collectFiles } from './files';
import { formatJson, formatText, type FileReport } from './format';
import { checkAll } from './pool';
import { Progress } from './progress';
import { toSarif } from './sarif';
import { ruleDocFile } from '../ruleDocs';
import { counted, t } from '../l10n/t';
import { languageOf, localeFromEnvironment, useLocale } from '../l10n/locale';

/** Looked up when printed: the language is chosen after the module loads. */
const usage = () =>
  t(`Usage: newsprint check [files or folders…] [options]
       newsprint export [files or folders…] --format ninjs|markdown|jsonl|text [--out DIR]
       newsprint rules

Checks raw newspaper page text for layout damage and prints each page's outline.
The pages of one folder are checked as one issue: a continuation marker such as
(下转第二版) must find its continued part on the other page. In a folder, only
pages are checked: files whose name gives a page number (01.txt, A02.txt,
第二版.txt, or .newsprint.json's pageFileNamePattern), .newsprint and .np files,
and files that hold a page line (第2版 要闻); a file named on the command line is
always checked. With no path, checks the bundled sample page.

Options:
  --lang en|zh-cn      the language of messages and this help (default: from
                       LC_ALL, LC_MESSAGES or LANG)
  --format text|json|sarif
                       output for people (default), for programs, or SARIF 2.1.0
                       for code-scanning tools
  --fix                apply every safe fix in place (only changed files are written)
  --diff               print what --fix would change as a unified diff; write nothing
  --dry-run            say how many fixes --fix would apply to each file; write nothing
  --max-problems N     list at most N findings per file and count the rest
                       (default: all of them)
  --no-outline         leave the outline out of text output
  --missing-page off|information
                       report jumps to or from a page that was not checked
                       (default: off)
  --jobs N             check on N threads (default: one per 1.5 cores for 32 files or more)
  --dictionary trimmed|full
                       segmentation dictionary (default: trimmed, loads fast)
  -h, --help           this help

On a terminal, progress (files checked, findings so far) is shown on stderr.
Exit status: 0 when nothing is at error severity, 1 when something is, 2 on usage or I/O errors.
`);

interface Options {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  preview?: 'diff' | 'dry-run';
  outline: boolean;
  dictionary: 'trimmed' | 'full';
  missingPage: MissingPageLevel;
  jobs?: number;
  maxProblems?: number;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options | 'help' | 'rules' {
  const args = [...argv];
  const command = args.shift();
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === 'rules') return 'rules';
  if (command !== 'check') throw new UsageError(t`unknown command “${command}”`);
  const o: Options = { paths: [], format: 'text', fix: false, outline: true, dictionary: 'trimmed', missingPage: 'off' };
  while (args.length) {
    const a = args.shift()!;
    const value = (name: string) => {
      const [, inline] = a.split('=', 2);
      const v = inline ?? args.shift();
      if (v === undefined) throw new UsageError(t`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '--lang' || a.startsWith('--lang=')) {
      // A language it does not have must not pass for English without a word.
      const v = value('--lang');
      if (languageOf(v) === 'en' && !/^en(?:[-_.].*)?$/i.test(v)) throw new UsageError(t`--lang must be en or zh-cn, not “${v}”`);
    } else if (a === '--fix') o.fix = true;
    else if (a === '--diff') {
      o.fix = true;
      o.preview = 'diff';
    } else if (a === '--dry-run') {
      o.fix = true;
      if (o.preview !== 'diff') o.preview = 'dry-run';
    } else if (a === '--no-outline') o.outline = false;
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = value('--format');
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(t`--format must be text, json or sarif, not “${v}”`);
      o.format = v;
    } else if (a === '--dictionary' || a.startsWith('--dictionary=')) {
      const v = value('--dictionary');
      if (v !== 'trimmed' && v !== 'full') throw new UsageError(t`--dictionary must be trimmed or full, not “${v}”`);
      o.dictionary = v;
    } else if (a === '--missing-page' || a.startsWith('--missing-page=')) {
      const v = value('--missing-page');
      if (v !== 'off' && v !== 'information') throw new UsageError(t`--missing-page must be off or information, not “${v}”`);
      o.missingPage = v;
    } else if (a === '--jobs' || a.startsWith('--jobs=')) {
      const v = value('--jobs');
      if (!/^[1-9][0-9]{0,2}$/.test(v)) throw new UsageError(t`--jobs must be a number of threads, not “${v}”`);
      o.jobs = Number(v);
    } else if (a === '--max-problems' || a.startsWith('--max-problems=')) {
      const v = value('--max-problems');
      if (!/^[1-9][0-9]{0,8}$/.test(v)) throw new UsageError(t`--max-problems must be a number of findings, not “${v}”`);
      o.maxProblems = Number(v);
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(t`unknown option “${a}”`);
    else o.paths.push(a);
  }
  return o;
}

/** Paths as a person typed them, or relative to where they stand. */
function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function shownUri(uri: string): string {
  return uri.startsWith('file:') ? shown(fileURLToPath(uri)) : uri;
}

function samplePage(): string {
  return join(__dirname, '..', '..', 'test', 'corpus', 'cjrb-2026-01-08', '01.txt');
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export interface MainOptions {
  /** The bundled checker, which worker threads run; without it every file is checked on the main thread. */
  readonly workerScript?: string;
}

/** `--lang X` or `--lang=X` anywhere on the command line, else the environment's locale. */
export function checkerLocale(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
    if (a === '--lang' && argv[i + 1] !== undefined) return argv[i + 1];
  }
  return localeFromEnvironment(env);
}

export async function main(argv: readonly string[], env: MainOptions = {}): Promise<number> {
  const locale = checkerLocale(argv, process.env);
  const language = useLocale(locale);
  if (argv[0] === 'export') return exportCommand(argv.slice(1), join(__dirname, 'dict'));
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`newsprint: ${(err as Error).message}\n\n${usage()}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  if (options === 'rules') {
    // The summary each rule's page opens with, and where that page is.
    for (const r of RULES) process.stdout.write(`${r.id.padEnd(24)}${r.defaultSeverity.padEnd(13)}${r.description}\n${' '.repeat(37)}${shown(ruleDocFile(r.id, language))}\n`);
    return 0;
  }
  if (options.paths.length === 0 && !existsSync(samplePage())) {
    // Installed from the package, there is no sample page beside the checker.
    process.stderr.write(`newsprint: ${t('no file or folder given, and the sample page is not here (it ships with the source, not the package)')}\n\n${usage()}`);
    return 2;
  }
  const paths = options.paths.length ? options.paths : [samplePage()];
  const { files, errors, skipped: links } = await collectFiles(paths);
  let status = 0;
  const notes: string[] = [];
  const note = (text: string, code: 0 | 2) => {
    process.stderr.write(`newsprint: ${text}\n`);
    notes.push(text);
    if (code === 2) status = 2;
  };
  for (const e of errors) note(e, 2);
  // Each config file's problems are said once, before any file is checked.
  const finder = new ConfigFinder();
  const reported = new Set<string>();
  for (const { path } of files) {
    const found = finder.forFile(path);
    // A config file that applies not at all would check with settings nobody chose: that is an error, not a note.
    const problems = [
      ...(found.path ? found.problems.map((p) => ({ text: t`${found.path ?? ''}: ${p}`, status: found.unusable ? 2 : 0 })) : []),
      ...fileConfig(path, DEFAULT_SETTINGS, found, { compile: compileLinear, trusted: true }).problems.map((text) => ({ text, status: 0 })),
    ];
    for (const p of problems) {
      if (reported.has(p.text)) continue;
      reported.add(p.text);
      note(p.text, p.status as 0 | 2);
    }
  }
  const progress = new Progress(process.stderr, files.length);
  let checked: { results: CheckedFile[]; segmentation?: string };
  try {
    checked = await checkAll(
      files,
      {
        fix: options.fix,
        ...(options.preview ? { preview: options.preview } : {}),
        missingPage: options.missingPage,
        dictionary: options.dictionary,
        ...(options.jobs ? { jobs: options.jobs } : {}),
        ...(options.maxProblems ? { maxProblems: options.maxProblems } : {}),
        ...(options.format === 'json' ? { withFixes: true } : {}),
        ...(env.workerScript ? { workerScript: env.workerScript } : {}),
        ...(locale !== undefined ? { locale } : {}),
      },
      join(__dirname, 'dict'),
      (issue) => {
        for (const r of issue) progress.add(r.report?.diagnostics.length ?? 0);
      },
    );
  } finally {
    progress.finish();
  }
  if (checked.segmentation) note(checked.segmentation, 0);
  const reports: FileReport[] = [];
  const skipped = [...links.map((l) => ({ file: l.path, skipped: l.reason })), ...checked.results.filter((r) => r.skipped)];
  if (skipped.length > 0) {
    const list = skipped.map((r) => '  ' + t`${shown(r.file)}: ${r.skipped ?? ''}`).join('\n');
    const head = counted(
      skipped.length,
      t('{0} file is not a page and was skipped (name a file to check it anyway):'),
      t('{0} files are not pages and were skipped (name a file to check it anyway):'),
    );
    note(`${head}\n${list}`, 0);
  }
  for (const r of checked.results) {
    for (const n of r.notes) note(n.text, n.status);
    if (!r.report) continue;
    if (r.report.diagnostics.some((d) => d.severity === 1) && status === 0) status = 1;
    reports.push({
      path: shown(r.file),
      diagnostics: r.report.diagnostics,
      outline: r.report.outline,
      index: new LineIndex(unpackLines(r.report.lines)),
      ...(r.report.fixed !== undefined ? { fixed: r.report.fixed } : {}),
      ...(r.report.wouldFix !== undefined ? { wouldFix: r.report.wouldFix } : {}),
    });
  }
  if (options.preview === 'diff') {
    // The diff alone on stdout, so it can be piped to patch or a review; what it amounts to goes to stderr.
    const changed = checked.results.filter((r) => r.report?.diff !== undefined);
    for (const r of changed) process.stdout.write(r.report!.diff!);
    process.stderr.write(`newsprint: ${counted(changed.length, t('{0} file would change; nothing was written'), t('{0} files would change; nothing was written'))}\n`);
  } else if (options.format === 'json') process.stdout.write(formatJson(reports));
  else if (options.format === 'sarif') {
    const checkedFiles = checked.results.flatMap((r) => (r.report ? [{ file: r.file, diagnostics: r.report.diagnostics }] : []));
    const sarif = toSarif({ files: checkedFiles, notes, cwd: process.cwd(), version: version(), exitCode: status });
    process.stdout.write(JSON.stringify(sarif, null, 2) + '\n');
  } else process.stdout.write(formatText(reports, options.outline, shownUri));
  return status;
}
