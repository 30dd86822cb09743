/**
 * missing-byline: a news article with no source line or byline, neither at
 * the start of its first paragraph, on its own line under the headline, nor
 * as a credit at the end. Continued parts, commentary, photo items, teasers,
 * briefs and furniture carry none by nature; an article that jumps to
 * another page may carry its credit at the end of the continued part there.
 */
import { conventionsFor, type Conventions } from '../model/conventions';
import { TEXT_KINDS, type Block, type Marker, type Page, type Span } from '../model/page';
import { unsure, type Finding, type Fix, type Severity } from './finding';
import { fingerprint } from './fingerprint';
import { isBefore } from '../text/numerals';
import { t } from '../l10n/t';
import type { Rule, RuleContext } from './rule';

export function sourceLineFor(context: RuleContext): string {
  const paper = context.paperName ?? context.model.paperName ?? '本报';
  const template = context.bylineTemplate && context.bylineTemplate.trim() !== '' ? context.bylineTemplate : '{paper}讯（记者 ）';
  return template.replace(/\{paper\}/g, paper);
}

/** A box the reader set apart: under a box label alone (链 接), or a headline tagged as one (…（链接）, …（小贴士）). */
function isBox(block: Block, c: Conventions): boolean {
  const h = block.headline;
  if (h.length === 1 && c.isBoxLabel(h[0]!.text)) return true;
  const tag = h.length > 0 ? c.columnTag(h[h.length - 1]!.text) : undefined;
  return tag !== undefined && c.isBoxLabel(tag);
}

/**
 * Whether the rule asks this article for a source line or byline at all: a
 * news article under a headline, with text and none of its own, that is
 * neither under a brief heading nor a box (链接, 背景) the reader set apart,
 * and not closed by the credit of the box it ends with. The paper sets a box
 * at the foot of its article and the article's credit after the box, so the
 * credit the reader gave the box names the article above it too.
 */
export function asksByline(block: Block, page: Page, c: Conventions): boolean {
  if (block.kind !== 'article' || block.source || block.headline.length === 0 || !block.body.some((e) => e.kind === 'paragraph')) return false;
  if (block.headline.some((h) => c.isBriefHeading(h.text)) || isBox(block, c)) return false;
  const next = page.blocks[page.blocks.indexOf(block) + 1];
  return !(next && next.source?.placement === 'end' && isBox(next, c));
}

/**
 * The onward markers of an article that can be its jump: after some of its
 * text, and to a later page. A marker right under the headline or pointing
 * back is a misplaced one (orphaned-continuation says so); it is no sign that
 * the credit went to another page.
 */
export function jumpsOf(block: Block, page: Page): Marker[] {
  const firstText = block.body.find((e) => TEXT_KINDS.has(e.kind));
  if (!firstText) return [];
  return block.markers.filter((m) => m.direction === 'onward' && m.span.start >= firstText.span.start && isBefore(page.ref, m.page));
}

/**
 * An article that jumps is left to the issue (crossPage.ts): its credit may
 * close the continued part on the other page, which this page cannot see.
 */
function needsByline(block: Block, page: Page, c: Conventions): boolean {
  return asksByline(block, page, c) && jumpsOf(block, page).length === 0;
}

/**
 * Where the rule's finding on an article stands and how it is known: its
 * headline, its fingerprint, how sure the reader was that an article starts
 * there, and where its source line would go. The finding about an
 * article that jumps is made from the same, so one ignore holds for both.
 */
export function bylineQuestion(block: Block, page: Page, text: string): { span: Span; fingerprint: string; margin: number; insertAt: number } {
  const h = block.headline;
  const span = { start: h[0]!.span.start, end: h[h.length - 1]!.span.end };
  return {
    span,
    fingerprint: fingerprint('missing-byline', text, span, page.span),
    margin: block.start?.margin ?? Infinity,
    insertAt: block.body.find((e) => e.kind === 'paragraph')!.span.start,
  };
}

/**
 * The first block below that carries a credit, when every block between
 * starts where the reader was unsure an article starts: if those headings
 * are the article's subheadings (a quoted one, “永远做忠诚卫士”, reads as a
 * headline), the credit that closes them is this article's own. An edge the
 * reader was sure of ends the search.
 */
export function creditBelow(block: Block, page: Page, likelyStart: number): Block | undefined {
  for (let k = page.blocks.indexOf(block) + 1; k < page.blocks.length; k++) {
    const next = page.blocks[k]!;
    if (next.kind !== 'article' || next.start === undefined || next.start.margin >= likelyStart) return undefined;
    if (next.source) return next;
  }
  return undefined;
}

/** The rule's one fix, also offered on the finding for an article that jumps: never safe, since the name is the user's to type. */
export function insertSourceLine(at: number, line: string): Fix {
  return { title: t`Insert the source line ${line}`, edits: [{ start: at, end: at, newText: line }], safe: false };
}

export const missingByline: Rule = {
  id: 'missing-byline',
  defaultSeverity: 'warning',
  get description() {
    return t('A news article with no source line or byline.');
  },
  check(context, severity: Severity): Finding[] {
    const { model } = context;
    const findings: Finding[] = [];
    const line = sourceLineFor(context);
    const c = conventionsFor(context.profile);
    const { likelyStart } = context.profile.thresholds;
    for (const page of model.pages) {
      for (const block of page.blocks) {
        if (!needsByline(block, page, c)) continue;
        const h = block.headline;
        const { span, fingerprint: id, margin, insertAt } = bylineQuestion(block, page, model.text);
        const headline = h.map((e) => e.text).join(' ');
        // A block the reader barely took for an article (it may be a subheading) lacks a byline only if it is one;
        // one whose credit may stand below a heading the reader barely took for a new article lacks one only if that heading starts one.
        const below = margin >= likelyStart ? creditBelow(block, page, likelyStart) : undefined;
        const likely = margin >= likelyStart && below === undefined;
        const belowHeadline = below ? below.headline.map((e) => e.text).join(' ') : '';
        findings.push({
          rule: 'missing-byline',
          span,
          severity: likely ? severity : unsure(severity),
          message: likely
            ? t`“${headline}” has no source line or byline.`
            : below
              ? t`“${headline}” has no source line or byline, unless “${belowHeadline}” below is its subheading and the credit there is its own.`
              : t`“${headline}” has no source line or byline (if it is an article: it may be a subheading of the one above).`,
          ...(below ? { related: [{ span: below.source!.span, message: t('The credit here may be its own.') }] } : {}),
          // Never fix-all: it inserts text the page does not hold, and the name is the user's to type.
          fixes: [insertSourceLine(insertAt, line)],
          fingerprint: id,
          ...(Number.isFinite(margin) ? { confidence: { margin, certain: false, likely } } : {}),
        });
      }
    }
    return findings;
  },
};
