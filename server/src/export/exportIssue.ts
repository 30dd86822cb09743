/**
 * One issue's export: its pages, read after the certain fixes, as one record
 * per article. An article that jumps (下转第二版 … 上接第一版) is one record:
 * the parts the issue's jump links pair are joined in page order, their
 * markers and the headline the continued part repeats left out, and a
 * paragraph the jump cut in two made whole again. What no record carries is
 * listed as dropped; findings that remain become notes. A pure function of
 * the issue's files: nothing here reads or writes anything.
 */
import type { Block } from '../model/page';
import { makeIssue, type IssuePage } from '../issue/issues';
import { linkIssue, type ArrivingLink, type OnwardLink } from '../issue/jumps';
import { pageName, type IndexedArticle } from '../issue/pageSummary';
import { CLOSING_QUOTE, SENTENCE_END } from '../text/chars';
import { bodyItems } from './bodyItems';
import type { ArticleKind, BodyItem, Dropped, ExportedArticle, ExportedFile, ExportedIssue, ExportedPage, Headline, Note } from './exportedIssue';
import { headlineRoles } from '../model/headlineRoles';
import { pieceOf, without } from './pieces';
import type { PreparedFile } from './preparedFile';
import { sourceInfo } from './sourceInfo';
import { t } from '../l10n/t';

/** A block of a page, with what the issue index knows of it. */
interface Part {
  readonly page: number;
  readonly block: Block;
  readonly article: IndexedArticle;
}

const CLOSED = new RegExp(`[${SENTENCE_END}][${CLOSING_QUOTE}]*$`);

function fileNameOf(uri: string): string {
  const base = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Record ids start with their first page: 01, A03; a page nothing numbers (or numbered twice) by its place in the issue. */
function pageKeys(pages: readonly IssuePage[]): string[] {
  const keys = pages.map((p, i) => (p.page.ref ? `${p.page.ref.section ?? ''}${pad(p.page.ref.number)}` : `p${pad(i + 1)}`));
  return keys.map((k, i) => (keys.indexOf(k) !== i || keys.lastIndexOf(k) !== i ? `p${pad(i + 1)}` : k));
}

/** The note of a jump whose other part the record does not hold, each case one sentence so that it reads whole in every language. */
function jumpNote(page: number, message: string): Note {
  return { kind: 'jump', page, message };
}

function onwardNote(link: OnwardLink, page: number): Note | undefined {
  const s = link.state;
  if (s.kind === 'matched') return undefined;
  const to = pageName(link.marker.page);
  const marker = link.marker.text;
  if (s.kind === 'page-missing') return jumpNote(page, t`Continues on ${to} (${marker}), which is not in this issue: the record holds only this part.`);
  if (s.kind === 'no-continuation' && s.elsewhere)
    return jumpNote(
      page,
      t`Continues on ${to} (${marker}), but no continued part there has this headline; “${s.elsewhere.article.name}” on ${s.elsewhere.page.page.label} may be it: the record holds only this part.`,
    );
  return jumpNote(page, t`Continues on ${to} (${marker}), but no continued part there has this headline: the record holds only this part.`);
}

function arrivingNote(link: ArrivingLink, page: number): Note | undefined {
  const s = link.state;
  if (s.kind === 'matched') return undefined;
  const from = pageName(link.marker.page);
  const marker = link.marker.text;
  if (s.kind === 'page-missing') return jumpNote(page, t`Continued from ${from} (${marker}), which is not in this issue: the record holds only this part.`);
  if (s.kind === 'no-marker' && s.sameHeadline)
    return jumpNote(
      page,
      t`Continued from ${from} (${marker}), but no article there jumps here; “${s.sameHeadline.article.name}” there has the same headline and no marker: the record holds only this part.`,
    );
  return jumpNote(page, t`Continued from ${from} (${marker}), but no article there jumps here: the record holds only this part.`);
}

/** The body of a joined article: where a part breaks off mid-sentence, its last paragraph goes on in the next part's first. */
function joinBodies(bodies: readonly BodyItem[][]): BodyItem[] {
  const out: BodyItem[] = [];
  for (const body of bodies) {
    const last = out[out.length - 1];
    const first = body[0];
    if (last && first && last.role === 'paragraph' && first.role === 'paragraph' && !CLOSED.test(last.text)) {
      out[out.length - 1] = { role: 'paragraph', text: last.text + first.text, from: [...last.from, ...first.from] };
      out.push(...body.slice(1));
    } else out.push(...body);
  }
  return out;
}

export function exportIssue(id: string, name: string, prepared: readonly PreparedFile[]): ExportedIssue {
  const issue = makeIssue(
    id,
    prepared.map((p) => p.summary),
  );
  const links = linkIssue(issue);
  const fileIndex = new Map(prepared.map((p, i) => [p.summary, i]));
  const files: ExportedFile[] = prepared.map((p) => ({
    uri: p.file.uri,
    fileName: fileNameOf(p.file.uri),
    fixedText: p.fixed.text,
    bom: p.file.bom === true,
    fixes: p.fixed.applied,
  }));
  const pages: ExportedPage[] = [];
  const parts: Part[] = [];
  const partOf = new Map<IndexedArticle, Part>();
  const dropped: Dropped[] = [];
  issue.pages.forEach((ip, page) => {
    const file = fileIndex.get(ip.file)!;
    const model = prepared[file]!.analysis.model;
    const modelPage = model.pages[ip.pageIndex]!;
    // 1版 rather than the page line 第1版 要闻: the short name markers use.
    pages.push({ file, label: ip.page.ref ? pageName(ip.page.ref) : ip.page.label, ...(ip.page.ref ? { ref: ip.page.ref } : {}), span: modelPage.span });
    if (modelPage.pageLine) dropped.push({ kind: 'page-line', ...pieceOf(model.text, page, [modelPage.pageLine]) });
    // The summary lists the page's blocks but furniture, in order.
    let next = 0;
    for (const block of modelPage.blocks) {
      if (block.kind === 'furniture') {
        for (const el of block.body) dropped.push({ kind: 'furniture', ...pieceOf(model.text, page, without(model.text, el.parts, [])) });
        continue;
      }
      const part: Part = { page, block, article: ip.page.articles[next++]! };
      parts.push(part);
      partOf.set(part.article, part);
    }
  });

  const onwardOf = new Map<IndexedArticle, OnwardLink[]>();
  for (const l of links.onward) onwardOf.set(l.from.article, [...(onwardOf.get(l.from.article) ?? []), l]);
  const arrivingOf = new Map(links.arriving.map((l) => [l.to.article, l]));
  /** Parts another part jumps to: they are read as that article's, not as records of their own. */
  const continued = new Set(links.onward.flatMap((l) => (l.state.kind === 'matched' ? [l.state.to.article] : [])));

  const notesOf = (part: Part): Note[] => {
    const { analysis } = prepared[pages[part.page]!.file]!;
    const span = part.block.span;
    return analysis.findings
      .filter((f) => f.span.start >= span.start && f.span.start < span.end)
      .map((f): Note => ({ kind: 'finding', rule: f.rule, severity: f.severity, message: f.message, page: part.page }));
  };
  const textOf = (part: Part) => prepared[pages[part.page]!.file]!.analysis.model.text;

  const keys = pageKeys(issue.pages);
  const counters = new Map<number, number>();
  const used = new Set<Part>();
  const articles: ExportedArticle[] = [];
  const record = (head: Part): ExportedArticle => {
    // The parts in jump order: each one's first matched onward link leads to the next.
    const chain: Part[] = [head];
    used.add(head);
    let complete = true;
    const notes: Note[] = [];
    const arriving = arrivingOf.get(head.article);
    const arrivingMissing = arriving && arrivingNote(arriving, head.page);
    if (arrivingMissing) {
      notes.push(arrivingMissing);
      complete = false;
    }
    for (let at: Part | undefined = head; at;) {
      const here: Part = at;
      at = undefined;
      for (const link of onwardOf.get(here.article) ?? []) {
        const missing = onwardNote(link, here.page);
        if (missing) {
          notes.push(missing);
          complete = false;
          continue;
        }
        const to = link.state.kind === 'matched' ? partOf.get(link.state.to.article) : undefined;
        if (to && !used.has(to) && !at) {
          used.add(to);
          chain.push(to);
          at = to;
        }
      }
    }
    for (const part of chain) notes.push(...notesOf(part));
    const n = (counters.get(head.page) ?? 0) + 1;
    counters.set(head.page, n);
    const id = `${keys[head.page]}-${pad(n)}`;
    chain.slice(1).forEach((part) => {
      for (const h of part.block.headline) dropped.push({ kind: 'repeated-headline', article: id, ...pieceOf(textOf(part), part.page, without(textOf(part), h.parts, [])) });
    });
    for (const part of chain) for (const m of part.block.markers) dropped.push({ kind: 'marker', article: id, ...pieceOf(textOf(part), part.page, [m.span]) });
    const deck = head.block.headline;
    const roles = headlineRoles(deck.map((h) => h.text));
    const headlines: Headline[] = deck.map((h, i) => ({ role: roles[i]!, ...pieceOf(textOf(head), head.page, without(textOf(head), h.parts, [])) }));
    const source = head.block.source;
    return {
      id,
      kind: head.block.kind as ArticleKind,
      headlines,
      ...(source ? { source: sourceInfo(source) } : {}),
      body: joinBodies(chain.map((p) => bodyItems(textOf(p), p.page, p.block))),
      pages: [...new Set(chain.map((p) => p.page))],
      complete,
      notes,
    };
  };
  for (const part of parts) if (!continued.has(part.article) && !used.has(part)) articles.push(record(part));
  // A continued part whose opening part was never reached (jumps that go round in a circle) still gets its record.
  for (const part of parts) if (!used.has(part)) articles.push(record(part));

  const inRecords = new Set(parts.map((p) => p.block));
  const notes: Note[] = [];
  issue.pages.forEach((ip, page) => {
    const { analysis } = prepared[pages[page]!.file]!;
    const blocks = analysis.model.pages[ip.pageIndex]!.blocks.filter((b) => inRecords.has(b));
    for (const f of analysis.findings) {
      const inPage = f.span.start >= pages[page]!.span.start && f.span.start <= pages[page]!.span.end;
      if (inPage && !blocks.some((b) => f.span.start >= b.span.start && f.span.start < b.span.end))
        notes.push({ kind: 'finding', rule: f.rule, severity: f.severity, message: f.message, page });
    }
  });
  const paper = prepared.map((p) => p.file.config?.paperName ?? p.analysis.model.paperName).find((x) => x !== undefined);
  return { id, name, ...(paper ? { paper } : {}), files, pages, articles, dropped, notes };
}
