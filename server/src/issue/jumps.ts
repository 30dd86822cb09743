/**
 * Linking the jumps of an issue: every onward marker (下转第二版) with the
 * continued part on its target page (上接第一版 under a repeated headline).
 * Markers say which pages; headlines say which article: candidates between
 * the same two pages are paired one-to-one by headline score.
 */
import type { PageRef } from '../text/numerals';
import { DeckIndex, headlineScore, MATCH_THRESHOLD, pairBest, type Deck } from './headlines';
import type { Issue, IssuePage } from './issues';
import type { IndexedArticle, IndexedMarker } from './pageSummary';

export interface ArticleAt {
  readonly page: IssuePage;
  readonly article: IndexedArticle;
}

/** An article's onward marker, and what became of it. */
export interface OnwardLink {
  readonly from: ArticleAt;
  readonly marker: IndexedMarker;
  readonly state:
    /** `score` is the headlines' score; 0 when the two were paired as the only ones left between their pages. */
    | { readonly kind: 'matched'; readonly to: ArticleAt; readonly arriving: IndexedMarker; readonly score: number }
    /** The target page is in the issue but holds no continued part under this headline. */
    | { readonly kind: 'no-continuation'; readonly targets: readonly IssuePage[]; readonly elsewhere?: ArticleAt }
    /** The target page is not in the issue, or this page has no number to pair by. */
    | { readonly kind: 'page-missing' };
}

/** A continued part's arriving marker, and what became of it. */
export interface ArrivingLink {
  readonly to: ArticleAt;
  readonly marker: IndexedMarker;
  readonly state:
    | { readonly kind: 'matched'; readonly from: ArticleAt; readonly onward: IndexedMarker; readonly score: number }
    /** The source page is in the issue but no article there jumps here under this headline. */
    | {
        readonly kind: 'no-marker';
        readonly sources: readonly IssuePage[];
        readonly sameHeadline?: ArticleAt;
        readonly elsewhere?: { readonly at: ArticleAt; readonly marker: IndexedMarker };
      }
    | { readonly kind: 'page-missing' };
}

export interface IssueLinks {
  readonly issue: Issue;
  readonly onward: readonly OnwardLink[];
  readonly arriving: readonly ArrivingLink[];
  /** The link of a marker, by its file and start offset. */
  at(uri: string, offset: number): OnwardLink | ArrivingLink | undefined;
}

function pageKey(ref: PageRef): string {
  return `${ref.section ?? ''}${ref.number}`;
}

interface Onward {
  readonly at: ArticleAt;
  readonly marker: IndexedMarker;
}

interface Arriving {
  readonly at: ArticleAt;
  readonly marker: IndexedMarker;
}

/** The headline score of an original (the article with the onward marker) and a repeat (over the continued part). */
export type Score = (original: Deck, repeat: Deck) => number;

/** The best-scoring of `items` over the threshold, the earlier of equals; only the indices `among` are scored. */
function best<T>(items: readonly T[], among: readonly number[], of: (t: T) => number): T | undefined {
  let top: T | undefined;
  let topScore = MATCH_THRESHOLD;
  for (const i of among) {
    const t = items[i]!;
    const s = of(t);
    if (s >= topScore && (top === undefined || s > topScore)) {
      top = t;
      topScore = s;
    }
  }
  return top;
}

/** How many pieces with no source line may stand between an article and its onward marker: subheadings the reader set apart. */
const MAX_PIECES_ABOVE = 3;

/**
 * The best score of the articles just above `at` on its page, through
 * pieces that carry no source line or byline (which a subheading never has),
 * so that one of them may be the article the marker closes.
 */
function bestAbove(at: ArticleAt, of: (y: ArticleAt) => number): number {
  const articles = at.page.page.articles;
  const i = articles.indexOf(at.article);
  let top = 0;
  for (let k = i - 1; k >= 0 && i - k <= MAX_PIECES_ABOVE; k--) {
    const between = articles[k + 1]!;
    if (between.byline !== undefined || between.kind !== 'article' || between.arriving) break;
    top = Math.max(top, of({ page: at.page, article: articles[k]! }));
  }
  return top;
}

/**
 * Links an issue's jumps. Candidates are found through deck indexes (a
 * headline is scored only against headlines that could reach the
 * threshold with it), so a thousand markers and continued parts cost about
 * a thousand scores, not a million. `headline` is the score to use (tests count its calls).
 */
export function linkIssue(issue: Issue, headline: Score = headlineScore): IssueLinks {
  const score = (a: ArticleAt, b: ArticleAt) => headline(a.article.prepared, b.article.prepared);
  const pagesByKey = new Map<string, IssuePage[]>();
  for (const p of issue.pages) {
    if (!p.page.ref) continue;
    const k = pageKey(p.page.ref);
    pagesByKey.set(k, [...(pagesByKey.get(k) ?? []), p]);
  }
  const groups = new Map<string, { onward: Onward[]; arriving: Arriving[] }>();
  const group = (k: string) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { onward: [], arriving: [] }));
    return g;
  };
  const onwardLinks: OnwardLink[] = [];
  const arrivingLinks: ArrivingLink[] = [];
  for (const page of issue.pages) {
    for (const article of page.page.articles) {
      const at = { page, article };
      for (const marker of article.onward) {
        if (page.page.ref) group(`${pageKey(page.page.ref)}>${pageKey(marker.page)}`).onward.push({ at, marker });
        else onwardLinks.push({ from: at, marker, state: { kind: 'page-missing' } });
      }
      const marker = article.arriving;
      if (!marker) continue;
      if (page.page.ref) group(`${pageKey(marker.page)}>${pageKey(page.page.ref)}`).arriving.push({ at, marker });
      else arrivingLinks.push({ to: at, marker, state: { kind: 'page-missing' } });
    }
  }

  const lonelyOnward: Onward[] = [];
  const lonelyArriving: Arriving[] = [];
  for (const g of groups.values()) {
    const repeats = new DeckIndex(
      g.arriving.map((a) => a.at.article.prepared),
      'repeat',
    );
    const pairs = pairBest(
      g.onward,
      g.arriving,
      (o, a) => score(o.at, a.at),
      MATCH_THRESHOLD,
      (o) => repeats.candidates(o.at.article.prepared),
    );
    const pairedO = new Set(pairs.map((p) => p.left));
    const pairedA = new Set(pairs.map((p) => p.right));
    // Journals jump by page (下转第52页, 上接第51页) and repeat no headline, so no score can pair them.
    // Between two pages, the one onward marker left and the one headless continued part left can only be each other's.
    const openO = g.onward.filter((o) => !pairedO.has(o));
    const headless = g.arriving.filter((a) => !pairedA.has(a) && a.at.article.deck.length === 0);
    if (openO.length === 1 && headless.length === 1) {
      pairs.push({ left: openO[0]!, right: headless[0]!, score: 0 });
      pairedO.add(openO[0]!);
      pairedA.add(headless[0]!);
    }
    // The reader may take a subheading for an article of its own, and the onward marker then closes
    // that piece, whose “headline” the continued part does not repeat: it repeats the article's.
    const stillO = g.onward.filter((o) => !pairedO.has(o));
    const stillA = g.arriving.filter((a) => !pairedA.has(a) && a.at.article.deck.length > 0);
    if (stillO.length > 0 && stillA.length > 0) {
      for (const p of pairBest(stillO, stillA, (o, a) => bestAbove(o.at, (y) => score(y, a.at)))) {
        pairs.push(p);
        pairedO.add(p.left);
        pairedA.add(p.right);
      }
    }
    for (const p of pairs) {
      onwardLinks.push({ from: p.left.at, marker: p.left.marker, state: { kind: 'matched', to: p.right.at, arriving: p.right.marker, score: p.score } });
      arrivingLinks.push({ to: p.right.at, marker: p.right.marker, state: { kind: 'matched', from: p.left.at, onward: p.left.marker, score: p.score } });
    }
    lonelyOnward.push(...g.onward.filter((o) => !pairedO.has(o)));
    lonelyArriving.push(...g.arriving.filter((a) => !pairedA.has(a)));
  }

  const lonelyRepeats = new DeckIndex(
    lonelyArriving.map((a) => a.at.article.prepared),
    'repeat',
  );
  const lonelyOriginals = new DeckIndex(
    lonelyOnward.map((o) => o.at.article.prepared),
    'original',
  );
  /** Every article of a page, and its index of originals, built the first time a continued part looks for its source there. */
  const articlesOf = new Map<string, { articles: ArticleAt[]; index: DeckIndex }>();
  const sourceArticles = (key: string, pages: readonly IssuePage[]) => {
    let found = articlesOf.get(key);
    if (!found) {
      const articles = pages.flatMap((page) => page.page.articles.map((article) => ({ page, article })));
      articlesOf.set(
        key,
        (found = {
          articles,
          index: new DeckIndex(
            articles.map((c) => c.article.prepared),
            'original',
          ),
        }),
      );
    }
    return found;
  };
  for (const o of lonelyOnward) {
    const targets = pagesByKey.get(pageKey(o.marker.page));
    if (!targets) {
      onwardLinks.push({ from: o.at, marker: o.marker, state: { kind: 'page-missing' } });
      continue;
    }
    // A continued part on another page than the marker says: a mistyped marker, worth pointing at.
    const elsewhere = best(lonelyArriving, lonelyRepeats.candidates(o.at.article.prepared), (a) => score(o.at, a.at))?.at;
    onwardLinks.push({ from: o.at, marker: o.marker, state: { kind: 'no-continuation', targets, ...(elsewhere ? { elsewhere } : {}) } });
  }
  for (const a of lonelyArriving) {
    const sources = pagesByKey.get(pageKey(a.marker.page));
    if (!sources) {
      arrivingLinks.push({ to: a.at, marker: a.marker, state: { kind: 'page-missing' } });
      continue;
    }
    const source = sourceArticles(pageKey(a.marker.page), sources);
    const among = source.index.candidates(a.at.article.prepared).filter((i) => source.articles[i]!.article !== a.at.article);
    const sameHeadline = best(source.articles, among, (c) => score(c, a.at));
    const elsewhere = best(lonelyOnward, lonelyOriginals.candidates(a.at.article.prepared), (o) => score(o.at, a.at));
    arrivingLinks.push({
      to: a.at,
      marker: a.marker,
      state: {
        kind: 'no-marker',
        sources,
        ...(sameHeadline ? { sameHeadline } : {}),
        ...(elsewhere && elsewhere.at.article !== sameHeadline?.article ? { elsewhere: { at: elsewhere.at, marker: elsewhere.marker } } : {}),
      },
    });
  }

  const byMarker = new Map<string, OnwardLink | ArrivingLink>();
  for (const l of onwardLinks) byMarker.set(`${l.from.page.file.uri}#${l.marker.span.start}`, l);
  for (const l of arrivingLinks) byMarker.set(`${l.to.page.file.uri}#${l.marker.span.start}`, l);
  const order = (a: { marker: IndexedMarker }, b: { marker: IndexedMarker }) => a.marker.span.start - b.marker.span.start;
  onwardLinks.sort((a, b) => issue.pages.indexOf(a.from.page) - issue.pages.indexOf(b.from.page) || order(a, b));
  arrivingLinks.sort((a, b) => issue.pages.indexOf(a.to.page) - issue.pages.indexOf(b.to.page) || order(a, b));
  return {
    issue,
    onward: onwardLinks,
    arriving: arrivingLinks,
    at: (uri, offset) => byMarker.get(`${uri}#${offset}`),
  };
}

export function isOnward(link: OnwardLink | ArrivingLink): link is OnwardLink {
  return link.marker.direction === 'onward';
}
