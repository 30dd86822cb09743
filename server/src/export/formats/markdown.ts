/**
 * Records as Markdown for people and static-site tools: one file per article
 * with YAML front matter (id, headlines by role, byline, dateline, pages,
 * paper, notes), or one file per issue with the issue's front matter and the
 * articles one after another. Strings in the front matter are written as
 * JSON strings, which YAML reads as the same double-quoted scalars.
 */
import type { ExportedArticle, ExportedIssue } from '../exportedIssue';
import { byline, captions, dateline, fileNames, headline, noteLines, pageLabels } from './articleFields';

type Value = string | number | boolean | readonly string[] | undefined;

function frontMatter(fields: ReadonlyArray<readonly [string, Value]>): string {
  const lines = ['---'];
  for (const [key, value] of fields) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (Array.isArray(value)) lines.push(`${key}:`, ...value.map((v: string) => `  - ${JSON.stringify(v)}`));
    else lines.push(`${key}: ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
  }
  lines.push('---', '');
  return lines.join('\n');
}

/** Text that Markdown would read as markup: a heading, quote or list at a line's start, emphasis and links inside. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>]/g, '\\$&')
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)([.)])(?= )/, '$1\\$2');
}

function articleFields(issue: ExportedIssue, article: ExportedArticle): Array<readonly [string, Value]> {
  return [
    ['id', article.id],
    ['issue', issue.name],
    ['paper', issue.paper],
    ['kind', article.kind],
    ['kicker', headline(article, 'kicker')],
    ['headline', headline(article, 'main')],
    ['subhead', headline(article, 'subhead')],
    ['byline', byline(article)],
    ['source', article.source?.text],
    ['dateline', dateline(article)],
    ['located', article.source?.place],
    ['pages', pageLabels(issue, article)],
    ['files', fileNames(issue, article)],
    ['complete', article.complete],
    ['notes', noteLines(issue, article)],
  ];
}

/** The article's text: its deck as headings (the kicker above the main line, the subhead below), then its body. */
function articleText(article: ExportedArticle, level: number): string {
  const h = '#'.repeat(level);
  const out: string[] = [];
  for (const line of article.headlines) {
    if (line.role === 'kicker') out.push(`*${escapeMarkdown(line.text)}*`);
    else if (line.role === 'main') out.push(`${h} ${escapeMarkdown(line.text)}`);
    else out.push(`${h}# ${escapeMarkdown(line.text)}`);
  }
  const pictures = captions(article);
  let picture = 0;
  article.body.forEach((b, i) => {
    if (b.role === 'subheading') out.push(`${h}## ${escapeMarkdown(b.text)}`);
    else if (b.role === 'byline') out.push(`*${escapeMarkdown(b.text)}*`);
    else if (b.role === 'caption' || (b.role === 'credit' && article.body[i - 1]?.role !== 'caption')) {
      const p = pictures[picture++]!;
      out.push(
        [p.caption, p.credit]
          .filter((x): x is string => !!x)
          .map((x) => `> ${escapeMarkdown(x)}`)
          .join('\n>\n'),
      );
    } else if (b.role !== 'credit') out.push(escapeMarkdown(b.text));
  });
  return out.join('\n\n') + '\n';
}

export function articleMarkdown(issue: ExportedIssue, article: ExportedArticle): string {
  return frontMatter(articleFields(issue, article)) + '\n' + articleText(article, 1);
}

export function issueMarkdown(issue: ExportedIssue): string {
  const head = frontMatter([
    ['issue', issue.name],
    ['paper', issue.paper],
    ['pages', issue.pages.map((p) => p.label)],
    ['articles', issue.articles.length],
    ['notes', issue.notes.map((n) => `${issue.pages[n.page]!.label}: ${n.message}`)],
  ]);
  const sections = issue.articles.map((a) => {
    const about = [a.id, pageLabels(issue, a).join('–'), byline(a), a.complete ? undefined : 'incomplete'].filter((x): x is string => !!x).join(' · ');
    const notes = noteLines(issue, a).map((n) => `> **Note** ${escapeMarkdown(n)}`);
    return [articleText(a, 2).trimEnd(), `<small>${escapeMarkdown(about)}</small>`, ...notes].join('\n\n') + '\n';
  });
  return `${head}\n# ${escapeMarkdown(issue.paper ? `${issue.paper} ${issue.name}` : issue.name)}\n\n${sections.join('\n---\n\n')}`;
}
