/**
 * The custom messages of server/src/protocol.ts as vscode-languageclient
 * types, and readers that check what a server of another version sent.
 */
import { NotificationType, RequestType } from 'vscode-languageclient/node';
import {
  EXPORT_ARTICLE_REQUEST,
  EXPORT_ISSUE_REQUEST,
  ISSUE_MAP_CHANGED,
  ISSUE_MAP_REQUEST,
  PAGE_TEST_REQUEST,
  STATUS_NOTIFICATION,
  type ExportArticleParams,
  type ExportArticleResult,
  type ExportIssueParams,
  type ExportIssueResult,
  type IssueMapChangedParams,
  type IssueMapParams,
  type IssueMapResult,
  type PageTestParams,
  type PageTestResult,
  type CheckIssueResult,
  type SegmentationState,
  type StatusParams,
} from '../../server/src/protocol';

export type { IssueMap, IssueMapArticle, IssueMapIssue, IssueMapJump, IssueMapPage, StatusParams } from '../../server/src/protocol';
export type { ArticleFormat, ExportArticleParams, ExportArticleResult, ExportFormat, ExportIssueParams, ExportIssueResult, FilesPer, OutputFile } from '../../server/src/protocol';
export { CHECK_ISSUE_COMMAND, FIX_ALL_KIND, SERVER_NODE_ARGS } from '../../server/src/protocol';

export const StatusNotification = new NotificationType<StatusParams>(STATUS_NOTIFICATION);
export const IssueMapRequest = new RequestType<IssueMapParams, IssueMapResult, void>(ISSUE_MAP_REQUEST);
export const PageTestRequest = new RequestType<PageTestParams, PageTestResult, void>(PAGE_TEST_REQUEST);
export const IssueMapChangedNotification = new NotificationType<IssueMapChangedParams>(ISSUE_MAP_CHANGED);
export const ExportIssueRequest = new RequestType<ExportIssueParams, ExportIssueResult, void>(EXPORT_ISSUE_REQUEST);
export const ExportArticleRequest = new RequestType<ExportArticleParams, ExportArticleResult | null, void>(EXPORT_ARTICLE_REQUEST);

const STATES: ReadonlySet<string> = new Set<SegmentationState>(['loading', 'ready', 'unavailable']);

/** The params as sent, or undefined when a server of another version sends something else. */
export function readStatusParams(value: unknown): StatusParams | undefined {
  const p = value as Partial<StatusParams> | null | undefined;
  if (!p || typeof p.segmentation !== 'string' || !STATES.has(p.segmentation)) return undefined;
  return { segmentation: p.segmentation, message: typeof p.message === 'string' ? p.message : '' };
}

/** The answer of CHECK_ISSUE_COMMAND as sent, or undefined when there was no issue (null) or the server sent something else. */
export function readCheckIssueResult(value: unknown): CheckIssueResult | undefined {
  const r = value as Partial<CheckIssueResult> | null | undefined;
  if (!r || typeof r.issue !== 'string' || typeof r.pages !== 'number' || typeof r.files !== 'number' || typeof r.problems !== 'number') return undefined;
  return { issue: r.issue, pages: r.pages, files: r.files, problems: r.problems };
}
