/** The eval's figures as a table for people. */
import type { RuleId } from '../../server/src/rules/finding';
import type { EvalResult } from './main';
import { f1, precision, recall, SCORED_RULES, type Counts, type Score } from './score';
import type { Rendering } from './spec';

const pct = (x: number) => x.toFixed(3);
const pr = (c: Counts) => `${pct(precision(c))} / ${pct(recall(c))}`;
const prf = (c: Counts) => `${pct(precision(c))} / ${pct(recall(c))} / ${pct(f1(c))}`;
const per20 = (n: number, pages: number) => (pages === 0 ? '–' : ((20 * n) / pages).toFixed(2));
const sum = (m: Partial<Record<RuleId, number>>) => Object.values(m).reduce((a, b) => a + (b ?? 0), 0);
const ratio = (a: number, b: number) => (b === 0 ? '–' : `${pct(a / b)} (${a}/${b})`);

export function formatReport(result: EvalResult): string {
  const rs = Object.keys(result.scores) as Rendering[];
  const rows: Array<[string, ...string[]]> = [];
  const row = (label: string, f: (s: { clean: Score; damaged: Score }) => string) => rows.push([label, ...rs.map((r) => f(result.scores[r]))]);
  const head = (label: string) => rows.push([label, ...rs.map(() => '')]);
  head('clean pages');
  row('  pages / articles', (s) => `${s.clean.pages} / ${s.clean.articles}`);
  row('  warnings per 20 pages', (s) => per20(sum(s.clean.warnings), s.clean.pages));
  row('  false alarms per 20 pages', (s) => per20(sum(s.clean.falseAlarms), s.clean.pages));
  for (const rule of SCORED_RULES) row(`    ${rule}`, (s) => `${s.clean.falseAlarms[rule] ?? 0}`);
  row('  missing-byline, author not in corpus', (s) => `${s.clean.unknownByline}`);
  row('  article starts P / R / F1', (s) => prf(s.clean.starts));
  row('    read on a brief in a column kept as one article', (s) => `${s.clean.pieceStarts}`);
  row('  deck exact', (s) => ratio(s.clean.deck.matched, s.clean.deck.of));
  row('  possible cuts shown (information)', (s) => `${s.clean.joinMargins.wrong.filter((x) => x < 0).length}`);
  row('  fix-all fixes (should be none)', (s) => `${s.clean.fixes.applied}`);
  row('  fix-all marks right / unplanted', (s) => `${s.clean.marks.correct}/${s.clean.marks.applied} · ${s.clean.marks.unplanted}`);
  head('damaged pages');
  row('  pages / articles', (s) => `${s.damaged.pages} / ${s.damaged.articles}`);
  for (const rule of SCORED_RULES) row(`  ${rule} P / R`, (s) => pr(s.damaged.rules[rule]));
  // P and R count every level; how many of the right findings are warnings shows what a doubt shown as information costs.
  for (const rule of SCORED_RULES) row(`    ${rule} right, as warnings`, (s) => ratio(s.damaged.rightWarnings[rule] ?? 0, s.damaged.rules[rule].tp));
  row('    cuts mid-word found', (s) => ratio(s.damaged.cuts['mid-word'].found, s.damaged.cuts['mid-word'].of));
  row('    cuts between words found', (s) => ratio(s.damaged.cuts['between-words'].found, s.damaged.cuts['between-words'].of));
  // Cuts the reader did not take but came close to (negative margin): shown as hints, never warnings.
  const hints = (m: { right: number[]; wrong: number[] }) => {
    const right = m.right.filter((x) => x < 0).length;
    return ratio(right, right + m.wrong.filter((x) => x < 0).length);
  };
  row('    possible cuts shown: right', (s) => hints(s.damaged.joinMargins));
  row('    spread by characters found', (s) => ratio(s.damaged.spreads.characters.found, s.damaged.spreads.characters.of));
  row('    spread by words found', (s) => ratio(s.damaged.spreads.words.found, s.damaged.spreads.words.of));
  const plants = [...new Set(rs.flatMap((r) => Object.keys(result.scores[r].damaged.markersByPlant)))].sort();
  for (const k of plants)
    row(`    marker ${k} right`, (s) => {
      const t = s.damaged.markersByPlant[k];
      return t ? ratio(t.found, t.of) : '–';
    });
  row('  missing-byline, author not in corpus', (s) => `${s.damaged.unknownByline}`);
  row('  article starts P / R / F1', (s) => prf(s.damaged.starts));
  row('    read on a brief in a column kept as one article', (s) => `${s.damaged.pieceStarts}`);
  row('  deck exact', (s) => ratio(s.damaged.deck.matched, s.damaged.deck.of));
  row('  fix-all precision (fixes)', (s) => ratio(s.damaged.fixes.correct, s.damaged.fixes.applied));
  for (const rule of ['broken-wrap', 'spaced-headline', 'missing-byline', 'orphaned-continuation'] as const) {
    row(`    ${rule}`, (s) => {
      const t = s.damaged.fixes.byRule[rule];
      return t ? ratio(t.correct, t.applied) : '–';
    });
  }
  row('  fix-all precision (marks)', (s) => ratio(s.damaged.marks.correct, s.damaged.marks.applied - s.damaged.marks.unplanted));
  row('  fix-all marks not planted', (s) => `${s.damaged.marks.unplanted}`);
  const out = [`Newsprint eval: ${result.corpus}`, `${result.issues} issues; ${result.skipped} files skipped (no text under the headline); ${result.seconds.toFixed(1)} s`, ''];
  return out.join('\n') + '\n' + formatTable(['', ...rs.map((r) => (r === 'epaper' ? 'e-paper' : 'PDF-like'))], rows);
}

/** Rows under column labels: the first column left-aligned, the figures right-aligned. */
export function formatTable(labels: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = labels.map((l, i) => Math.max(l.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[0]!) : c.padStart(widths[i]!))).join('  ');
  return [line(labels), ...rows.map(line)].join('\n') + '\n';
}
