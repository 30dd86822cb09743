/**
 * What an export holds: one issue's articles as records, each whole across
 * the pages it jumps over, and everything of the pages that no record
 * carries (furniture, page lines, continuation markers, the headlines that
 * continued parts repeat). Every piece keeps the ranges of the page text it
 * came from, so a test can account for each character of the pages.
 */
import type { HeadlineRole } from '../model/headlineRoles';
import type { BlockKind, Span } from '../model/page';
import type { RuleId, Severity } from '../rules/finding';
import type { PageRef } from '../text/numerals';

/** A range of one page's fixed text. */
export interface Origin {
  /** Index into the issue's pages. */
  readonly page: number;
  /** Offsets into the fixed text of the page's file. */
  readonly span: Span;
}

/** Text of the pages, with the ranges it was read from, in order: a marker taken out splits a paragraph, a jump joins two. */
export interface Piece {
  readonly text: string;
  readonly from: readonly Origin[];
}

export type { HeadlineRole } from '../model/headlineRoles';

export interface Headline extends Piece {
  readonly role: HeadlineRole;
}

/** What a body item is in the record; model kinds export does not know become paragraphs. */
export type BodyRole = 'paragraph' | 'subheading' | 'byline' | 'caption' | 'credit' | 'teaser-line';

export interface BodyItem extends Piece {
  readonly role: BodyRole;
}

/** The source line (电头) or byline, as printed and as read. */
export interface SourceInfo {
  readonly text: string;
  readonly placement: 'lead' | 'own-line' | 'end';
  /** 新华社, 长江日报, 本报. */
  readonly outlet?: string;
  /** Where the copy was filed: 北京 of 新华社北京1月7日电. */
  readonly place?: string;
  /** 1月7日 of 新华社北京1月7日电. */
  readonly date?: string;
  /** Who wrote it: 记者周圆, or the byline line. */
  readonly by?: string;
  /** Edited wire copy: 据新华社…电. */
  readonly abridged?: boolean;
}

export interface Note {
  /** A finding the page's analysis still reports, or what became of a jump. */
  readonly kind: 'finding' | 'jump';
  readonly rule?: RuleId;
  readonly severity?: Severity;
  readonly message: string;
  /** Index into the issue's pages. */
  readonly page: number;
}

export type ArticleKind = Exclude<BlockKind, 'furniture'>;

export interface ExportedArticle {
  /** Unique in its issue and stable while the page reads the same: first page, then place on it (01-03, A02-01). */
  readonly id: string;
  /** `continuation` only for a continued part whose opening part was not found. */
  readonly kind: ArticleKind;
  readonly headlines: readonly Headline[];
  readonly source?: SourceInfo;
  readonly body: readonly BodyItem[];
  /** Indices into the issue's pages, in the order the article runs over them. */
  readonly pages: readonly number[];
  /** False when a jump's other part is not in the export. */
  readonly complete: boolean;
  readonly notes: readonly Note[];
}

export type DroppedKind = 'furniture' | 'page-line' | 'marker' | 'repeated-headline';

export interface Dropped extends Piece {
  readonly kind: DroppedKind;
  /** The record a marker or repeated headline was taken out of. */
  readonly article?: string;
}

export interface ExportedPage {
  /** Index into the issue's files. */
  readonly file: number;
  /** How people name the page: 1版, A3版, or the file name when nothing numbers it. */
  readonly label: string;
  readonly ref?: PageRef;
  /** The part of its file's fixed text that is this page. */
  readonly span: Span;
}

export interface ExportedFile {
  readonly uri: string;
  readonly fileName: string;
  /** The text after the certain fixes, without its BOM. */
  readonly fixedText: string;
  readonly bom: boolean;
  readonly fixes: Partial<Record<RuleId, number>>;
}

export interface ExportedIssue {
  readonly id: string;
  /** The folder's or file's name: cjrb-2026-01-08. */
  readonly name: string;
  readonly paper?: string;
  readonly files: readonly ExportedFile[];
  /** In page order. */
  readonly pages: readonly ExportedPage[];
  readonly articles: readonly ExportedArticle[];
  readonly dropped: readonly Dropped[];
  /** Findings on the pages outside every article (on furniture, say). */
  readonly notes: readonly Note[];
}
