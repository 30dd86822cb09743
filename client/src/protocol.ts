/**
 * Custom messages between the client and the Newsprint server. Each says its
 * direction; the server declares the same method names.
 */
import { NotificationType, RequestType } from 'vscode-languageclient/node';
import type { IssueMap } from '../../server/src/issue/issueMap';
import type { ExportArticleParams, ExportArticleResult, ExportIssueParams, ExportIssueResult } from '../../server/src/lsp/exportRequests';

export type { IssueMap, IssueMapArticle, IssueMapIssue, IssueMapJump, IssueMapPage } from '../../server/src/issue/issueMap';
export type { ExportArticleParams, ExportArticleResult, ExportIssueParams, ExportIssueResult } from '../../server/src/lsp/exportRequests';
export type { ArticleFormat, ExportFormat, FilesPer, OutputFile } from '../../server/src/export/outputFiles';

export type SegmentationState = 'ready' | 'unavailable' | 'loading';

export interface StatusParams {
  /** Whether word segmentation, the evidence for broken wraps inside words, is loaded. */
  readonly segmentation: SegmentationState;
  /** One line for people, e.g. which dictionary loaded and how long it took, or why it failed. */
  readonly message: string;
}

/** Server → client: sent when segmentation starts loading and again when it is ready or has failed. */
export const StatusNotification = new NotificationType<StatusParams>('newsprint/status');

const STATES: ReadonlySet<string> = new Set<SegmentationState>(['ready', 'unavailable', 'loading']);

/** The params as sent, or undefined when a server of another version sends something else. */
export function readStatusParams(value: unknown): StatusParams | undefined {
  const p = value as Partial<StatusParams> | null | undefined;
  if (!p || typeof p.segmentation !== 'string' || !STATES.has(p.segmentation)) return undefined;
  return { segmentation: p.segmentation, message: typeof p.message === 'string' ? p.message : '' };
}

/** Client → server: the issue map (issues → pages → articles); `rescan` re-reads the workspace's page files first. */
export const IssueMapRequest = new RequestType<{ rescan?: boolean }, IssueMap, void>('newsprint/issueMap');

/** Server → client: the issue map changed (a page indexed, edited or removed); ask for it again. */
export const IssueMapChangedNotification = new NotificationType<{ indexing: boolean }>('newsprint/issueMapChanged');

/** Client → server: the files of an issue's export, with work-done progress on the token given (see server/src/lsp/exportRequests.ts). */
export const ExportIssueRequest = new RequestType<ExportIssueParams, ExportIssueResult, void>('newsprint/exportIssue');

/** Client → server: the export of the article at a position, joined with its other parts; null where there is none. */
export const ExportArticleRequest = new RequestType<ExportArticleParams, ExportArticleResult | null, void>('newsprint/exportArticle');
