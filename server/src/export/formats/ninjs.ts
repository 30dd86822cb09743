/**
 * A record as an IPTC ninjs 2.0 news item, in the standard's own fields:
 * `uri` the identifier, `type` text (a photo item: picture), `headlines` by
 * role (kicker, main, subhead), `by`, `located` and a `dateline`
 * description from the source line, `bodies` as plain text (one paragraph a
 * line) and as HTML (subheadings as h2), each caption with its credit as an
 * associated picture, the pages as `altids`, the paper and a wire agency as
 * `infosources`, and what remains to be checked as the `ednote`. A record
 * missing a jump's other part is a `partial` representation.
 * The schema this is checked against: ./ninjs-newsprint.schema.json.
 */
import { charCount } from '../../text/chars';
import type { ExportedArticle, ExportedIssue } from '../exportedIssue';
import { byline, captions, dateline, noteLines, pageLabels, runningText } from './articleFields';

export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json';

interface Text {
  role?: string;
  contenttype?: string;
  value: string;
}

export interface NinjsItem {
  uri: string;
  type: 'text' | 'picture';
  representationtype: 'full' | 'partial';
  profile: string;
  standard: { name: string; version: string; schema: string };
  language: string;
  headlines?: Text[];
  by?: string;
  located?: string;
  descriptions?: Text[];
  bodies?: Array<Text & { charcount?: number }>;
  associations?: NinjsAssociation[];
  altids: Array<{ role: string; value: string }>;
  infosources?: Array<{ name: string }>;
  ednote?: string;
}

export interface NinjsAssociation {
  name: string;
  uri: string;
  type: 'picture';
  descriptions?: Text[];
  by?: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);

/** urn:newsprint:<issue>:<record>: unique where issue names are, and a valid URI whatever the names hold. */
export function ninjsUri(issue: ExportedIssue, article: ExportedArticle): string {
  return `urn:newsprint:${encodeURIComponent(issue.name)}:${encodeURIComponent(article.id)}`;
}

function htmlBody(article: ExportedArticle): string {
  const out: string[] = [];
  article.body.forEach((b, i) => {
    switch (b.role) {
      case 'subheading':
        out.push(`<h2>${escapeHtml(b.text)}</h2>`);
        break;
      case 'byline':
        out.push(`<p class="byline">${escapeHtml(b.text)}</p>`);
        break;
      case 'caption': {
        const credit = article.body[i + 1]?.role === 'credit' ? ` <span class="credit">${escapeHtml(article.body[i + 1]!.text)}</span>` : '';
        out.push(`<figure><figcaption>${escapeHtml(b.text)}${credit}</figcaption></figure>`);
        break;
      }
      case 'credit':
        if (article.body[i - 1]?.role !== 'caption') out.push(`<figure><figcaption><span class="credit">${escapeHtml(b.text)}</span></figcaption></figure>`);
        break;
      default:
        out.push(`<p>${escapeHtml(b.text)}</p>`);
    }
  });
  return out.join('\n');
}

export function toNinjs(issue: ExportedIssue, article: ExportedArticle): NinjsItem {
  const uri = ninjsUri(issue, article);
  const photo = article.kind === 'photo';
  const pictures = captions(article);
  const by = byline(article) ?? (photo ? pictures.find((p) => p.credit)?.credit : undefined);
  const place = article.source?.place;
  const line = dateline(article);
  const descriptions: Text[] = [
    ...(line ? [{ role: 'dateline', value: line }] : []),
    ...(photo ? pictures.flatMap((p) => (p.caption ? [{ role: 'caption', value: p.caption }] : [])) : []),
  ];
  const text = runningText(article)
    .map((b) => b.text)
    .join('\n');
  const sources = [issue.paper, article.source?.outlet].filter((x): x is string => !!x && !/^本[报刊台]$/.test(x));
  const notes = noteLines(issue, article);
  return {
    uri,
    type: photo ? 'picture' : 'text',
    representationtype: article.complete ? 'full' : 'partial',
    profile: `newsprint-${article.kind}`,
    standard: { name: 'ninjs', version: '2.0', schema: NINJS_SCHEMA_URI },
    language: 'zh',
    ...(article.headlines.length > 0 ? { headlines: article.headlines.map((h) => ({ role: h.role, value: h.text })) } : {}),
    ...(by ? { by } : {}),
    ...(place ? { located: place } : {}),
    ...(descriptions.length > 0 ? { descriptions } : {}),
    ...(text !== ''
      ? {
          bodies: [
            { role: 'main', contenttype: 'text/plain', value: text, charcount: charCount(text) },
            { role: 'richtext', contenttype: 'text/html', value: htmlBody(article) },
          ],
        }
      : {}),
    ...(!photo && pictures.length > 0
      ? {
          associations: pictures.map((p, i): NinjsAssociation => ({
            name: `picture-${i + 1}`,
            uri: `${uri}:picture-${i + 1}`,
            type: 'picture',
            ...(p.caption ? { descriptions: [{ role: 'caption', value: p.caption }] } : {}),
            ...(p.credit ? { by: p.credit } : {}),
          })),
        }
      : {}),
    altids: pageLabels(issue, article).map((value) => ({ role: 'page', value })),
    ...(sources.length > 0 ? { infosources: [...new Set(sources)].map((name) => ({ name })) } : {}),
    ...(notes.length > 0 ? { ednote: notes.join('\n') } : {}),
  };
}
