/**
 * What the client and the server say to each other beyond LSP: the custom
 * messages, with their direction and params, the commands the server
 * executes and the code action kind of fix-all. The client's bundle imports
 * this file too, so it holds names and types only and imports nothing that runs.
 */
import type { ArticleFormat, ExportFormat, FilesPer, OutputFile } from './export/outputFiles';
import type { IssueMap } from './issue/issueMap';

export type { IssueMap, IssueMapArticle, IssueMapIssue, IssueMapJump, IssueMapPage } from './issue/issueMap';

/**
 * Server → client, notification: how word segmentation stands, for the
 * status item. Sent when the dictionary starts loading after the first
 * pages were read without it, and once it has loaded or failed.
 */
export const STATUS_NOTIFICATION = 'newsprint/status';

export type SegmentationState = 'loading' | 'ready' | 'unavailable';

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

/**
 * Client → server, request: whether a file the editor opened as plain text
 * is a page, by the rule the issue index uses (its name by the built-in names
 * or the workspace's pageFileNamePattern, or a page line in `text`, the
 * file's beginning), so the client can open it as Newspaper text.
 */
export const PAGE_TEST_REQUEST = 'newsprint/isPage';

export interface PageTestParams {
  readonly uri: string;
  readonly text: string;
}

export interface PageTestResult {
  readonly page: boolean;
}

/** Server → client, notification: the issue map changed (a page indexed, edited or removed); ask again. At most every 250 ms. */
export const ISSUE_MAP_CHANGED = 'newsprint/issueMapChanged';

export interface IssueMapChangedParams {
  readonly indexing: boolean;
}

/**
 * Client → server, request: the files of an issue's export (params: a page
 * of the issue or the issue's id, a format, one file per article or per
 * issue), with work-done progress page by page on the token given; cancelled
 * with RequestCancelled. See lsp/exportRequests.ts.
 */
export const EXPORT_ISSUE_REQUEST = 'newsprint/exportIssue';

/** Client → server, request: the export of the article at a position, joined with its other parts; null where there is none. */
export const EXPORT_ARTICLE_REQUEST = 'newsprint/exportArticle';

export type { ArticleFormat, ExportFormat, FilesPer, OutputFile } from './export/outputFiles';

export interface ExportIssueParams {
  readonly uri: string;
  /** LSP's work-done progress token, for progress page by page. */
  readonly workDoneToken?: string | number;
  readonly format: ExportFormat;
  readonly per?: FilesPer;
}

export interface ExportIssueResult {
  /** The issue's name: cjrb-2026-01-08. */
  readonly issue: string;
  readonly articles: number;
  /** Relative paths, `/` between their parts. */
  readonly files: readonly OutputFile[];
  /** One line for people: exported 11 articles from 2 pages …. */
  readonly summary: string;
  /** Every note of every record, each line naming its record: 01-07 1版: Continues on 2版 …. */
  readonly notes: readonly string[];
  /** Pages that could not be read, and why. */
  readonly skipped: readonly string[];
  /** The URIs of the page files exported: the editor must not write over them. */
  readonly inputs: readonly string[];
}

export interface ExportArticleParams {
  readonly uri: string;
  /** Where the article is, as LSP positions count. */
  readonly position: { readonly line: number; readonly character: number };
  readonly format: ArticleFormat;
}

export interface ExportArticleResult {
  readonly issue: string;
  readonly id: string;
  /** Its headline, as the outline names it. */
  readonly name: string;
  /** 1版, 2版. */
  readonly pages: readonly string[];
  readonly file: OutputFile;
  readonly notes: readonly string[];
}

/** The code action kind of every safe fix of a page at once; also what editor.codeActionsOnSave names. */
export const FIX_ALL_KIND = 'source.fixAll.newsprint';

/** workspace/executeCommand: record a finding's fingerprint in .newsprint.json. */
export const IGNORE_COMMAND = 'newsprint.ignoreFinding';
/** workspace/executeCommand: turn a rule off for a file or the workspace in .newsprint.json. */
export const RULE_OFF_COMMAND = 'newsprint.turnOffRule';
/**
 * workspace/executeCommand: check every page of an issue, the closed ones
 * too, and publish their findings (argument `{ uri }`: a page of the issue
 * or the issue's id; `{ uri, stop: true }` stops, clearing what the closed
 * pages showed). The answer is a CheckIssueResult, or null when no issue is
 * known there (or, to stop, none is checked). The client's own commands
 * (“Check the Whole Issue”, “Stop Checking the Whole Issue”) send it; other
 * editors can bind it as it is.
 */
export const CHECK_ISSUE_COMMAND = 'newsprint.publishIssueProblems';

export interface CheckIssueResult {
  /** What people call the issue: its folder's or file's name. */
  readonly issue: string;
  readonly pages: number;
  readonly files: number;
  /** Diagnostics shown for its pages, open and closed. */
  readonly problems: number;
}

/**
 * What node is told when it starts the server. A young generation of 2 MB
 * semi-spaces instead of V8's 16: the analysis makes many short-lived
 * objects, and with the default the server held 157 MB after the
 * benchmark's 1 MB issue file and 50 edits, 133–138 MB with this, at the same
 * speed (npm run bench, three runs). V8 takes the flag only
 * at start, so the VS Code client passes it, the benchmark launches the
 * server the same way, and the README's editor setups name it.
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=2'];
