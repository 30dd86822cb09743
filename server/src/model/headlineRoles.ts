/**
 * The roles of a headline deck's lines: 引题 (kicker), 主题 (main headline),
 * 副题 (subhead). Raw text has no type sizes, so the roles are read from the
 * words: a subhead opens with —— or a bracket or names who attended (出席,
 * 陪同); a kicker ends by leading into the next line (——, ：, 强调). Of two
 * lines with neither cue, the first is the kicker: in 人民日报's February
 * 2019, kicker and main outnumber main and subhead two to one.
 */
/** What a line of a deck does: the export names them so, and the editor colours them so. */
export type HeadlineRole = 'kicker' | 'main' | 'subhead';

const OPENS_SUBHEAD = /^[—–-]{1,2}|^[（(]/;
const ATTENDANCE = /(?:出席|陪同|参加会见|参加|主持|会见)$/;
const LEADS_ON = /(?:[—–]{1,2}|[：:]|强调|指出|表示|要求|提出)$/;
/** A column tag closes the main headline: 社区食堂，吃出新滋味（民生观察）. */
const COLUMN_TAG = /[（(][^（）()]{1,16}[）)]$/;

function mainThenSubhead(first: string, second: string): boolean {
  if (LEADS_ON.test(first)) return false;
  if (OPENS_SUBHEAD.test(second) || ATTENDANCE.test(second)) return true;
  if (COLUMN_TAG.test(second)) return false;
  return COLUMN_TAG.test(first);
}

/** One role per deck line, in order. */
export function headlineRoles(lines: readonly string[]): HeadlineRole[] {
  if (lines.length === 0) return [];
  if (lines.length === 1) return ['main'];
  if (lines.length === 2) return mainThenSubhead(lines[0]!, lines[1]!) ? ['main', 'subhead'] : ['kicker', 'main'];
  return ['kicker', 'main', ...lines.slice(2).map((): HeadlineRole => 'subhead')];
}
