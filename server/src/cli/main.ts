/**
 * newsprint: the command-line checker. A second thin front end over the same
 * analysis as the language server.
 */
import { readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { analyze, type AnalysisConfig } from '../analysis';
import { omittedDiagnostic, toDiagnostic } from '../diagnostics';
import { applyEdits, fixAllEdits } from '../fixes/edits';
import { pageRefFromFileName } from '../model/pageNames';
import { outline } from '../outline';
import { RULES } from '../rules';
import { loadSegmenter } from '../segment/load';
import type { Segmenter } from '../segment/segmenter';
import { LineIndex } from '../text/positions';
import { ignoredFingerprints, rulesFor } from '../workspaceConfig';
import { collectFiles } from './files';
import { formatJson, formatText, type FileReport } from './format';
import { decode } from './readText';
import { ConfigFinder, relativeKey } from '../workspaceConfigFiles';

const USAGE = `Usage: newsprint check [files or folders…] [options]
       newsprint rules

Checks raw newspaper page text for layout damage and prints each page's outline.
With no path, checks the bundled sample page.

Options:
  --format text|json   output for people (default) or programs
  --fix                apply every safe fix in place (only changed files are written)
  --no-outline         leave the outline out of text output
  --dictionary trimmed|full
                       segmentation dictionary (default: trimmed, loads fast)
  -h, --help           this help

Exit status: 0 when nothing is at error severity, 1 when something is, 2 on usage or I/O errors.
`;

interface Options {
  paths: string[];
  format: 'text' | 'json';
  fix: boolean;
  outline: boolean;
  dictionary: 'trimmed' | 'full';
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options | 'help' | 'rules' {
  const args = [...argv];
  const command = args.shift();
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === 'rules') return 'rules';
  if (command !== 'check') throw new UsageError(`unknown command “${command}”`);
  const o: Options = { paths: [], format: 'text', fix: false, outline: true, dictionary: 'trimmed' };
  while (args.length) {
    const a = args.shift()!;
    const value = (name: string) => {
      const [, inline] = a.split('=', 2);
      const v = inline ?? args.shift();
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '--fix') o.fix = true;
    else if (a === '--no-outline') o.outline = false;
    else if (a === '--format' || a.startsWith('--format=')) {
      const v = value('--format');
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not “${v}”`);
      o.format = v;
    } else if (a === '--dictionary' || a.startsWith('--dictionary=')) {
      const v = value('--dictionary');
      if (v !== 'trimmed' && v !== 'full') throw new UsageError(`--dictionary must be trimmed or full, not “${v}”`);
      o.dictionary = v;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option “${a}”`);
    else o.paths.push(a);
  }
  return o;
}

/** Writes through a temporary file in the same folder and a rename, so a crash never leaves half a page. */
function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.newsprint-${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw err;
  }
}

/** Safe fixes applied until nothing changes; overlapping fixes wait for the next pass. */
export function fixText(text: string, segmenter: Segmenter, config: AnalysisConfig, pageRef?: ReturnType<typeof pageRefFromFileName>): { text: string; fixed: number } {
  let fixed = 0;
  for (let pass = 0; pass < 5; pass++) {
    const { findings } = analyze(text, { segmenter, config: { ...config, maxProblems: Infinity }, ...(pageRef ? { pageRef } : {}) });
    const edits = fixAllEdits(findings);
    if (edits.length === 0) break;
    fixed += findings.filter((f) => f.fixes.some((x) => x.safe)).length;
    text = applyEdits(text, edits);
  }
  return { text, fixed };
}

/** Paths as a person typed them, or relative to where they stand. */
function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function samplePage(): string {
  return join(__dirname, '..', '..', 'test', 'corpus', 'cjrb-2026-01-08', '01.txt');
}

export function main(argv: readonly string[]): number {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`newsprint: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options === 'rules') {
    for (const r of RULES) process.stdout.write(`${r.id.padEnd(24)}${r.defaultSeverity.padEnd(13)}${r.description}\n`);
    return 0;
  }
  const paths = options.paths.length ? options.paths : [samplePage()];
  const { files, errors } = collectFiles(paths);
  let status = 0;
  for (const e of errors) {
    process.stderr.write(`newsprint: ${e}\n`);
    status = 2;
  }
  const seg = loadSegmenter(join(__dirname, 'dict'), options.dictionary);
  if (!seg.ready) process.stderr.write(`newsprint: ${seg.message}\n`);
  const finder = new ConfigFinder();
  const reported = new Set<string>();
  const reports: FileReport[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      process.stderr.write(`newsprint: ${file}: cannot read: ${(err as Error).message}\n`);
      status = 2;
      continue;
    }
    const decoded = decode(bytes);
    if (!decoded.ok) {
      process.stderr.write(`newsprint: ${file}: ${decoded.message}\n`);
      if (decoded.kind === 'encoding') status = 2;
      continue;
    }
    const found = finder.forFile(file);
    if (found.path && !reported.has(found.path)) {
      reported.add(found.path);
      for (const p of found.problems) process.stderr.write(`newsprint: ${found.path}: ${p}\n`);
    }
    const config: AnalysisConfig = {
      rules: rulesFor(found.config, relativeKey(found.root, file)),
      ignored: ignoredFingerprints(found.config),
      ...(found.config.paperName ? { paperName: found.config.paperName } : {}),
      ...(found.config.bylineTemplate ? { bylineTemplate: found.config.bylineTemplate } : {}),
    };
    const pageRef = pageRefFromFileName(file);
    let text = decoded.text;
    let fixed: number | undefined;
    if (options.fix) {
      const result = fixText(text, seg.segmenter, config, pageRef);
      if (result.text !== text) {
        try {
          writeAtomically(file, (decoded.bom ? '\uFEFF' : '') + result.text);
          fixed = result.fixed;
          text = result.text;
        } catch (err) {
          process.stderr.write(`newsprint: ${file}: cannot write: ${(err as Error).message}\n`);
          status = 2;
        }
      }
    }
    const analysis = analyze(text, { segmenter: seg.segmenter, config, ...(pageRef ? { pageRef } : {}) });
    const index = new LineIndex(analysis.model.lines);
    const diagnostics = analysis.findings.map((f) => toDiagnostic(f, index));
    const last = diagnostics[diagnostics.length - 1];
    if (analysis.omitted > 0 && last) diagnostics.push(omittedDiagnostic(analysis.omitted, diagnostics.length, last.range));
    if (diagnostics.some((d) => d.severity === 1) && status === 0) status = 1;
    reports.push({ path: shown(file), diagnostics, outline: outline(analysis.model), index, ...(fixed !== undefined ? { fixed } : {}) });
  }
  process.stdout.write(options.format === 'json' ? formatJson(reports) : formatText(reports, options.outline));
  return status;
}
