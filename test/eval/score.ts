/**
 * Scores the checker's reading of rendered pages against their labels.
 * Where the corpus cannot say (its scrape dropped many author lines), a
 * missing-byline finding on an article whose text names no author anywhere
 * is counted apart, neither right nor wrong. So is an article start read
 * on the headline of a brief inside a column the corpus keeps as one article
 * (PageTruth.pieces).
 */
import type { Span } from '../../server/src/model/page';
import type { RuleId, TextEdit } from '../../server/src/rules/finding';
import { LineIndex } from '../../server/src/text/positions';
import type { CheckedPage, Found } from './check';
import type { CutKind } from './spec';
import type { TruthArticle } from './render';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type ScoredRule = 'broken-wrap' | 'spaced-headline' | 'missing-byline' | 'orphaned-continuation';
export const SCORED_RULES: readonly ScoredRule[] = ['broken-wrap', 'spaced-headline', 'missing-byline', 'orphaned-continuation'];

export interface Case {
  readonly what: string;
  readonly page: string;
  /** 1-based, as an editor shows it. */
  readonly line: number;
  readonly text: string;
  readonly note: string;
}

export interface Score {
  pages: number;
  articles: number;
  starts: Counts;
  deck: { matched: number; of: number };
  rules: Record<ScoredRule, Counts>;
  cuts: Record<CutKind, { found: number; of: number }>;
  spreads: Record<'characters' | 'words', { found: number; of: number }>;
  markersByPlant: Record<string, { found: number; of: number }>;
  /** missing-byline findings on articles whose corpus text names no author: not counted either way. */
  unknownByline: number;
  /** Starts read on the headline of a brief in a column the corpus keeps as one article: not counted either way. */
  pieceStarts: number;
  /** Warning- and error-level findings, and those of them that are wrong. */
  warnings: Partial<Record<RuleId, number>>;
  falseAlarms: Partial<Record<RuleId, number>>;
  /** Right findings shown at warning or error level: P and R count findings at every level, so a right finding the reader doubts (information) shows only here. */
  rightWarnings: Partial<Record<RuleId, number>>;
  /** What fix-all would apply: joins and closed-up spreads (anything else it writes counts as wrong), and punctuation marks one by one. */
  fixes: { applied: number; correct: number; byRule: Partial<Record<RuleId, { applied: number; correct: number }>> };
  marks: { applied: number; correct: number; unplanted: number };
  /** The margins of broken-wrap findings, right and wrong: what the certainty threshold is chosen from. */
  joinMargins: { right: number[]; wrong: number[] };
  cases: Case[];
}

const counts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function emptyScore(): Score {
  return {
    pages: 0,
    articles: 0,
    starts: counts(),
    deck: { matched: 0, of: 0 },
    rules: { 'broken-wrap': counts(), 'spaced-headline': counts(), 'missing-byline': counts(), 'orphaned-continuation': counts() },
    cuts: { 'mid-word': { found: 0, of: 0 }, 'between-words': { found: 0, of: 0 } },
    spreads: { characters: { found: 0, of: 0 }, words: { found: 0, of: 0 } },
    markersByPlant: {},
    unknownByline: 0,
    pieceStarts: 0,
    warnings: {},
    falseAlarms: {},
    rightWarnings: {},
    fixes: { applied: 0, correct: 0, byRule: {} },
    marks: { applied: 0, correct: 0, unplanted: 0 },
    joinMargins: { right: [], wrong: [] },
    cases: [],
  };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const squeeze = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

function bump(map: Partial<Record<RuleId, number>>, rule: RuleId): void {
  map[rule] = (map[rule] ?? 0) + 1;
}

export function scorePage(checked: CheckedPage, score: Score): void {
  const { page, analysis, found } = checked;
  const { truth, text } = page;
  const model = analysis.model;
  const index = new LineIndex(model.lines);
  const lineOf = (offset: number) => index.lineAt(offset).index;
  const name = `${page.rendering}/${page.date}/${String(page.page).padStart(2, '0')}`;
  const excerpt = (line: number) => {
    const l = model.lines[line];
    return l ? text.slice(l.start, Math.min(l.end, l.start + 40)) : '';
  };
  const caseAt = (what: string, line: number, note: string) => score.cases.push({ what, page: name, line: line + 1, text: excerpt(line), note });
  score.pages++;
  score.articles += truth.articles.length;

  const articleAt = (line: number): TruthArticle | undefined => {
    let hit: TruthArticle | undefined;
    for (const a of truth.articles) if (a.startLine <= line) hit = a;
    return hit;
  };

  // Article starts: a block must start on the true first line.
  const blocks = model.pages.flatMap((p) => p.blocks).filter((b) => b.kind !== 'furniture');
  const predicted = new Map(blocks.map((b) => [lineOf(b.span.start), b]));
  const trueStarts = new Set(truth.articles.map((a) => a.startLine));
  const pieces = new Set(truth.pieces);
  for (const [line, b] of predicted) {
    if (trueStarts.has(line)) score.starts.tp++;
    else if (pieces.has(line)) score.pieceStarts++;
    else {
      score.starts.fp++;
      caseAt('start:false', line, `${b.kind} read inside ${articleAt(line)?.id ?? '?'}`);
    }
  }
  for (const a of truth.articles) {
    const b = predicted.get(a.startLine);
    if (!b) {
      score.starts.fn++;
      caseAt('start:missed', a.startLine, a.id);
      continue;
    }
    score.deck.of++;
    const got = squeeze(b.headline.map((h) => h.text).join(''));
    if (got === squeeze(a.deck.join(''))) score.deck.matched++;
    else caseAt('deck', a.startLine, `read “${b.headline.map((h) => h.text).join(' / ')}”`);
  }

  // Findings by rule.
  const cutHit = new Set<number>();
  const spreadHit = new Set<number>();
  const markerHit = new Set<number>();
  const bylineHit = new Set<string>();
  const verdict = new Map<Found, 'right' | 'wrong' | 'unknown'>();
  for (const f of found) {
    const line = lineOf(f.span.start);
    let v: 'right' | 'wrong' | 'unknown' = 'wrong';
    switch (f.rule) {
      case 'broken-wrap': {
        const edit = f.proposed?.length === 1 ? f.proposed[0] : undefined;
        const i = truth.cuts.findIndex((c) => edit !== undefined && edit.start === c.gap.start && edit.end === c.gap.end);
        if (i >= 0 && !cutHit.has(i)) {
          cutHit.add(i);
          v = 'right';
        }
        break;
      }
      case 'spaced-headline': {
        const i = truth.spreads.findIndex((s) => overlaps(f.span, s.span));
        if (i >= 0 && !spreadHit.has(i)) {
          spreadHit.add(i);
          v = 'right';
        }
        break;
      }
      case 'missing-byline': {
        const a = articleAt(line);
        if (a && line === a.startLine && !bylineHit.has(a.id)) {
          if (a.sourceRemoved) v = 'right';
          else if (!a.namesAuthor || a.kind === 'continuation') v = 'unknown';
          if (v !== 'wrong') bylineHit.add(a.id);
        }
        break;
      }
      case 'orphaned-continuation': {
        const i = truth.markers.findIndex((m) => overlaps(f.span, m.span));
        if (i >= 0 && truth.markers[i]!.expect === 'finding') {
          v = 'right';
          markerHit.add(i);
        }
        break;
      }
      default:
        v = 'unknown';
    }
    verdict.set(f, v);
    if (f.rule === 'broken-wrap' && f.margin !== undefined) (v === 'right' ? score.joinMargins.right : score.joinMargins.wrong).push(Math.round(f.margin * 100) / 100);
    const rule = f.rule as ScoredRule;
    if (f.rule !== 'halfwidth-punctuation') {
      if (v === 'right') score.rules[rule].tp++;
      else if (v === 'wrong') {
        score.rules[rule].fp++;
        caseAt(`${f.rule}:false`, line, f.message);
      } else score.unknownByline++;
    }
    if (f.severity === 'warning' || f.severity === 'error') {
      bump(score.warnings, f.rule);
      if (v === 'wrong') bump(score.falseAlarms, f.rule);
      else if (v === 'right') bump(score.rightWarnings, f.rule);
    }
  }
  truth.cuts.forEach((c, i) => {
    score.cuts[c.kind].of++;
    if (cutHit.has(i)) score.cuts[c.kind].found++;
    else {
      score.rules['broken-wrap'].fn++;
      caseAt(`broken-wrap:missed:${c.kind}`, c.beforeLine, `${text.slice(Math.max(0, c.gap.start - 8), c.gap.start)}|${text.slice(c.gap.end, c.gap.end + 8)}`);
    }
  });
  truth.spreads.forEach((s, i) => {
    score.spreads[s.kind].of++;
    if (spreadHit.has(i)) score.spreads[s.kind].found++;
    else {
      score.rules['spaced-headline'].fn++;
      caseAt('spaced-headline:missed', s.line, s.kind);
    }
  });
  truth.markers.forEach((m, i) => {
    const tally = (score.markersByPlant[`${m.plant}:${m.expect}`] ??= { found: 0, of: 0 });
    tally.of++;
    if (m.expect === 'finding') {
      if (markerHit.has(i)) tally.found++;
      else {
        score.rules['orphaned-continuation'].fn++;
        caseAt(`orphaned-continuation:missed:${m.plant}`, m.line, m.text);
      }
    } else if (!found.some((f) => f.rule === 'orphaned-continuation' && overlaps(f.span, m.span))) tally.found++;
  });
  for (const a of truth.articles) {
    if (a.sourceRemoved && !bylineHit.has(a.id)) {
      score.rules['missing-byline'].fn++;
      caseAt('missing-byline:missed', a.startLine, a.id);
    }
  }

  // What fix-all would apply, edit by edit: a join of a planted cut's gap, the spaces of a planted spread, a mark the rendering made ASCII.
  const spreadRemoved = new Map<number, number>();
  /** Spaces removed where no spread was planted, by line: one fix per line, as a planted spread is one fix. */
  const strayRemoved = new Map<number, { removed: number; text: string }>();
  const countFix = (rule: RuleId, right: boolean, line: number, note: string) => {
    const r = (score.fixes.byRule[rule] ??= { applied: 0, correct: 0 });
    r.applied++;
    score.fixes.applied++;
    if (right) {
      r.correct++;
      score.fixes.correct++;
    } else caseAt(`fix:wrong:${rule}`, line, note);
  };
  for (const e of checked.fixAll.flatMap((x) => elementary(text, x))) {
    const old = text.slice(e.start, e.end);
    const line = lineOf(e.start);
    if (old.length === 1 && /[,;:()!?]/.test(old) && e.newText.length === 1) {
      score.marks.applied++;
      const was = truth.halfwidth.get(e.start);
      if (was === undefined) score.marks.unplanted++;
      else if (was === e.newText) score.marks.correct++;
      continue;
    }
    if (/^[\s\u3000\u00a0]+$/.test(old) && (e.newText === '' || e.newText === ' ')) {
      if (/[\r\n]/.test(old)) {
        countFix(
          'broken-wrap',
          truth.cuts.some((c) => c.gap.start === e.start && c.gap.end === e.end),
          line,
          `joins “${text.slice(Math.max(0, e.start - 6), e.start)}|${text.slice(e.end, e.end + 6)}”`,
        );
        continue;
      }
      const s = truth.spreads.findIndex((x) => x.spaces.includes(e.start));
      if (s >= 0 && e.end === e.start + 1 && e.newText === '') spreadRemoved.set(s, (spreadRemoved.get(s) ?? 0) + 1);
      else {
        const stray = strayRemoved.get(line) ?? { removed: 0, text: text.slice(Math.max(0, e.start - 6), e.end + 6) };
        strayRemoved.set(line, { ...stray, removed: stray.removed + 1 });
      }
      continue;
    }
    countFix('missing-byline', false, line, `writes “${e.newText.slice(0, 20)}” over “${old.slice(0, 20)}”`);
  }
  // A spread is closed up right when every one of its spaces goes, and only they.
  for (const [line, { removed, text: near }] of strayRemoved) countFix('spaced-headline', false, line, `removes ${removed} spaces, the first in “${near}”`);
  for (const [s, removed] of spreadRemoved)
    countFix('spaced-headline', removed === truth.spreads[s]!.spaces.length, truth.spreads[s]!.line, `closes ${removed} of ${truth.spreads[s]!.spaces.length} spaces`);
}

const SPACE = /[\s\u3000\u00a0]/;

/**
 * Fix-all's edits are composed, so a mark replaced next to a joined gap is one edit: taken apart
 * here into what each fix did (a character replaced, a run of white space removed or made one space).
 */
export function elementary(text: string, e: TextEdit): TextEdit[] {
  const old = text.slice(e.start, e.end);
  const out: TextEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < old.length) {
    if (SPACE.test(old[i]!)) {
      let k = i;
      while (k < old.length && SPACE.test(old[k]!)) k++;
      // A run of white space kept whole is unchanged; otherwise it went, or became the one space a Latin join keeps.
      if (e.newText.startsWith(old.slice(i, k), j)) j += k - i;
      else if (e.newText[j] === ' ' && !(k < old.length && old[k] === ' ')) {
        out.push({ start: e.start + i, end: e.start + k, newText: ' ' });
        j++;
      } else out.push({ start: e.start + i, end: e.start + k, newText: '' });
      i = k;
      continue;
    }
    if (j >= e.newText.length) return [e];
    if (old[i] !== e.newText[j]) out.push({ start: e.start + i, end: e.start + i + 1, newText: e.newText[j]! });
    i++;
    j++;
  }
  // Text left over was inserted: this edit is not made of the pieces above.
  return j === e.newText.length ? out : [e];
}

export function merge(into: Score, from: Score): void {
  into.pages += from.pages;
  into.articles += from.articles;
  const add = (a: Counts, b: Counts) => {
    a.tp += b.tp;
    a.fp += b.fp;
    a.fn += b.fn;
  };
  add(into.starts, from.starts);
  into.deck.matched += from.deck.matched;
  into.deck.of += from.deck.of;
  for (const r of SCORED_RULES) add(into.rules[r], from.rules[r]);
  for (const k of Object.keys(from.cuts) as CutKind[]) {
    into.cuts[k].found += from.cuts[k].found;
    into.cuts[k].of += from.cuts[k].of;
  }
  for (const k of ['characters', 'words'] as const) {
    into.spreads[k].found += from.spreads[k].found;
    into.spreads[k].of += from.spreads[k].of;
  }
  for (const [k, v] of Object.entries(from.markersByPlant)) {
    const t = (into.markersByPlant[k] ??= { found: 0, of: 0 });
    t.found += v.found;
    t.of += v.of;
  }
  into.unknownByline += from.unknownByline;
  into.pieceStarts += from.pieceStarts;
  for (const [k, v] of Object.entries(from.warnings)) into.warnings[k as RuleId] = (into.warnings[k as RuleId] ?? 0) + v;
  for (const [k, v] of Object.entries(from.rightWarnings)) into.rightWarnings[k as RuleId] = (into.rightWarnings[k as RuleId] ?? 0) + v;
  for (const [k, v] of Object.entries(from.falseAlarms)) into.falseAlarms[k as RuleId] = (into.falseAlarms[k as RuleId] ?? 0) + v;
  into.fixes.applied += from.fixes.applied;
  into.fixes.correct += from.fixes.correct;
  for (const [k, v] of Object.entries(from.fixes.byRule)) {
    const t = (into.fixes.byRule[k as RuleId] ??= { applied: 0, correct: 0 });
    t.applied += v.applied;
    t.correct += v.correct;
  }
  into.marks.applied += from.marks.applied;
  into.marks.correct += from.marks.correct;
  into.marks.unplanted += from.marks.unplanted;
  into.joinMargins.right.push(...from.joinMargins.right);
  into.joinMargins.wrong.push(...from.joinMargins.wrong);
  into.cases.push(...from.cases);
}

export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
export const f1 = (c: Counts) => {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};
