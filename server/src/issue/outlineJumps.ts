/**
 * The outline with where each article continues (→ 2版) or comes from
 * (← 1版), from the issue's links. The outline itself knows one page; this
 * adds what only the issue knows, without changing how entries are built.
 */
import type { OutlineEntry } from '../outline';
import type { IssueLinks } from './jumps';
import { pageName } from './pageSummary';
import { t } from '../l10n/t';

const stateNote = (kind: string) => (kind === 'no-continuation' || kind === 'no-marker' ? t(' (not found)') : '');

/** Jump notes by the start offset of their article in one file. */
export function jumpNotes(links: IssueLinks, uri: string): Map<number, string[]> {
  const notes = new Map<number, string[]>();
  const add = (start: number, note: string) => notes.set(start, [...(notes.get(start) ?? []), note]);
  for (const l of links.arriving) if (l.to.page.file.uri === uri) add(l.to.article.span.start, `← ${pageName(l.marker.page)}${stateNote(l.state.kind)}`);
  for (const l of links.onward) if (l.from.page.file.uri === uri) add(l.from.article.span.start, `→ ${pageName(l.marker.page)}${stateNote(l.state.kind)}`);
  return notes;
}

export function withJumps(entries: readonly OutlineEntry[], notes: ReadonlyMap<number, readonly string[]>): OutlineEntry[] {
  return entries.map((e) => {
    if (e.kind === 'page') return { ...e, children: withJumps(e.children, notes) };
    const n = notes.get(e.span.start);
    return n ? { ...e, detail: `${e.detail} · ${n.join(' · ')}` } : e;
  });
}
