/**
 * What the client and the server say to each other beyond LSP: the custom
 * messages, with their direction and params, the commands the server
 * executes and the code action kind of fix-all. The client's bundle imports
 * this file too, so it holds names and types only and imports nothing that runs.
 */
import type { IssueMap } from './issue/issueMap';

export type { IssueMap, IssueMapArticle, IssueMapIssue, IssueMapJump, IssueMapPage } from './issue/issueMap';

/** Server → client, notification: how word segmentation stands, for the status item. Sent once it has loaded or failed. */
export const STATUS_NOTIFICATION = 'newsprint/status';

export type SegmentationState = 'ready' | 'unavailable';

export interface StatusParams {
  /** Whether word segmentation, the evidence for broken wraps inside words, is loaded. */
  readonly segmentation: SegmentationState;
  /** One line for people: which dictionary loaded and how long it took, or why it failed. */
  readonly message: string;
}

/**
 * Client → server, request: the issue map (issues → pages → articles). `rescan`
 * first re-reads every page file of the workspace in the background; the
 * answer is what is indexed so far.
 */
export const ISSUE_MAP_REQUEST = 'newsprint/issueMap';

export interface IssueMapParams {
  readonly rescan?: boolean;
}

export type IssueMapResult = IssueMap;

/** Server → client, notification: the issue map changed (a page indexed, edited or removed); ask again. At most every 250 ms. */
export const ISSUE_MAP_CHANGED = 'newsprint/issueMapChanged';

export interface IssueMapChangedParams {
  readonly indexing: boolean;
}

/** The code action kind of every safe fix of a page at once; also what editor.codeActionsOnSave names. */
export const FIX_ALL_KIND = 'source.fixAll.newsprint';

/** workspace/executeCommand: record a finding's fingerprint in .newsprint.json. */
export const IGNORE_COMMAND = 'newsprint.ignoreFinding';
/** workspace/executeCommand: turn a rule off for a file or the workspace in .newsprint.json. */
export const RULE_OFF_COMMAND = 'newsprint.turnOffRule';
