/**
 * Export over LSP, for the editor's Export Issue… and Export This Article:
 * the server reads the issue's pages (open documents as the editor holds
 * them, the others from disk), exports them with ../export, and answers
 * with the files to write. It writes nothing itself: the editor knows the
 * folder chosen and writes there, on any file system it can reach.
 *
 * Custom messages:
 * - `newsprint/exportIssue` (request, client → server): params
 *   `{ uri, format, per?, workDoneToken? }`, `uri` a page of the issue or
 *   the issue's id from the issue map; answers ExportIssueResult. Reports
 *   work-done progress page by page on the token given, and stops (with
 *   RequestCancelled) when the request is cancelled.
 * - `newsprint/exportArticle` (request, client → server): params
 *   `{ uri, position, format }`; answers the ExportArticleResult of the
 *   article at the position (joined with its other parts), or null where
 *   there is none (page furniture, an empty page).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixedOffset } from '../export/certainFixes';
import { addIssue, describeCounts, emptyCounts } from '../export/exportCounts';
import type { ExportedArticle, ExportedIssue, Piece } from '../export/exportedIssue';
import { exportIssue } from '../export/exportIssue';
import { noteLines, recordName } from '../export/formats/articleFields';
import { articleFile, isExportFormat, issueFiles } from '../export/outputFiles';
import { prepareFile, type PreparedFile } from '../export/preparedFile';
import { IssueIndex } from '../issue/issueIndex';
import { EXPORT_ARTICLE_REQUEST, EXPORT_ISSUE_REQUEST, type ExportArticleParams, type ExportArticleResult, type ExportIssueParams, type ExportIssueResult } from '../protocol';
import { decode } from '../text/decode';
import { splitLines } from '../text/lines';
import { LineIndex } from '../text/positions';
import { pageRefOf } from '../workspace/pageFiles';
import type { WorkspaceSession } from '../workspace/session';
import { canonicalUri, pathOf } from '../workspace/uris';
import { t } from '../l10n/t';

export interface ExportDeps {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** The workspace's files, their configuration and the issue index: export reads what the editor reads. */
  readonly session: WorkspaceSession;
  /** Resolves once the settings are known. */
  readonly ready: () => Promise<void>;
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'export cancelled');
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

interface Read {
  readonly issue: ExportedIssue;
  readonly prepared: ReadonlyMap<string, PreparedFile>;
  readonly skipped: string[];
}

export function registerExportRequests(deps: ExportDeps): void {
  const { connection, documents, session } = deps;

  /** A page's text as the editor holds it, or as it is on disk. */
  const textOf = async (uri: string): Promise<{ text: string; bom: boolean } | string> => {
    const open = documents.all().find((d) => canonicalUri(d.uri) === canonicalUri(uri));
    let bytes: Buffer | undefined;
    let failed: string | undefined;
    if (uri.startsWith('file:')) {
      try {
        bytes = await readFile(fileURLToPath(uri));
      } catch (err) {
        failed = t`cannot read: ${(err as Error).message}`;
      }
    }
    // The editor holds the text without the BOM; the file on disk says whether there is one, for the clean text.
    if (open) return { text: open.getText(), bom: bytes !== undefined && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
    if (!bytes) return failed ?? t('not open and not on disk');
    const decoded = decode(bytes);
    return decoded.ok ? { text: decoded.text, bom: decoded.bom } : decoded.message;
  };

  /** The issue of a page (or the issue of that id), its pages read and fixed, exported. */
  const readIssue = async (uri: string, token: CancellationToken, report: (done: number, total: number, name: string) => void): Promise<Read> => {
    await deps.ready();
    // An open page is applied to the index before its issue is looked up.
    if (session.isOpen(uri)) session.document(uri);
    const index = session.index;
    const id = index.issueIdFor(uri);
    const known = id === undefined ? undefined : index.issue(id);
    if (!known)
      throw new ResponseError(
        LSPErrorCodes.RequestFailed,
        t`${fileName(uri)} is not a page of an issue Newsprint knows: open a page file (01.txt, A02.txt…) of the workspace, or wait until indexing ends`,
      );
    const uris = known.files.map((f) => f.uri);
    const prepared = new Map<string, PreparedFile>();
    const skipped: string[] = [];
    const segmenter = session.segmenter();
    for (const [i, page] of uris.entries()) {
      if (token.isCancellationRequested) throw cancelled();
      report(i, uris.length, fileName(page));
      const read = await textOf(page);
      if (typeof read === 'string') {
        skipped.push(t`${fileName(page)}: ${read}`);
        continue;
      }
      const config = session.configOf(page);
      const pageRef = pageRefOf(pathOf(page) ?? decodeURIComponent(page), config.pattern);
      prepared.set(canonicalUri(page), prepareFile({ uri: page, text: read.text, bom: read.bom, config: config.analysis, ...(pageRef ? { pageRef } : {}) }, segmenter));
      await yieldToRequests();
    }
    if (token.isCancellationRequested) throw cancelled();
    // The pages as read now group as the index grouped them: the issue asked for is the one that holds the page.
    const local = new IssueIndex(canonicalUri);
    for (const p of prepared.values()) local.set(p.summary);
    const localId = local.issueIdOf(uri) ?? local.issues()[0]?.id;
    const issue = localId === undefined ? undefined : local.issue(localId);
    if (!issue) throw new ResponseError(LSPErrorCodes.RequestFailed, t`no page of the issue could be read: ${skipped.join(t('; '))}`);
    const byUri = new Map([...prepared.values()].map((p) => [p.summary, p]));
    return {
      issue: exportIssue(
        issue.id,
        issue.name,
        issue.files.map((f) => byUri.get(f)!),
      ),
      prepared,
      skipped,
    };
  };

  const allNotes = (issue: ExportedIssue) => [
    ...issue.articles.flatMap((a) => noteLines(issue, a).map((n) => `${a.id} ${n}`)),
    ...issue.notes.map((n) => `${issue.pages[n.page]!.label}: ${n.message}`),
  ];

  connection.onRequest(EXPORT_ISSUE_REQUEST, async (params: ExportIssueParams, token: CancellationToken): Promise<ExportIssueResult> => {
    if (typeof params?.uri !== 'string' || !isExportFormat(String(params.format)))
      throw new ResponseError(LSPErrorCodes.RequestFailed, 'exportIssue needs a uri and a format (ninjs, markdown, jsonl or text)');
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    progress.begin(t('Newsprint: exporting'), 0, t('reading the pages'), true);
    try {
      const { issue, skipped } = await readIssue(params.uri, token, (done, total, name) =>
        progress.report(Math.round((100 * done) / total), t`page ${done + 1} of ${total}: ${name}`),
      );
      return {
        issue: issue.name,
        articles: issue.articles.length,
        files: issueFiles(issue, params.format, params.per === 'issue' ? 'issue' : 'article'),
        summary: describeCounts(addIssue(emptyCounts(), issue)),
        notes: allNotes(issue),
        skipped,
        inputs: issue.files.map((f) => f.uri),
      };
    } finally {
      progress.done();
    }
  });

  connection.onRequest(EXPORT_ARTICLE_REQUEST, async (params: ExportArticleParams, token: CancellationToken): Promise<ExportArticleResult | null> => {
    if (typeof params?.uri !== 'string' || !params.position || !['ninjs', 'markdown', 'jsonl'].includes(String(params.format))) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, 'exportArticle needs a uri, a position and a format (ninjs, markdown or jsonl)');
    }
    const { issue, prepared } = await readIssue(params.uri, token, () => undefined);
    const mine = prepared.get(canonicalUri(params.uri));
    const file = issue.files.findIndex((f) => canonicalUri(f.uri) === canonicalUri(params.uri));
    if (!mine || file < 0) return null;
    // The position is in the text as the editor shows it; the records are of the text after the fixes.
    const offset = fixedOffset(mine.fixed, new LineIndex(splitLines(mine.file.text)).offset(params.position));
    const article = articleAt(issue, file, offset);
    if (!article) return null;
    return {
      issue: issue.name,
      id: article.id,
      name: recordName(article),
      pages: article.pages.map((p) => issue.pages[p]!.label),
      file: articleFile(issue, article, params.format),
      notes: noteLines(issue, article),
    };
  });
}

/**
 * The record that holds an offset of a file's fixed text: the one whose text
 * is there (a marker or a repeated headline taken out of it counts), else,
 * between two (a blank line), the last to start before it.
 */
function articleAt(issue: ExportedIssue, file: number, offset: number): ExportedArticle | undefined {
  const onFile = (page: number) => issue.pages[page]!.file === file;
  const holds = (piece: Piece) => piece.from.some((o) => onFile(o.page) && o.span.start <= offset && offset < o.span.end);
  const dropped = issue.dropped.find(holds);
  if (dropped) return dropped.article === undefined ? undefined : issue.articles.find((a) => a.id === dropped.article);
  let before: { article: ExportedArticle; start: number } | undefined;
  for (const article of issue.articles) {
    for (const piece of [...article.headlines, ...article.body]) {
      if (holds(piece)) return article;
      for (const o of piece.from) if (onFile(o.page) && o.span.start <= offset && (!before || o.span.start > before.start)) before = { article, start: o.span.start };
    }
  }
  return before?.article;
}
