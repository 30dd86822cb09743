/**
 * The issue map: issues → pages → articles, with each article's status
 * (byline, jumps, open problems), as plain JSON for the editor's tree view.
 * The client shows it; every judgement in it is made here.
 */
import { levelOf, refKey, type AnalysisConfig } from '../analysis';
import type { Range } from '../text/positions';
import { crossPageFindings, type CrossPageOptions } from './crossPage';
import { normalizeHeadline } from './headlines';
import type { IssueIndex } from './issueIndex';
import type { ArrivingLink, OnwardLink } from './jumps';
import { jumpTarget } from './navigation';
import { fileNameOf, pageName, type IndexedArticle, type IndexedPage } from './pageSummary';

export interface IssueMapJump {
  readonly direction: 'onward' | 'arriving';
  /** The page the marker names: 2版. */
  readonly page: string;
  /** The marker as printed: (下转第二版). */
  readonly marker: string;
  /** matched: the other half is found; broken: the other page is in the issue but the other half is not; unchecked: the other page is not in the issue. */
  readonly status: 'matched' | 'broken' | 'unchecked';
  /** Where the jump leads: the other half, or the page to look at. */
  readonly target?: { readonly uri: string; readonly range: Range };
}

export interface IssueMapArticle {
  /** The outline's name: every deck line, joined by “ / ”. */
  readonly name: string;
  /** The deck line that names it in a narrow list: its main headline rather than a short kicker. */
  readonly title: string;
  readonly kind: Exclude<IndexedArticle['kind'], 'teaser'>;
  readonly uri: string;
  readonly range: Range;
  /** The headline: what a click selects. */
  readonly selection: Range;
  readonly byline?: string;
  /** missing-byline is reported on it. */
  readonly missingByline: boolean;
  /** 字数. */
  readonly length: number;
  readonly jumps: readonly IssueMapJump[];
  /** Open problems: its own warnings and errors, and cross-page ones (information and hints do not count). */
  readonly problems: number;
  readonly errors: number;
}

export interface IssueMapPage {
  readonly uri: string;
  /** 第2版 要闻, 2版, or the file name when the page has no number. */
  readonly label: string;
  readonly fileName: string;
  readonly range: Range;
  readonly articles: readonly IssueMapArticle[];
}

export interface IssueMapIssue {
  readonly id: string;
  readonly name: string;
  readonly pages: readonly IssueMapPage[];
  readonly problems: number;
  readonly brokenJumps: number;
}

export interface IssueMap {
  readonly issues: readonly IssueMapIssue[];
  /** Still indexing: more pages may come. */
  readonly indexing: boolean;
}

/**
 * The first deck line long enough to be a headline: a kicker such as
 * 2026武汉两会 (引题) stands above the main headline and names a series, not
 * the article.
 */
function titleOf(a: IndexedArticle): string {
  return a.deck.find((line) => normalizeHeadline(line).length >= 10) ?? a.deck[0] ?? a.name;
}

function status(link: OnwardLink | ArrivingLink): IssueMapJump['status'] {
  const kind = link.state.kind;
  return kind === 'matched' ? 'matched' : kind === 'page-missing' ? 'unchecked' : 'broken';
}

/** What decides which findings of a file count: its rule levels and ignores, for its own findings and the cross-page ones. */
export interface CountingConfig {
  readonly analysis: AnalysisConfig;
  readonly crossPage: CrossPageOptions;
}

/** An article's own findings as its file's configuration counts them now. */
function ownCounts(a: IndexedArticle, page: IndexedPage, config: AnalysisConfig): { problems: number; errors: number; missingByline: boolean } {
  const key = page.ref ? refKey(page.ref) : undefined;
  let problems = 0;
  let errors = 0;
  let missingByline = false;
  for (const f of a.findings) {
    const level = levelOf(config, f.rule);
    if (level === 'off' || config.ignored?.has(f.fingerprint, key)) continue;
    if (f.rule === 'missing-byline') missingByline = true;
    if (level === 'warning' || level === 'error') problems++;
    if (level === 'error') errors++;
  }
  return { problems, errors, missingByline };
}

/** The map of every issue; `configOf` gives each file's configuration, so a rule turned off counts no problems. */
export function issueMap(index: IssueIndex, configOf: (uri: string) => CountingConfig, indexing: boolean): IssueMap {
  const issues: IssueMapIssue[] = [];
  for (const issue of index.issues()) {
    const links = index.links(issue.id)!;
    const configs = new Map(issue.files.map((f) => [f.uri, configOf(f.uri)]));
    const crossByFile = new Map(issue.files.map((f) => [f.uri, crossPageFindings(links, f.uri, configs.get(f.uri)!.crossPage)]));
    const jumpsOf = new Map<IndexedArticle, IssueMapJump[]>();
    const addJump = (a: IndexedArticle, link: OnwardLink | ArrivingLink) => {
      const t = jumpTarget(link);
      const jump: IssueMapJump = {
        direction: link.marker.direction,
        page: pageName(link.marker.page),
        marker: link.marker.text,
        status: status(link),
        ...(t ? { target: { uri: t.uri, range: t.selection } } : {}),
      };
      jumpsOf.set(a, [...(jumpsOf.get(a) ?? []), jump]);
    };
    for (const l of links.arriving) addJump(l.to.article, l);
    for (const l of links.onward) addJump(l.from.article, l);
    let problems = 0;
    const pages: IssueMapPage[] = issue.pages.map(({ file, page }) => {
      const cross = crossByFile.get(file.uri) ?? [];
      const articles: IssueMapArticle[] = [];
      for (const a of page.articles) {
        if (a.kind === 'teaser') continue;
        const mine = cross.filter((f) => f.span.start >= a.span.start && f.span.start <= a.span.end && (f.severity === 'error' || f.severity === 'warning'));
        const own = ownCounts(a, page, configs.get(file.uri)!.analysis);
        const count = own.problems + mine.length;
        problems += count;
        articles.push({
          name: a.name,
          title: titleOf(a),
          kind: a.kind,
          uri: file.uri,
          range: a.range,
          selection: a.selection,
          ...(a.byline ? { byline: a.byline } : {}),
          missingByline: own.missingByline,
          length: a.length,
          jumps: jumpsOf.get(a) ?? [],
          problems: count,
          errors: own.errors + mine.filter((f) => f.severity === 'error').length,
        });
      }
      return { uri: file.uri, label: page.label, fileName: fileNameOf(file.uri), range: page.range, articles };
    });
    const brokenJumps = [...links.onward, ...links.arriving].filter((l) => status(l) === 'broken').length;
    issues.push({ id: issue.id, name: issue.name, pages, problems, brokenJumps });
  }
  return { issues, indexing };
}
