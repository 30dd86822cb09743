/**
 * Which files an export writes, and what each holds: the one layout the
 * checker's `--out` and the editor's Export Issue… share. Paths are
 * relative, with `/` between their parts; the front ends put them under
 * the folder chosen.
 *
 *   ninjs     <issue>/<id>.json per article, or <issue>.json (an array) per issue
 *   markdown  <issue>/<id>.md per article, or <issue>.md per issue
 *   jsonl     <issue>.jsonl
 *   text      <issue>/<page file>: each page file after the certain fixes
 */
import type { ExportedArticle, ExportedIssue } from './exportedIssue';
import { jsonLine, issueJsonLines } from './formats/jsonLines';
import { articleMarkdown, issueMarkdown } from './formats/markdown';
import { toNinjs } from './formats/ninjs';

export const EXPORT_FORMATS = ['ninjs', 'markdown', 'jsonl', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ArticleFormat = Exclude<ExportFormat, 'text'>;
/** One file per article or one per issue (ninjs and Markdown; JSON Lines is always one per issue, text one per page). */
export type FilesPer = 'article' | 'issue';

export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** The issue's folder or file name, without a page file's extension, safe as one path segment. */
export function issueDirName(issue: ExportedIssue): string {
  // eslint-disable-next-line no-control-regex -- control characters are what a path segment must not hold
  const name = issue.name.replace(/\.(?:txt|newsprint|np)$/i, '').replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_');
  return name === '' || /^\.+$/.test(name) ? 'issue' : name;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

export function articleFile(issue: ExportedIssue, article: ExportedArticle, format: ArticleFormat, dir = issueDirName(issue)): OutputFile {
  switch (format) {
    case 'ninjs':
      return { path: `${dir}/${article.id}.json`, content: json(toNinjs(issue, article)) };
    case 'markdown':
      return { path: `${dir}/${article.id}.md`, content: articleMarkdown(issue, article) };
    case 'jsonl':
      return { path: `${dir}/${article.id}.jsonl`, content: jsonLine(issue, article) };
  }
}

/** `dir` names the issue's files; the issue's own name unless two issues of one run share it. */
export function issueFiles(issue: ExportedIssue, format: ExportFormat, per: FilesPer, dir = issueDirName(issue)): OutputFile[] {
  switch (format) {
    case 'text':
      return issue.files.map((f) => ({ path: `${dir}/${f.fileName}`, content: (f.bom ? '\uFEFF' : '') + f.fixedText }));
    case 'jsonl':
      return [{ path: `${dir}.jsonl`, content: issueJsonLines(issue) }];
    case 'ninjs':
      return per === 'issue'
        ? [{ path: `${dir}.json`, content: json(issue.articles.map((a) => toNinjs(issue, a))) }]
        : issue.articles.map((a) => articleFile(issue, a, format, dir));
    case 'markdown':
      return per === 'issue' ? [{ path: `${dir}.md`, content: issueMarkdown(issue) }] : issue.articles.map((a) => articleFile(issue, a, format, dir));
  }
}

/**
 * The export of many issues as one stream, for stdout: ninjs as one JSON
 * array, Markdown one document per issue, JSON Lines one line per article,
 * text the page files one after another with a form feed between them (as
 * pdftotext separates pages).
 */
export class StreamWriter {
  private count = 0;

  constructor(private readonly format: ExportFormat) {}

  begin(): string {
    return this.format === 'ninjs' ? '[' : '';
  }

  issue(issue: ExportedIssue): string {
    let out = '';
    switch (this.format) {
      case 'ninjs':
        for (const a of issue.articles) out += `${this.count++ === 0 ? '\n' : ',\n'}${JSON.stringify(toNinjs(issue, a), null, 2).replace(/^/gm, '  ')}`;
        return out;
      case 'jsonl':
        return issueJsonLines(issue);
      case 'markdown':
        return `${this.count++ === 0 ? '' : '\n'}${issueMarkdown(issue)}`;
      case 'text':
        for (const f of issue.files) out += `${this.count++ === 0 ? '' : '\f'}${f.fixedText}`;
        return out;
    }
  }

  end(): string {
    return this.format === 'ninjs' ? (this.count === 0 ? ']\n' : '\n]\n') : '';
  }
}
