/**
 * What Export Issue… and Export This Article offer, and what they act on:
 * the formats as people read them, and the page or issue a command was
 * given (an Issue Map item, an editor's file, or nothing). Plain data, so it
 * can be tested without an editor.
 */
import { t } from '@vscode/l10n';
import type { ArticleFormat, ExportFormat, FilesPer } from './protocol';

interface Choice<F> {
  readonly label: string;
  readonly detail: string;
  readonly format: F;
}

export interface FormatChoice extends Choice<ExportFormat> {
  readonly per: FilesPer;
}

/** A choice whose words are looked up when shown: the extension configures the language on activation, after this module loads. */
function choice<F, E extends object>(label: string | (() => string), detail: () => string, rest: E & { readonly format: F }): Choice<F> & E {
  return {
    get label() {
      return typeof label === 'string' ? label : label();
    },
    get detail() {
      return detail();
    },
    ...rest,
  };
}

export const ISSUE_FORMATS: readonly FormatChoice[] = [
  choice('IPTC ninjs 2.0', () => t('One JSON news item per article, in a folder named after the issue'), { format: 'ninjs', per: 'article' }),
  choice(
    () => t('Markdown, one file per article'),
    () => t('Front matter (headlines, byline, pages, notes), then the article'),
    { format: 'markdown', per: 'article' },
  ),
  choice(
    () => t('Markdown, one file for the issue'),
    () => t('The issue’s front matter, then every article'),
    { format: 'markdown', per: 'issue' },
  ),
  choice('JSON Lines', () => t('One article a line, for pipelines: one file for the issue'), { format: 'jsonl', per: 'issue' }),
  choice(
    () => t('Clean text'),
    () => t('The issue’s page files with the certain fixes applied'),
    { format: 'text', per: 'issue' },
  ),
];

export interface ArticleFormatChoice extends Choice<ArticleFormat> {
  /** The file name's extension, and the save dialog's filter. */
  readonly extension: string;
}

export const ARTICLE_FORMATS: readonly ArticleFormatChoice[] = [
  choice('Markdown', () => t('Front matter, then the article'), { format: 'markdown', extension: 'md' }),
  choice('IPTC ninjs 2.0', () => t('One JSON news item'), { format: 'ninjs', extension: 'json' }),
  choice('JSON Lines', () => t('The record on one line'), { format: 'jsonl', extension: 'jsonl' }),
];

/** The choices with the one used last first, so doing it again is one Enter. */
export function lastFirst<T>(choices: readonly T[], last: ((c: T) => boolean) | undefined): T[] {
  const i = last ? choices.findIndex(last) : -1;
  return i <= 0 ? [...choices] : [choices[i]!, ...choices.slice(0, i), ...choices.slice(i + 1)];
}

interface Position {
  readonly line: number;
  readonly character: number;
}

/** An Issue Map item as its commands receive it. */
type MapNode =
  | { readonly kind: 'issue'; readonly issue: { readonly id: string; readonly name: string } }
  | { readonly kind: 'page'; readonly page: { readonly uri: string } }
  | { readonly kind: 'article'; readonly article: { readonly uri: string; readonly selection: { readonly start: Position } } };

function mapNode(arg: unknown): MapNode | undefined {
  const n = arg as Partial<MapNode> | null | undefined;
  if (!n || typeof n !== 'object') return undefined;
  if (n.kind === 'issue' && typeof (n as { issue?: { id?: unknown } }).issue?.id === 'string') return n as MapNode;
  if (n.kind === 'page' && typeof (n as { page?: { uri?: unknown } }).page?.uri === 'string') return n as MapNode;
  if (n.kind === 'article' && typeof (n as { article?: { uri?: unknown } }).article?.uri === 'string') return n as MapNode;
  return undefined;
}

/** The page or issue id Export Issue… was given by an Issue Map item, if it was. */
export function issueTarget(arg: unknown): string | undefined {
  const n = mapNode(arg);
  if (!n) return undefined;
  return n.kind === 'issue' ? n.issue.id : n.kind === 'page' ? n.page.uri : n.article.uri;
}

/** The article Export This Article was given by an Issue Map item, if it was: its page and headline. */
export function articleTarget(arg: unknown): { uri: string; position: Position } | undefined {
  const n = mapNode(arg);
  return n?.kind === 'article' ? { uri: n.article.uri, position: n.article.selection.start } : undefined;
}
