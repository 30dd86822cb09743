/** broken-wrap: a paragraph cut by a line break (and blank lines) at a column or page break. */
import { HAN, isHighSurrogate, isLowSurrogate, isSpace } from '../text/chars';
import type { Element, Join, Page, PageModel } from '../model/page';
import { unsure, type Finding, type Severity } from './finding';
import { fingerprint } from './fingerprint';
import { t } from '../l10n/t';
import type { Rule, RuleContext } from './rule';

const LATIN = /[A-Za-z0-9]/;

/** Ideographs, letters and digits: what a reader sees as the words on either side of a cut. */
const WORDISH = new RegExp(`[${HAN}A-Za-z0-9０-９]`);

/** Up to `n` word characters before `end` (after one trailing punctuation mark, if any), stopping at other punctuation. */
function tail(text: string, end: number, n: number): string {
  let i = end;
  if (i > 0 && !WORDISH.test(text[i - 1]!) && !isSpace(text[i - 1])) {
    i--;
    // Step over a whole surrogate pair, never half of one.
    if (i > 0 && isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) i--;
  }
  const stop = i;
  while (i > 0 && stop - i < n && WORDISH.test(text[i - 1]!)) i--;
  return text.slice(i, end);
}

/** Up to `n` word characters from `start` (after one leading punctuation mark, if any). */
function head(text: string, start: number, n: number): string {
  let i = start;
  if (i < text.length && !WORDISH.test(text[i]!) && !isSpace(text[i])) {
    i++;
    if (i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i))) i++;
  }
  const from = i;
  while (i < text.length && i - from < n && WORDISH.test(text[i]!)) i++;
  return text.slice(start, i);
}

/** What a cue of a cut says, in words a reader can check by looking at the break; undefined for cues that say nothing there. */
function spoken(cue: string, text: string, join: Join): string | undefined {
  const base = cue.replace(/&(?:short|line|long|body)$/, '');
  const after = text.slice(join.gap.end, join.gap.end + 2);
  const before = text[join.gap.start - 1] ?? '';
  if (base === 'head:punct') return t`the next line starts with ${text[join.gap.end] ?? ''}`;
  if (base === 'head:bound' || /^head:u/.test(base)) return t`the next line starts mid-sentence with “${after}”`;
  if (/^(?:ends|tail):[pcdu]/.test(base)) return t`the line stops on “${before}”, which cannot end a sentence`;
  if (/^cut:end:/.test(base)) return t`the line stops at ${before}`;
  if (base === 'p:unclosed') return t('a bracket or quote is left open across the break');
  if (base === 'cut:open-body' || base === 'cut:open-headline' || base === 'cut:open-other') return t('the paragraph stops without closing punctuation');
  if (base === 'cut:open-noindent') return t('the next line is not indented as new paragraphs are');
  if (base === 'cut:open-wide') return t('blank lines stand inside a sentence');
  return undefined;
}

function describe(model: PageModel, join: Join): { shown: string; reason: string; before: number; after: number } {
  const { text } = model;
  const e = join.evidence;
  if (e.word) {
    const before = e.word.split;
    const after = e.word.word.length - e.word.split;
    return { shown: `${e.word.word.slice(0, before)}|${e.word.word.slice(before)}`, reason: t`the word ${e.word.word} straddles the break`, before, after };
  }
  const a = tail(text, join.gap.start, 4);
  const b = head(text, join.gap.end, 4);
  const said = [...new Set(e.cues.map((c) => spoken(c, text, join)).filter((x): x is string => x !== undefined))].slice(0, 2);
  return { shown: `${a}|${b}`, reason: said.length > 0 ? said.join(t(', and ')) : t('the text reads on across the break'), before: a.length, after: b.length };
}

/** What every finding of a cut says and marks: its two sides, why, where it ends, what joins it, its fingerprint. */
function cutParts(model: PageModel, page: Page, join: Join) {
  const { text } = model;
  const { shown, reason, before, after } = describe(model, join);
  return {
    shown,
    reason,
    span: { start: join.gap.start - before, end: join.gap.end + after },
    goesOn: { start: join.gap.end, end: join.gap.end + after },
    glue: LATIN.test(text[join.gap.start - 1] ?? '') && LATIN.test(text[join.gap.end] ?? '') ? ' ' : '',
    where: join.afterLine - join.beforeLine > 1 ? t('across blank lines') : t('by a line break'),
    fingerprint: fingerprint('broken-wrap', text, { start: join.gap.start, end: join.gap.end }, page.span),
  };
}

function joinFinding(model: PageModel, page: Page, el: Element, join: Join, profile: RuleContext['profile'], severity: Severity): Finding {
  const { text } = model;
  const { shown, reason, span, goesOn, glue, where, fingerprint: fingerprintOf } = cutParts(model, page, join);
  const related = [{ span: goesOn, message: t('The paragraph goes on here.') }];
  const across = join.across;
  if (across && across.length > 0) {
    // The figure between the halves keeps its characters: it moves below the paragraph, which a person should see done.
    const figure = text.slice(across[0]!.start, across[across.length - 1]!.end);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    return {
      rule: 'broken-wrap',
      span,
      severity,
      message: t`“${shown}” is cut, with a figure between the two parts: ${reason}.`,
      related,
      fixes: [
        {
          title: t`Join the two parts of “${shown}” and move the figure below the paragraph`,
          edits: [
            { start: join.gap.start, end: join.gap.end, newText: glue },
            { start: el.span.end, end: el.span.end, newText: `${eol}${eol}${figure}` },
          ],
          safe: false,
        },
      ],
      fingerprint: fingerprintOf,
      confidence: { margin: join.evidence.margin, certain: false, likely: true },
    };
  }
  const certain = join.evidence.margin >= profile.thresholds.certainJoin;
  const likely = join.evidence.margin >= profile.thresholds.likelyJoin;
  const hedge = likely ? '' : t(' (the page could also be read without this cut)');
  return {
    rule: 'broken-wrap',
    span,
    severity: likely ? severity : unsure(severity),
    message: t`“${shown}” is cut ${where}: ${reason}${hedge}.`,
    related,
    fixes: [{ title: t`Join the two parts of “${shown}”`, edits: [{ start: join.gap.start, end: join.gap.end, newText: glue }], safe: certain }],
    fingerprint: fingerprintOf,
    confidence: { margin: join.evidence.margin, certain, likely },
  };
}

/**
 * A cut the reader came close to taking: shown as information, never as a
 * warning, and its join is never applied unattended.
 */
function possibleJoinFinding(model: PageModel, page: Page, join: Join, severity: Severity): Finding {
  const { shown, reason, span, goesOn, glue, where, fingerprint: fingerprintOf } = cutParts(model, page, join);
  return {
    rule: 'broken-wrap',
    span,
    severity: unsure(severity),
    message: t`“${shown}” may be cut ${where}: ${reason} (the page reads a little better with a new paragraph here).`,
    related: [{ span: goesOn, message: t('The paragraph may go on here.') }],
    fixes: [{ title: t`Join the two parts of “${shown}”`, edits: [{ start: join.gap.start, end: join.gap.end, newText: glue }], safe: false }],
    fingerprint: fingerprintOf,
    confidence: { margin: join.evidence.margin, certain: false, likely: false },
  };
}

export const brokenWrap: Rule = {
  id: 'broken-wrap',
  defaultSeverity: 'warning',
  get description() {
    return t('A paragraph cut by a line break and blank lines at a column or page break.');
  },
  check({ model, profile }, severity: Severity): Finding[] {
    const findings: Finding[] = [];
    const { text } = model;
    for (const page of model.pages) {
      for (const block of page.blocks) {
        for (const el of [...block.headline, ...block.body]) {
          for (const join of el.joins) findings.push(joinFinding(model, page, el, join, profile, severity));
        }
        block.body.forEach((el, k) => {
          const above = block.body[k - 1];
          if (el.possibleJoin && el.kind === 'paragraph' && (above?.kind === 'paragraph' || above?.kind === 'subheading'))
            findings.push(possibleJoinFinding(model, page, el.possibleJoin, severity));
        });
      }
      for (const run of page.interleaved ?? []) {
        findings.push({
          rule: 'broken-wrap',
          span: run.span,
          severity,
          message: t`These ${run.lastLine - run.firstLine + 1} lines read as two columns taken line by line: each goes on two lines below, not on the next, so no cut is joined here; set the columns apart by hand.`,
          fixes: [],
          fingerprint: fingerprint('broken-wrap', text, run.span, page.span),
        });
      }
    }
    return findings;
  },
};
