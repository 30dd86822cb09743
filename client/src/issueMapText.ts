/**
 * What the issue map shows for each node: label, description, icon and
 * tooltip, as plain strings, so it can be tested without an editor. The
 * tree view turns them into TreeItems.
 */
import type { IssueMap, IssueMapArticle, IssueMapIssue, IssueMapJump, IssueMapPage } from './protocol';

export interface NodeText {
  readonly label: string;
  readonly description: string;
  /** A codicon id, and the theme colour to draw it in. */
  readonly icon: { readonly id: string; readonly color?: string };
  /** Markdown. */
  readonly tooltip: string;
}

const KIND: Record<IssueMapArticle['kind'], string> = {
  article: 'article',
  continuation: 'continued part',
  commentary: 'commentary',
  photo: 'photo',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const md = (text: string) => text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);

function arrow(j: IssueMapJump): string {
  return `${j.direction === 'onward' ? '→' : '←'} ${j.page}`;
}

/** → 2版, → 2版 ✗ (its other half is missing), → 2版 ? (the other page is not in the issue). */
export function jumpLabel(j: IssueMapJump): string {
  return `${arrow(j)}${j.status === 'matched' ? '' : j.status === 'broken' ? ' ✗' : ' ?'}`;
}

function jumpLine(j: IssueMapJump): string {
  const what = j.direction === 'onward' ? 'continues on' : 'continued from';
  const how =
    j.status === 'matched'
      ? j.direction === 'onward'
        ? 'its continued part is found'
        : 'the article it continues is found'
      : j.status === 'broken'
        ? j.direction === 'onward'
          ? `no continued part on ${j.page} repeats this headline`
          : `no article on ${j.page} jumps here under this headline`
        : `${j.page} is not in this issue`;
  return `${md(j.marker)} ${what} ${j.page}: ${how}`;
}

export function articleText(a: IssueMapArticle): NodeText {
  const broken = a.jumps.some((j) => j.status === 'broken');
  const parts = [
    ...(a.kind === 'article' ? [] : [KIND[a.kind]]),
    ...a.jumps.map(jumpLabel),
    ...(a.missingByline ? ['no byline'] : []),
    ...(a.problems > 0 ? [plural(a.problems, 'problem')] : []),
  ];
  const icon =
    a.errors > 0
      ? { id: 'error', color: 'problemsErrorIcon.foreground' }
      : broken
        ? { id: 'debug-disconnect', color: 'problemsWarningIcon.foreground' }
        : a.problems > 0
          ? { id: 'warning', color: 'problemsWarningIcon.foreground' }
          : { id: 'pass', color: 'testing.iconPassed' };
  const facts = [KIND[a.kind], a.byline ? md(a.byline) : a.missingByline ? 'no byline' : undefined, `${a.length}字`].filter((x): x is string => x !== undefined);
  const tooltip = [
    `**${md(a.name)}**`,
    facts.join(' · '),
    ...a.jumps.map((j) => `- ${jumpLine(j)}`),
    a.problems > 0 ? `${plural(a.problems, 'open problem')} (warnings and errors; see the Problems panel)` : 'No open problems.',
  ].join('\n\n');
  return { label: a.title, description: parts.join(' · '), icon, tooltip };
}

export function pageText(p: IssueMapPage): NodeText {
  const problems = p.articles.reduce((n, a) => n + a.problems, 0);
  const broken = p.articles.reduce((n, a) => n + a.jumps.filter((j) => j.status === 'broken').length, 0);
  const counts = [plural(p.articles.length, 'article'), ...(broken > 0 ? [plural(broken, 'broken jump')] : []), ...(problems > 0 ? [plural(problems, 'problem')] : [])];
  // A page named by its number shows its file beside it; a page named by its file does not repeat it.
  const file = p.label === p.fileName ? [] : [p.fileName];
  return {
    label: p.label,
    description: [...file, ...counts].join(' · '),
    icon: { id: 'file-text' },
    tooltip: `**${md(p.label)}** — ${md(p.fileName)}\n\n${counts.join(' · ')}`,
  };
}

export function issueText(i: IssueMapIssue): NodeText {
  const articles = i.pages.reduce((n, p) => n + p.articles.length, 0);
  const parts = [
    plural(i.pages.length, 'page'),
    plural(articles, 'article'),
    ...(i.brokenJumps > 0 ? [plural(i.brokenJumps, 'broken jump')] : []),
    ...(i.problems > 0 ? [plural(i.problems, 'problem')] : []),
  ];
  return {
    label: i.name,
    description: parts.join(' · '),
    icon: { id: 'book' },
    tooltip: `**${md(i.name)}**\n\n${parts.join(' · ')}`,
  };
}

/** The map as sent, or undefined when a server of another version sends something else. */
export function readIssueMap(value: unknown): IssueMap | undefined {
  const m = value as { issues?: unknown; indexing?: unknown } | null | undefined;
  if (!m || !Array.isArray(m.issues)) return undefined;
  const issues = m.issues as unknown[];
  const ok = issues.every((x) => {
    const i = x as { name?: unknown; pages?: unknown } | null;
    return (
      !!i &&
      typeof i.name === 'string' &&
      Array.isArray(i.pages) &&
      (i.pages as unknown[]).every((y) => {
        const p = y as { uri?: unknown; articles?: unknown } | null;
        return !!p && typeof p.uri === 'string' && Array.isArray(p.articles);
      })
    );
  });
  return ok ? { issues: issues as IssueMap['issues'], indexing: m.indexing === true } : undefined;
}
