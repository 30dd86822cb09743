/**
 * What the issue map shows for each node: label, description, icon and
 * tooltip, as plain strings, so it can be tested without an editor. The
 * tree view turns them into TreeItems.
 */
import { t } from '@vscode/l10n';
import type { IssueMap, IssueMapArticle, IssueMapIssue, IssueMapJump, IssueMapPage } from './protocol';

export interface NodeText {
  readonly label: string;
  readonly description: string;
  /** A codicon id, and the theme colour to draw it in. */
  readonly icon: { readonly id: string; readonly color?: string };
  /** Markdown. */
  readonly tooltip: string;
}

/** Looked up when shown: the extension configures the language on activation, after this module loads. */
const KIND: Record<IssueMapArticle['kind'], () => string> = {
  article: () => t('article'),
  continuation: () => t('continued part'),
  commentary: () => t('commentary'),
  photo: () => t('photo'),
};

/** A count with its noun, each form a key of its own: `one` and `many` hold {0}. */
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many).replace('{0}', String(n));
const problemCount = (n: number) => plural(n, t('{0} problem'), t('{0} problems'));
const articleCount = (n: number) => plural(n, t('{0} article'), t('{0} articles'));
const brokenCount = (n: number) => plural(n, t('{0} broken jump'), t('{0} broken jumps'));
const md = (text: string) => text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);

function arrow(j: IssueMapJump): string {
  return `${j.direction === 'onward' ? '→' : '←'} ${j.page}`;
}

/** → 2版, → 2版 ✗ (its other half is missing), → 2版 ? (the other page is not in the issue). */
export function jumpLabel(j: IssueMapJump): string {
  return `${arrow(j)}${j.status === 'matched' ? '' : j.status === 'broken' ? ' ✗' : ' ?'}`;
}

function jumpLine(j: IssueMapJump): string {
  const onward = j.direction === 'onward';
  const how =
    j.status === 'matched'
      ? onward
        ? t('its continued part is found')
        : t('the article it continues is found')
      : j.status === 'broken'
        ? onward
          ? t`no continued part on ${j.page} repeats this headline`
          : t`no article on ${j.page} jumps here under this headline`
        : t`${j.page} is not in this issue`;
  return onward ? t`${md(j.marker)} continues on ${j.page}: ${how}` : t`${md(j.marker)} continued from ${j.page}: ${how}`;
}

export function articleText(a: IssueMapArticle): NodeText {
  const broken = a.jumps.some((j) => j.status === 'broken');
  const parts = [
    ...(a.kind === 'article' ? [] : [KIND[a.kind]()]),
    ...a.jumps.map(jumpLabel),
    ...(a.missingByline ? [t('no byline')] : []),
    ...(a.problems > 0 ? [problemCount(a.problems)] : []),
  ];
  const icon =
    a.errors > 0
      ? { id: 'error', color: 'problemsErrorIcon.foreground' }
      : broken
        ? { id: 'debug-disconnect', color: 'problemsWarningIcon.foreground' }
        : a.problems > 0
          ? { id: 'warning', color: 'problemsWarningIcon.foreground' }
          : { id: 'pass', color: 'testing.iconPassed' };
  const facts = [KIND[a.kind](), a.byline ? md(a.byline) : a.missingByline ? t('no byline') : undefined, `${a.length}字`].filter((x): x is string => x !== undefined);
  const tooltip = [
    `**${md(a.name)}**`,
    facts.join(' · '),
    ...a.jumps.map((j) => `- ${jumpLine(j)}`),
    a.problems > 0
      ? plural(a.problems, t('1 open problem (warnings and errors; see the Problems panel)'), t('{0} open problems (warnings and errors; see the Problems panel)'))
      : t('No open problems.'),
  ].join('\n\n');
  return { label: a.title, description: parts.join(' · '), icon, tooltip };
}

export function pageText(p: IssueMapPage): NodeText {
  const problems = p.articles.reduce((n, a) => n + a.problems, 0);
  const broken = p.articles.reduce((n, a) => n + a.jumps.filter((j) => j.status === 'broken').length, 0);
  const counts = [articleCount(p.articles.length), ...(broken > 0 ? [brokenCount(broken)] : []), ...(problems > 0 ? [problemCount(problems)] : [])];
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
    plural(i.pages.length, t('{0} page'), t('{0} pages')),
    articleCount(articles),
    ...(i.brokenJumps > 0 ? [brokenCount(i.brokenJumps)] : []),
    ...(i.problems > 0 ? [problemCount(i.problems)] : []),
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

/** What a proofreader on deadline still has to look at: an article with an open problem or a broken jump. */
export function needsAttention(a: IssueMapArticle): boolean {
  return a.problems > 0 || a.errors > 0 || a.jumps.some((j) => j.status === 'broken');
}

/** The map cut down to the articles that need attention, and the pages and issues that hold them. */
export function problemsOnly(map: IssueMap): IssueMap {
  const issues = map.issues
    .map((i) => ({ ...i, pages: i.pages.map((p) => ({ ...p, articles: p.articles.filter(needsAttention) })).filter((p) => p.articles.length > 0) }))
    .filter((i) => i.pages.length > 0);
  return { ...map, issues };
}
