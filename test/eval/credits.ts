/**
 * The eval's own reading of who wrote an article, from the corpus text: 电头
 * at the start of a paragraph, a byline line, an end credit or author note,
 * a photo credit. Written apart from the analysis's conventions on purpose,
 * so that truth and the thing measured do not share their mistakes.
 */

const SP = '[\\s\\u00a0\\u3000]';
const OUTLET = '(?:本报|新华社|人民网|中新社|[^\\s，。、“”（）()《》]{2,8}?(?:日报|晚报|报|社|网|台))';

/** 本报北京1月31日电 （记者杜一菲）, 新华社北京2月23日电, 据新华社金边1月30日电 （记者…）. */
const LEAD = new RegExp(`^(?:据${SP}?)?${OUTLET}[^，。\\s（）()“”]{0,16}?[电讯](?:(${SP}*[（(][^）)]{1,80}[）)])${SP}*|${SP}+)`);

/** Length of the 电头 a paragraph opens with (and the spaces after it), or 0. */
export function leadSourceLength(paragraph: string): number {
  const m = LEAD.exec(paragraph);
  if (!m) return 0;
  // Without a bracket, the corpus sets no-break spaces after 电头; ordinary prose (…电视…) has none.
  if (m[1] === undefined && !/\u00a0/.test(m[0])) return 0;
  return m[0].length;
}

const ROLE = '(?:记者|通讯员|实习生|特约记者|见习记者|评论员)';

/** 本报记者 王 明 李 华, 新华社记者 X, 本报评论员: a byline line of its own. */
export function isBylineLine(line: string): boolean {
  const t = line.trim();
  return (
    t.length <= 60 &&
    new RegExp(`^(?:${OUTLET})?${SP}*(?:特约|驻[^\\s]{1,6})?${ROLE}${SP}*[\\u4e00-\\u9fff]`).test(t) &&
    !/[，。！？：]/.test(t) &&
    !/摄$|摄影$/.test(t) &&
    !/^(?:记者|评论员)(?:手记|观察|调查|札记|笔记|来信)/.test(t)
  );
}

/** 本报记者 刘 洋摄, 新华社记者 X摄, …摄影报道, 制图：X, …摄（影像中国）. */
export function isPhotoCredit(line: string): boolean {
  const t = line.trim();
  if (t.length > 60) return false;
  if (/^(?:本版)?(?:制图|图片|摄影|供图|图|漫画|设计)${SP}*[：:]/.test(t)) return true;
  return /(?:摄|摄影报道|摄影|供图|制图|绘)(?:[（(][^）)]{1,12}[）)])?$/.test(t) && !/[。！？]/.test(t);
}

/** （本报记者…）, （新华社北京1月31日电）, （作者为…）, （…整理）, （综合本报记者…报道）: a credit closing an article. */
export function isEndCredit(line: string): boolean {
  const t = line.trim();
  if (!/^[（(].*[）)]$/.test(t) || t.length > 120) return false;
  return /记者|通讯员|电[）)\s]|电$|作者|整理|采写|报道|来源|综合|编译|供稿/.test(t);
}

/**
 * Whether the corpus text of an article names its author or source anywhere.
 * A photo credit names the photographer, so it counts only for a photo item
 * (a caption or two and the credit), not for a story the scrape took the
 * byline from.
 */
export function namesAuthor(paragraphs: readonly string[]): boolean {
  const text = paragraphs.filter((p) => p !== '');
  const photoItem = text.length <= 3;
  return text.some((p) => leadSourceLength(p) > 0 || isBylineLine(p) || isEndCredit(p) || (photoItem && isPhotoCredit(p)) || /[（(](?:记者|本报记者)[^）)]{1,40}[）)]$/.test(p));
}
