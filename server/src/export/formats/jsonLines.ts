/**
 * Records as JSON Lines, one article a line, for pipelines: everything the
 * record holds in plain fields, the body as items with their roles in
 * reading order. The shape is ./record.schema.json.
 */
import type { ExportedArticle, ExportedIssue, HeadlineRole, SourceInfo } from '../exportedIssue';
import { byline, fileNames, pageLabels } from './articleFields';

export interface RecordJson {
  id: string;
  issue: string;
  paper?: string;
  kind: ExportedArticle['kind'];
  pages: string[];
  files: string[];
  headlines: Array<{ role: HeadlineRole; text: string }>;
  byline?: string;
  source?: SourceInfo;
  body: Array<{ role: string; text: string }>;
  complete: boolean;
  notes: Array<{ kind: string; rule?: string; severity?: string; page: string; message: string }>;
}

export function toRecordJson(issue: ExportedIssue, article: ExportedArticle): RecordJson {
  const by = byline(article);
  return {
    id: article.id,
    issue: issue.name,
    ...(issue.paper ? { paper: issue.paper } : {}),
    kind: article.kind,
    pages: pageLabels(issue, article),
    files: fileNames(issue, article),
    headlines: article.headlines.map((h) => ({ role: h.role, text: h.text })),
    ...(by ? { byline: by } : {}),
    ...(article.source ? { source: article.source } : {}),
    body: article.body.map((b) => ({ role: b.role, text: b.text })),
    complete: article.complete,
    notes: article.notes.map((n) => ({
      kind: n.kind,
      ...(n.rule ? { rule: n.rule } : {}),
      ...(n.severity ? { severity: n.severity } : {}),
      page: issue.pages[n.page]!.label,
      message: n.message,
    })),
  };
}

export function jsonLine(issue: ExportedIssue, article: ExportedArticle): string {
  return JSON.stringify(toRecordJson(issue, article)) + '\n';
}

export function issueJsonLines(issue: ExportedIssue): string {
  return issue.articles.map((a) => jsonLine(issue, a)).join('');
}
