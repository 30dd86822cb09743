/**
 * Following a jump from a marker: where its other half is (definition and
 * document link), and what it says (hover). Positions in, plain data out;
 * the server translates to LSP.
 */
import type { Position, Range } from '../text/positions';
import type { IssueIndex } from './issueIndex';
import { isOnward, type ArrivingLink, type OnwardLink } from './jumps';
import { fileNameOf, pageName, type IndexedFile, type IndexedMarker } from './pageSummary';
import { t } from '../l10n/t';

export type MarkerLink = OnwardLink | ArrivingLink;

function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

function markersOf(file: IndexedFile): IndexedMarker[] {
  const out: IndexedMarker[] = [];
  for (const page of file.pages) {
    for (const a of page.articles) {
      out.push(...a.onward);
      if (a.arriving) out.push(a.arriving);
    }
  }
  return out;
}

/** The jump of the marker under the cursor, if any. */
export function linkAt(index: IssueIndex, uri: string, position: Position): MarkerLink | undefined {
  const file = index.get(uri);
  const links = index.linksOf(uri);
  if (!file || !links) return undefined;
  const marker = markersOf(file).find((m) => contains(m.range, position));
  return marker ? links.at(file.uri, marker.span.start) : undefined;
}

export interface JumpTarget {
  /** The marker the jump starts from. */
  readonly origin: Range;
  readonly uri: string;
  /** The whole other half (an article or continued part), or the start of the page to look at. */
  readonly range: Range;
  /** What to select there: the other marker, or the headline. */
  readonly selection: Range;
  /** One line for a link's tooltip. */
  readonly tooltip: string;
}

/** Where a marker leads: its other half when the jump is matched, else the page it names when that is in the issue. */
export function jumpTarget(link: MarkerLink): JumpTarget | undefined {
  const origin = link.marker.range;
  const named = pageName(link.marker.page);
  if (isOnward(link)) {
    const s = link.state;
    if (s.kind === 'matched') return { origin, uri: s.to.page.file.uri, range: s.to.article.range, selection: s.arriving.range, tooltip: t`Go to the continued part on ${named}` };
    if (s.kind === 'no-continuation') {
      const p = s.elsewhere?.page ?? s.targets[0]!;
      const range = s.elsewhere ? s.elsewhere.article.selection : p.page.range;
      return {
        origin,
        uri: p.file.uri,
        range,
        selection: range,
        tooltip: s.elsewhere ? t('Go to the continued part (on another page than the marker says)') : t`Go to ${named} (no continued part there matches)`,
      };
    }
    return undefined;
  }
  const s = link.state;
  if (s.kind === 'matched')
    return { origin, uri: s.from.page.file.uri, range: s.from.article.range, selection: s.onward.range, tooltip: t`Go to the start of the article on ${named}` };
  if (s.kind === 'no-marker') {
    if (s.sameHeadline)
      return {
        origin,
        uri: s.sameHeadline.page.file.uri,
        range: s.sameHeadline.article.range,
        selection: s.sameHeadline.article.selection,
        tooltip: t`Go to the article on ${named} (it has no onward marker)`,
      };
    const p = s.sources[0]!;
    return { origin, uri: p.file.uri, range: p.page.range, selection: p.page.range, tooltip: t`Go to ${named} (no article there jumps here)` };
  }
  return undefined;
}

const MD_SPECIAL = /[\\`*_[\]<>#|]/g;
const md = (text: string) => text.replace(MD_SPECIAL, (c) => `\\${c}`);

/** Markdown for a hover on a marker: the other half's page, headline and first sentence. */
export function jumpHover(link: MarkerLink): string {
  const named = pageName(link.marker.page);
  const where = (uri: string, range: Range) => t`${md(fileNameOf(uri))}, line ${range.start.line + 1}`;
  if (isOnward(link)) {
    const s = link.state;
    const breaks = link.from.article.breaksOff.get(link.marker.span.start);
    const tail = breaks ? '\n\n' + t`Breaks off here: ${md(breaks)}` : '';
    if (s.kind === 'matched') {
      const to = s.to.article;
      return t`Continues on **${named}** — ${where(s.to.page.file.uri, to.selection)}` + `\n\n**${md(to.name)}**\n\n> ${md(to.firstSentence)}${tail}`;
    }
    if (s.kind === 'no-continuation') {
      const also = s.elsewhere ? '\n\n' + t`A continued part under this headline is on ${md(s.elsewhere.page.page.label)}: **${md(s.elsewhere.article.name)}**` : '';
      return t`Continues on **${named}**, but no continued part there repeats this headline.` + also + tail;
    }
    return t`Continues on **${named}**, which is not in this issue.` + tail;
  }
  const s = link.state;
  if (s.kind === 'matched') {
    const from = s.from.article;
    const breaks = from.breaksOff.get(s.onward.span.start);
    return (
      t`Continued from **${named}** — ${where(s.from.page.file.uri, from.selection)}` +
      `\n\n**${md(from.name)}**\n\n> ${md(from.firstSentence)}` +
      (breaks ? '\n\n' + t`Breaks off there: ${md(breaks)} ${md(s.onward.text)}` : '')
    );
  }
  if (s.kind === 'no-marker') {
    const same = s.sameHeadline ? '\n\n' + t`**${md(s.sameHeadline.article.name)}** on ${named} has this headline but no onward marker to this page.` : '';
    return t`Continued from **${named}**, but no article there jumps here under this headline.` + same;
  }
  return t`Continued from **${named}**, which is not in this issue.`;
}

export interface MarkerLinkTarget {
  readonly range: Range;
  /** The target as a URI with a line (and column) fragment, as editors open links: file:///…/02.txt#L5,1 */
  readonly target: string;
  readonly tooltip: string;
}

/** Document links: every marker whose jump leads somewhere. */
export function markerLinks(index: IssueIndex, uri: string): MarkerLinkTarget[] {
  const file = index.get(uri);
  const links = index.linksOf(uri);
  if (!file || !links) return [];
  const out: MarkerLinkTarget[] = [];
  for (const m of markersOf(file)) {
    const link = links.at(file.uri, m.span.start);
    const jump = link && jumpTarget(link);
    if (!jump) continue;
    out.push({ range: jump.origin, target: `${jump.uri}#L${jump.selection.start.line + 1},${jump.selection.start.character + 1}`, tooltip: jump.tooltip });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
