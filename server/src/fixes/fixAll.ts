/**
 * Fix-all: the one the editor's Fix All, fix on save and `newsprint check
 * --fix` share. Every safe fix is applied whole or not at all; fixes that
 * collide wait for the next pass, which analyses the text again, until
 * nothing is left to fix. The result is one minimal set of edits against
 * the original text, so an editor applies it as one versioned change.
 */
import type { Finding, RuleId, TextEdit } from '../rules/finding';
import { applyEdits } from './edits';

/** Every finding of a text, uncapped: a display limit must never decide what gets fixed. */
export type Analyse = (text: string) => readonly Finding[];

export interface FixAllOptions {
  /** Only this rule's fixes (the quick fix "Fix all broken-wrap problems in this file"). */
  readonly rule?: RuleId;
  /** Passes before giving up on a text that keeps changing. */
  readonly maxPasses?: number;
}

export interface FixAllResult {
  /** The text with every fix applied. */
  readonly text: string;
  /** Against the original text: sorted, non-overlapping, each as small as it can be. */
  readonly edits: TextEdit[];
  /** Fixes applied, over every pass. */
  readonly fixed: number;
  /** The same, by rule. */
  readonly byRule: Partial<Record<RuleId, number>>;
  /**
   * Safe fixes still offered at the end: their fix did not remove what they
   * found (so applying it again would only repeat it), or the passes ran out.
   */
  readonly unapplied: number;
  readonly passes: number;
}

const MAX_PASSES = 10;

/** Sorted by start, then end: an insertion sorts before a replacement that starts where it is. */
const byPosition = (a: TextEdit, b: TextEdit) => a.start - b.start || a.end - b.end;

/**
 * Whether `b`, sorted at or after `a`, collides with it: they share text, an
 * insertion falls inside the other, or both insert at one point (whose text
 * would come first is anyone's guess). Touching edits do not collide.
 */
function collide(a: TextEdit, b: TextEdit): boolean {
  return b.start < a.end || (a.start === b.start && a.end === a.start && b.end === b.start);
}

/** A fix's own edits, sorted, or undefined when they are out of the text or collide with each other. */
function wellFormed(edits: readonly TextEdit[], length: number): TextEdit[] | undefined {
  const sorted = [...edits].sort(byPosition);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (e.start < 0 || e.end < e.start || e.end > length) return undefined;
    if (i > 0 && collide(sorted[i - 1]!, e)) return undefined;
  }
  return sorted;
}

/** A region of the current text that a rule's fix wrote, so the rule does not write over it again. */
interface Region {
  readonly start: number;
  readonly end: number;
}

/** Whether an edit touches a region: it changes text inside it, or inserts anywhere from its start to its end. */
function touches(e: TextEdit, r: Region): boolean {
  return e.start === e.end ? r.start <= e.start && e.start <= r.end : e.start < r.end && e.end > r.start;
}

function touchesAny(edits: readonly TextEdit[], regions: readonly Region[]): boolean {
  if (regions.length === 0) return false;
  for (const e of edits) {
    // Regions are sorted and disjoint: only the ones around the edit's start can touch it.
    let lo = 0;
    let hi = regions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (regions[mid]!.end < e.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < regions.length && regions[i]!.start <= e.end; i++) if (touches(e, regions[i]!)) return true;
  }
  return false;
}

/** Regions of the text before `edits` where they stand after them; a region's end stays after text inserted at it. */
function moveRegions(regions: readonly Region[], edits: readonly TextEdit[]): Region[] {
  const at = (pos: number, cursor: { index: number; delta: number }, bias: 'start' | 'end'): number => {
    while (cursor.index < edits.length) {
      const e = edits[cursor.index]!;
      const before = e.end < pos || (e.end === pos && (e.start < pos || bias === 'end'));
      if (!before) return e.start < pos ? e.start + cursor.delta + (bias === 'end' ? e.newText.length : 0) : pos + cursor.delta;
      cursor.delta += e.newText.length - (e.end - e.start);
      cursor.index++;
    }
    return pos + cursor.delta;
  };
  const starts = { index: 0, delta: 0 };
  const ends = { index: 0, delta: 0 };
  return regions.map((r) => ({ start: at(r.start, starts, 'start'), end: at(r.end, ends, 'end') }));
}

function mergeRegions(regions: Region[]): Region[] {
  regions.sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Region[] = [];
  for (const r of regions) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else out.push(r);
  }
  return out;
}

interface Candidate {
  readonly rule: RuleId;
  readonly edits: TextEdit[];
}

/**
 * The fixes of one pass: in the findings' order, each taken whole unless one
 * of its edits collides with a fix taken before it. Collisions are found in
 * one sweep over every edit, so a page's half-width fix of a million edits
 * costs one sort, not a million comparisons per fix.
 */
function choose(candidates: readonly Candidate[]): Candidate[] {
  const all: Array<{ edit: TextEdit; fix: number }> = [];
  candidates.forEach((c, fix) => {
    for (const edit of c.edits) all.push({ edit, fix });
  });
  all.sort((x, y) => byPosition(x.edit, y.edit) || x.fix - y.fix);
  const conflicts = new Map<number, Set<number>>();
  const conflict = (x: number, y: number) => {
    let s = conflicts.get(x);
    if (!s) conflicts.set(x, (s = new Set()));
    s.add(y);
  };
  const active: Array<{ edit: TextEdit; fix: number }> = [];
  for (const item of all) {
    const e = item.edit;
    // Compacted in place: edits that end before this one starts can collide with nothing after it.
    let n = 0;
    for (const a of active) if (a.edit.end > e.start || (a.edit.start === e.start && a.edit.end === a.edit.start)) active[n++] = a;
    active.length = n;
    for (const a of active) {
      if (a.fix !== item.fix && collide(a.edit, e)) {
        conflict(a.fix, item.fix);
        conflict(item.fix, a.fix);
      }
    }
    active.push(item);
  }
  const taken = new Set<number>();
  const out: Candidate[] = [];
  candidates.forEach((c, fix) => {
    for (const other of conflicts.get(fix) ?? []) if (taken.has(other)) return;
    taken.add(fix);
    out.push(c);
  });
  return out;
}

/**
 * Whether two ranges must become one edit: they share text, or one is a
 * point (an insertion, or where a deletion was) strictly inside the other.
 * Ranges that only touch stay apart and map back on their own, in order.
 */
function meets(s1: number, e1: number, s2: number, e2: number): boolean {
  if (s1 === e1) return s2 < s1 && s1 < e2;
  if (s2 === e2) return s1 < s2 && s2 < e1;
  return s1 < e2 && s2 < e1;
}

/**
 * Composes two rounds of edits: `first` against the original, `second`
 * against the text `first` made (`middle`). An edit of the second round that
 * meets text the first round wrote merges with it; the rest only move.
 */
export function compose(first: readonly TextEdit[], second: readonly TextEdit[], middle: string): TextEdit[] {
  let running = 0;
  const outputs = first.map((e) => {
    const start = e.start + running;
    running += e.newText.length - (e.end - e.start);
    return { edit: e, start, end: start + e.newText.length, delta: running };
  });
  const out: TextEdit[] = [];
  let i = 0;
  let j = 0;
  /** What the first round's edits passed so far added to the length. */
  let deltaBefore = 0;
  while (i < outputs.length || j < second.length) {
    const o = outputs[i];
    const b = second[j];
    if (o && b && meets(o.start, o.end, b.start, b.end)) {
      // A cluster, in the middle text's offsets: outputs and second-round edits that meet, one after another.
      let start = Math.min(o.start, b.start);
      let end = Math.max(o.end, b.end);
      const clusterBefore = deltaBefore;
      const inner: TextEdit[] = [];
      for (;;) {
        const nextO = outputs[i];
        const nextB = second[j];
        if (nextO && meets(nextO.start, nextO.end, start, end)) {
          start = Math.min(start, nextO.start);
          end = Math.max(end, nextO.end);
          deltaBefore = nextO.delta;
          i++;
        } else if (nextB && meets(nextB.start, nextB.end, start, end)) {
          start = Math.min(start, nextB.start);
          end = Math.max(end, nextB.end);
          inner.push(nextB);
          j++;
        } else break;
      }
      const local = inner.map((e) => ({ start: e.start - start, end: e.end - start, newText: e.newText }));
      out.push({ start: start - clusterBefore, end: end - deltaBefore, newText: applyEdits(middle.slice(start, end), local) });
    } else if (b && (!o || b.end <= o.start)) {
      // Clear of what the first round wrote: the edit only moves back by what was added before it.
      out.push({ start: b.start - deltaBefore, end: b.end - deltaBefore, newText: b.newText });
      j++;
    } else {
      out.push(o!.edit);
      deltaBefore = o!.delta;
      i++;
    }
  }
  return out;
}

/**
 * The fewest, smallest edits: edits that touch become one (so two insertions
 * at one point cannot come in the wrong order), each is cut down to what it
 * changes, and one that changes nothing is dropped.
 */
function minimal(original: string, edits: readonly TextEdit[]): TextEdit[] {
  const joined: TextEdit[] = [];
  for (const e of edits) {
    const last = joined[joined.length - 1];
    if (last && last.end === e.start) joined[joined.length - 1] = { start: last.start, end: e.end, newText: last.newText + e.newText };
    else joined.push(e);
  }
  const out: TextEdit[] = [];
  for (const e of joined) {
    let { start, end } = e;
    let text = e.newText;
    let head = 0;
    while (start + head < end && head < text.length && original.charCodeAt(start + head) === text.charCodeAt(head)) head++;
    start += head;
    text = text.slice(head);
    let tail = 0;
    while (end - tail > start && tail < text.length && original.charCodeAt(end - tail - 1) === text.charCodeAt(text.length - tail - 1)) tail++;
    end -= tail;
    text = text.slice(0, text.length - tail);
    if (start !== end || text !== '') out.push({ start, end, newText: text });
  }
  return out;
}

export function fixAll(original: string, analyse: Analyse, options: FixAllOptions = {}): FixAllResult {
  const maxPasses = options.maxPasses ?? MAX_PASSES;
  let text = original;
  let edits: TextEdit[] = [];
  let fixed = 0;
  const byRule: Partial<Record<RuleId, number>> = {};
  let passes = 0;
  /** Per rule, what its fixes wrote in earlier passes, in the current text's offsets. */
  let written = new Map<RuleId, Region[]>();
  let unapplied: number;
  for (;;) {
    const candidates: Candidate[] = [];
    unapplied = 0;
    for (const f of analyse(text)) {
      if (options.rule && f.rule !== options.rule) continue;
      const fix = f.fixes.find((x) => x.safe);
      if (!fix) continue;
      const own = wellFormed(fix.edits, text.length);
      // A fix that lands where its rule already wrote did not do its job: applying it again would only repeat it.
      if (!own || own.length === 0 || touchesAny(own, written.get(f.rule) ?? [])) {
        unapplied++;
        continue;
      }
      candidates.push({ rule: f.rule, edits: own });
    }
    if (candidates.length === 0 || passes >= maxPasses) {
      unapplied += candidates.length;
      break;
    }
    const chosen = choose(candidates);
    const tagged: Array<{ edit: TextEdit; rule: RuleId }> = [];
    // A loop, not push(...): a 10 MB line's half-width fix has millions of edits, past the argument limit.
    for (const c of chosen) for (const edit of c.edits) tagged.push({ edit, rule: c.rule });
    tagged.sort((x, y) => byPosition(x.edit, y.edit));
    const pass = tagged.map((t) => t.edit);
    const next = new Map<RuleId, Region[]>();
    for (const [rule, regions] of written) next.set(rule, moveRegions(regions, pass));
    let delta = 0;
    for (const { edit, rule } of tagged) {
      const start = edit.start + delta;
      const list = next.get(rule) ?? [];
      list.push({ start, end: start + edit.newText.length });
      next.set(rule, list);
      delta += edit.newText.length - (edit.end - edit.start);
    }
    for (const [rule, regions] of next) next.set(rule, mergeRegions(regions));
    written = next;
    const after = applyEdits(text, pass);
    edits = passes === 0 ? pass : compose(edits, pass, text);
    text = after;
    fixed += chosen.length;
    for (const c of chosen) byRule[c.rule] = (byRule[c.rule] ?? 0) + 1;
    passes++;
  }
  return { text, edits: minimal(original, edits), fixed, byRule, unapplied, passes };
}
