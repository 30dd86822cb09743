/**
 * orphaned-continuation across pages: an onward marker whose target page is
 * in the issue but holds no continued part under its headline, and a
 * continued part whose source page is in the issue but has no onward marker
 * for it. When the other page is not in the issue there is nothing to say
 * for sure: at most information, as the setting chooses. Each finding points
 * at the other page, so the editor can show where to look.
 */
import { refKey, type IgnoreSet } from '../analysis';
import type { Span } from '../model/page';
import { unsure, type RuleLevel, type Severity } from '../rules/finding';
import type { Range } from '../text/positions';
import type { ArrivingLink, IssueLinks, OnwardLink } from './jumps';
import { fileNameOf, pageName, type IndexedFile } from './pageSummary';
import { t } from '../l10n/t';

export type MissingPageLevel = 'off' | 'information';

export interface CrossPageOptions {
  /** The level of orphaned-continuation for the file. */
  readonly level: RuleLevel;
  /** What to say when the other page is not in the issue. */
  readonly missingPage: MissingPageLevel;
  /** Findings a person chose to ignore. */
  readonly ignored?: IgnoreSet;
  /**
   * missing-byline for an article that jumps: its level and the reading
   * margin under which an article start is unsure (the page rule's own).
   * Without it, the issue says nothing of bylines.
   */
  readonly byline?: { readonly level: RuleLevel; readonly likelyStart: number };
}

export interface RelatedLocation {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

export interface CrossPageFinding {
  readonly rule: 'orphaned-continuation' | 'missing-byline';
  readonly span: Span;
  readonly range: Range;
  readonly severity: Severity;
  readonly message: string;
  readonly fingerprint: string;
  /** In a one-file issue, the page it is on, for an ignore that holds there alone. */
  readonly page?: string;
  readonly related: readonly RelatedLocation[];
}

function quoted(name: string): string {
  return `“${name.length > 40 ? name.slice(0, 39) + '…' : name}”`;
}

function fileName(file: IndexedFile): string {
  return fileNameOf(file.uri);
}

/** Said of a marker on a page that no page line or file name numbers. */
const noPageNumber = () => t('this page has no page number (no page line, and the file name gives none), so the jump cannot be checked.');

function onwardProblem(link: OnwardLink): { message: string; related: RelatedLocation[]; missing: boolean } | undefined {
  const { from, marker, state } = link;
  const target = pageName(marker.page);
  const headline = quoted(from.article.name);
  switch (state.kind) {
    case 'matched':
      return undefined;
    case 'page-missing':
      return {
        missing: true,
        related: [],
        message: from.page.page.ref ? t`${marker.text}: ${target} is not in this issue, so where ${headline} continues cannot be checked.` : t`${marker.text}: ${noPageNumber()}`,
      };
    case 'no-continuation': {
      if (state.elsewhere) {
        const there = state.elsewhere.page.page.ref ? pageName(state.elsewhere.page.page.ref) : fileName(state.elsewhere.page.file);
        return {
          missing: false,
          message: t`${marker.text}: the continued part of ${headline} is on ${there}, not on ${target}.`,
          related: [{ uri: state.elsewhere.page.file.uri, range: state.elsewhere.article.selection, message: t`The continued part on ${there}.` }],
        };
      }
      return {
        missing: false,
        message: t`${marker.text}: no continued part on ${target} repeats the headline ${headline}.`,
        related: state.targets.map((p) => ({
          uri: p.file.uri,
          range: p.page.range,
          message: t`${target} (${fileName(p.file)}): its continued parts from this page are under other headlines.`,
        })),
      };
    }
  }
}

function arrivingProblem(link: ArrivingLink): { message: string; related: RelatedLocation[]; missing: boolean } | undefined {
  const { to, marker, state } = link;
  const source = pageName(marker.page);
  const here = to.page.page.ref ? pageName(to.page.page.ref) : t('this page');
  const headline = quoted(to.article.name);
  switch (state.kind) {
    case 'matched':
      return undefined;
    case 'page-missing':
      return {
        missing: true,
        related: [],
        message: to.page.page.ref ? t`${marker.text}: ${source} is not in this issue, so where ${headline} comes from cannot be checked.` : t`${marker.text}: ${noPageNumber()}`,
      };
    case 'no-marker': {
      if (state.elsewhere) {
        const { at, marker: onward } = state.elsewhere;
        return {
          missing: false,
          message: t`${marker.text}: ${quoted(at.article.name)} on ${source} jumps to ${pageName(onward.page)} with ${onward.text}, not to ${here}.`,
          related: [{ uri: at.page.file.uri, range: onward.range, message: t`${onward.text} of ${quoted(at.article.name)}.` }],
        };
      }
      const related = state.sameHeadline
        ? [
            {
              uri: state.sameHeadline.page.file.uri,
              range: state.sameHeadline.article.selection,
              message: t`The article on ${source} under this headline has no onward marker to ${here}.`,
            },
          ]
        : state.sources.map((p) => ({ uri: p.file.uri, range: p.page.range, message: t`${source} (${fileName(p.file)}).` }));
      return {
        missing: false,
        message: state.sameHeadline
          ? t`${marker.text}: ${quoted(state.sameHeadline.article.name)} on ${source} has no onward marker to ${here}.`
          : t`${marker.text}: no article on ${source} jumps to ${here} under the headline ${headline}.`,
        related,
      };
    }
  }
}

/** The cross-page findings of one file of the issue, in text order. */
export function crossPageFindings(links: IssueLinks, uri: string, options: CrossPageOptions): CrossPageFinding[] {
  if (options.level === 'off') return [];
  const out: CrossPageFinding[] = [];
  const add = (at: OnwardLink['from'], marker: OnwardLink['marker'], problem: ReturnType<typeof onwardProblem>) => {
    if (!problem) return;
    if (problem.missing && options.missingPage === 'off') return;
    const ref = at.page.page.ref;
    const page = ref ? refKey(ref) : undefined;
    if (options.ignored?.has(marker.fingerprint, page)) return;
    out.push({
      rule: 'orphaned-continuation',
      span: marker.span,
      range: marker.range,
      // Never louder than the rule: a rule set to hint keeps missing pages at hint too.
      severity: problem.missing && options.level !== 'hint' ? 'information' : (options.level as Severity),
      message: problem.message,
      fingerprint: marker.fingerprint,
      ...(page !== undefined && at.page.file.pages.length > 1 ? { page } : {}),
      related: problem.related,
    });
  };
  for (const l of links.onward) if (l.from.page.file.uri === uri) add(l.from, l.marker, onwardProblem(l));
  for (const l of links.arriving) if (l.to.page.file.uri === uri) add(l.to, l.marker, arrivingProblem(l));
  if (options.byline) out.push(...unsourcedJumps(links, uri, options.byline, options.ignored));
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/**
 * missing-byline for the articles of a file that jump: said only when every
 * jump found its continued part and none of them names a source either.
 * While a continued part is missing, its credit may be there: nothing to say.
 */
function unsourcedJumps(links: IssueLinks, uri: string, byline: NonNullable<CrossPageOptions['byline']>, ignored: IgnoreSet | undefined): CrossPageFinding[] {
  if (byline.level === 'off') return [];
  const jumpsOf = new Map<OnwardLink['from']['article'], OnwardLink[]>();
  for (const l of links.onward) {
    if (l.from.page.file.uri !== uri || !l.from.article.unsourced) continue;
    const list = jumpsOf.get(l.from.article);
    if (list) list.push(l);
    else jumpsOf.set(l.from.article, [l]);
  }
  const out: CrossPageFinding[] = [];
  for (const [article, jumps] of jumpsOf) {
    const at = jumps[0]!.from;
    const parts = jumps.flatMap((l) => (l.state.kind === 'matched' ? [l.state.to] : []));
    if (parts.length < jumps.length || parts.some((to) => to.article.byline !== undefined)) continue;
    const there = parts.map((to) => (to.page.page.ref ? pageName(to.page.page.ref) : fileName(to.page.file)));
    const u = article.unsourced!;
    const ref = at.page.page.ref;
    const page = ref ? refKey(ref) : undefined;
    if (ignored?.has(u.fingerprint, page)) continue;
    const likely = u.margin >= byline.likelyStart;
    const severity = byline.level;
    out.push({
      rule: 'missing-byline',
      span: u.span,
      range: u.range,
      severity: likely ? severity : unsure(severity),
      message: t`“${article.deck.join(' ')}” has no source line or byline, and neither has its continued part on ${there.join(', ')}.`,
      fingerprint: u.fingerprint,
      ...(page !== undefined && at.page.file.pages.length > 1 ? { page } : {}),
      related: parts.map((to) => ({ uri: to.page.file.uri, range: to.article.selection, message: t`The continued part, with no credit at its end.` })),
    });
  }
  return out;
}
