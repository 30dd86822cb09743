/**
 * The issue index: every page file known, grouped into issues, with each
 * issue's jumps linked on demand and cached until one of its files changes.
 * Plain data in and out; the server feeds it from disk and the editor, the
 * checker from the files it was given.
 */
import { crossPageFindings, type CrossPageFinding, type CrossPageOptions } from './crossPage';
import { folderOf, makeIssue, type Issue } from './issues';
import { linkIssue, type IssueLinks } from './jumps';
import { originOf, type IndexedFile, type IndexedPage } from './pageSummary';

const signatures = new WeakMap<IndexedPage, string>();

/**
 * What of a page decides its jumps, worked out once per page record: a page
 * moved down by an edit above it is its unmoved self and the lines it moved
 * by, so a keystroke re-signs only the page it touched.
 */
function pageSignature(page: IndexedPage): string {
  let s = signatures.get(page);
  if (s === undefined) {
    const origin = originOf(page);
    s = origin ? `${origin.lines}:${pageSignature(origin.page)}` : signatureOf(page);
    signatures.set(page, s);
  }
  return s;
}

function signatureOf(p: IndexedPage): string {
  return JSON.stringify([
    p.ref ? `${p.ref.section ?? ''}${p.ref.number}` : '',
    p.range,
    p.articles.map((a) => [
      a.deck,
      a.selection,
      a.onward.map((m) => [m.page.section, m.page.number, m.range]),
      a.arriving ? [a.arriving.page.section, a.arriving.page.number, a.arriving.range] : 0,
    ]),
  ]);
}

/** What of a file decides its jumps: when this is unchanged, no other page's findings can change. */
function linkSignature(file: IndexedFile | undefined): string {
  return file ? file.pages.map(pageSignature).join('\n') : '';
}

export interface IndexChange {
  /** Issues whose content changed (the file's old and new issue). */
  readonly issues: readonly string[];
  /** Whether jumps may have changed, so other pages' cross-page findings too. */
  readonly linksChanged: boolean;
}

export class IssueIndex {
  /**
   * `keyOf` spells a URI the one way the index keys it (the workspace layer
   * passes canonicalUri); the URIs given are kept as given for answers.
   */
  constructor(private readonly keyOf: (uri: string) => string = (uri) => uri) {}

  private readonly files = new Map<string, IndexedFile>();
  private readonly issueOfKey = new Map<string, string>();
  private readonly members = new Map<string, Set<string>>();
  private readonly issueCache = new Map<string, Issue>();
  private readonly linkCache = new Map<string, IssueLinks>();

  get(uri: string): IndexedFile | undefined {
    return this.files.get(this.keyOf(uri));
  }

  /** Adds or replaces a file. */
  set(file: IndexedFile): IndexChange {
    const key = this.keyOf(file.uri);
    const before = this.files.get(key);
    const oldIssue = this.issueOfKey.get(key);
    const newIssue = file.pages.length > 1 ? key : folderOf(key);
    this.files.set(key, file);
    if (oldIssue !== undefined && oldIssue !== newIssue) this.leave(oldIssue, key);
    this.issueOfKey.set(key, newIssue);
    let set = this.members.get(newIssue);
    if (!set) this.members.set(newIssue, (set = new Set()));
    set.add(key);
    this.invalidate(newIssue);
    const issues = oldIssue !== undefined && oldIssue !== newIssue ? [oldIssue, newIssue] : [newIssue];
    return { issues, linksChanged: oldIssue !== newIssue || linkSignature(before) !== linkSignature(file) };
  }

  delete(uri: string): IndexChange {
    const key = this.keyOf(uri);
    const issue = this.issueOfKey.get(key);
    if (!this.files.delete(key) || issue === undefined) return { issues: [], linksChanged: false };
    this.issueOfKey.delete(key);
    this.leave(issue, key);
    return { issues: [issue], linksChanged: true };
  }

  private leave(issue: string, key: string): void {
    const set = this.members.get(issue);
    set?.delete(key);
    if (set && set.size === 0) this.members.delete(issue);
    this.invalidate(issue);
  }

  private invalidate(issue: string): void {
    this.issueCache.delete(issue);
    this.linkCache.delete(issue);
  }

  issue(id: string): Issue | undefined {
    let issue = this.issueCache.get(id);
    if (issue) return issue;
    const keys = this.members.get(id);
    if (!keys) return undefined;
    issue = makeIssue(
      id,
      [...keys].sort().map((k) => this.files.get(k)!),
    );
    this.issueCache.set(id, issue);
    return issue;
  }

  /** Every issue, sorted by id. */
  issues(): Issue[] {
    return [...this.members.keys()].sort().map((id) => this.issue(id)!);
  }

  /** The issue a page is in, or the issue of that id: what a request naming “a page or an issue” means. */
  issueIdFor(uriOrId: string): string | undefined {
    const key = this.keyOf(uriOrId);
    return this.issueOfKey.get(key) ?? (this.members.has(key) ? key : undefined);
  }

  issueIdOf(uri: string): string | undefined {
    return this.issueOfKey.get(this.keyOf(uri));
  }

  links(id: string): IssueLinks | undefined {
    let links = this.linkCache.get(id);
    if (links) return links;
    const issue = this.issue(id);
    if (!issue) return undefined;
    links = linkIssue(issue);
    this.linkCache.set(id, links);
    return links;
  }

  linksOf(uri: string): IssueLinks | undefined {
    const id = this.issueIdOf(uri);
    return id === undefined ? undefined : this.links(id);
  }

  crossPageFindings(uri: string, options: CrossPageOptions): CrossPageFinding[] {
    const links = this.linksOf(uri);
    const file = this.get(uri);
    return links && file ? crossPageFindings(links, file.uri, options) : [];
  }
}
