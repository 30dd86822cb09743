/**
 * A record's source line read into its parts: 据新华社北京1月7日电(记者周圆)
 * is wire copy (据: edited) of 新华社, filed in 北京 on 1月7日, by 记者周圆.
 * A byline on its own line is who wrote it; an end credit (记者 赵六) is
 * read as a source line when it is one (新华社北京1月7日电), else as a byline.
 */
import { conventionsFor, type Conventions, type SourceMatch } from '../model/conventions';
import type { Source } from '../model/page';
import type { SourceInfo } from './exportedIssue';

const DATE = /([0-9０-９]{1,2}月[0-9０-９]{1,2}日)$/;
const BRACKETS = /^[（(][\s\u3000\u00a0]*|[\s\u3000\u00a0]*[)）]$/g;

function fromMatch(text: string, m: SourceMatch, placement: SourceInfo['placement']): SourceInfo {
  // Between the outlet and 电/讯: the place and the date, either of them often absent.
  let head = text.slice(0, m.length);
  if (m.reporters !== undefined) head = head.slice(0, Math.max(head.lastIndexOf('（'), head.lastIndexOf('(')));
  // What is left ends in 电 or 讯.
  head = head.trimEnd().slice(0, -1);
  const middle = head.slice(head.indexOf(m.outlet) + m.outlet.length);
  const date = DATE.exec(middle)?.[1];
  const place = (date ? middle.slice(0, -date.length) : middle).trim();
  const by = m.reporters?.trim();
  return {
    text,
    placement,
    outlet: m.outlet,
    ...(place ? { place } : {}),
    ...(date ? { date } : {}),
    ...(by ? { by } : {}),
    ...(m.abridged ? { abridged: true } : {}),
  };
}

export function sourceInfo(source: Source, conventions: Conventions = conventionsFor()): SourceInfo {
  if (source.match) return fromMatch(source.text, source.match, source.placement);
  if (source.placement === 'own-line') return { text: source.text, placement: 'own-line', by: source.text };
  const inner = source.text.replace(BRACKETS, '');
  const m = conventions.matchSourceLine(inner);
  if (m) return { ...fromMatch(inner, m, 'end'), text: source.text };
  return { text: source.text, placement: source.placement, ...(inner ? { by: inner } : {}) };
}
