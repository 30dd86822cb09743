/** What every format reads off a record the same way: its pages, who wrote it, its captions, its running text. */
import type { BodyItem, ExportedArticle, ExportedIssue, HeadlineRole } from '../exportedIssue';

/** How people name a record, as the outline names its article: the deck lines joined by “ / ”, or the first words of a headless one. */
export function recordName(article: ExportedArticle): string {
  if (article.headlines.length > 0) return article.headlines.map((h) => h.text).join(' / ');
  const first = article.body[0]?.text ?? article.id;
  return first.length > 24 ? first.slice(0, 24) + '…' : first;
}

/** 1版, 2版: the pages the article runs over, as people name them. */
export function pageLabels(issue: ExportedIssue, article: ExportedArticle): string[] {
  return article.pages.map((p) => issue.pages[p]!.label);
}

/** The files the article was read from, in order. */
export function fileNames(issue: ExportedIssue, article: ExportedArticle): string[] {
  return [...new Set(article.pages.map((p) => issue.files[issue.pages[p]!.file]!.fileName))];
}

export function headline(article: ExportedArticle, role: HeadlineRole): string | undefined {
  const lines = article.headlines.filter((h) => h.role === role).map((h) => h.text);
  return lines.length > 0 ? lines.join(' ') : undefined;
}

/** Who wrote it: the source line's reporters or the byline, and any other byline in the body. */
export function byline(article: ExportedArticle): string | undefined {
  const names = [article.source?.by, ...article.body.filter((b) => b.role === 'byline').map((b) => b.text)].filter((x): x is string => !!x);
  const unique = [...new Set(names)];
  return unique.length > 0 ? unique.join('；') : undefined;
}

/** 北京1月7日 of 新华社北京1月7日电: where and when the copy was filed, as printed. */
export function dateline(article: ExportedArticle): string | undefined {
  const s = article.source;
  const d = `${s?.place ?? ''}${s?.date ?? ''}`;
  return d === '' ? undefined : d;
}

export interface Caption {
  readonly caption?: string;
  readonly credit?: string;
}

/** Each caption with the credit printed under it; a credit under no caption stands alone. */
export function captions(article: ExportedArticle): Caption[] {
  const out: Caption[] = [];
  article.body.forEach((b, i) => {
    if (b.role === 'caption') {
      const next = article.body[i + 1];
      out.push({ caption: b.text, ...(next?.role === 'credit' ? { credit: next.text } : {}) });
    } else if (b.role === 'credit' && article.body[i - 1]?.role !== 'caption') out.push({ credit: b.text });
  });
  return out;
}

/** The running text: paragraphs, subheadings and teaser lines, not bylines or captions. */
export function runningText(article: ExportedArticle): BodyItem[] {
  return article.body.filter((b) => b.role === 'paragraph' || b.role === 'subheading' || b.role === 'teaser-line');
}

export function noteLines(issue: ExportedIssue, article: ExportedArticle): string[] {
  return article.notes.map((n) => `${issue.pages[n.page]!.label}: ${n.message}`);
}
