/**
 * A paper's conventions in one place: who prints source lines, what page
 * furniture, box labels and column tags look like, how names are spaced,
 * and the reader's weights and thresholds. The default reads 长江日报 and
 * 人民日报 alike; a workspace extends it in `.newsprint.json` ("profile"),
 * and nothing else in the code holds a paper's words.
 */
import { DEFAULT_WEIGHTS, type ReaderWeights } from './weights';

export interface ProfileThresholds {
  /**
   * How far (in the reader's score) a cut must beat its best alternative
   * reading before fix-all may join it unattended. Below it the cut is still
   * reported and its join offered, one at a time. Chosen on the dev month so
   * that what fix-all applies is right at least 99 times in 100.
   */
  readonly certainJoin: number;
  /** The same for closing up a spread deck line: how many spaces, at least, make the spread certain. */
  readonly certainSpread: number;
  /**
   * Below this margin a cut is only possible: it is still reported, at
   * information rather than the rule's level, so a reading that could go
   * either way does not raise a warning on clean copy.
   */
  readonly likelyJoin: number;
  /** The same for an article start: a missing byline on a block the reader barely took for an article is information. */
  readonly likelyStart: number;
  /**
   * How close a cut the reader did not take must come to the new paragraph it
   * read instead to be shown as a hint, with its join offered. Chosen on the
   * dev month's print-like pages, where a cut between words with one blank
   * line looks like any paragraph break: within 1, two in three of these are
   * real cuts; within 2, one in two.
   */
  readonly possibleJoin: number;
}

export interface PaperProfile {
  /** News organisations beyond the generic forms (…日报, …晚报, …网): 楚天都市报, 极目新闻. */
  readonly outlets: readonly string[];
  /** Endings of an organisation's name in a source line: 日报, 晚报, 网, 电视台. */
  readonly outletSuffixes: readonly string[];
  /** Agencies whose name in a source line is not the paper's own. */
  readonly wireAgencies: readonly string[];
  /** What a byline calls a person: 记者, 通讯员, 实习生. */
  readonly roles: readonly string[];
  /** Labels of page furniture lines: 本版责编：X, 版式设计：X. */
  readonly furnitureLabels: readonly string[];
  /** Endings of a masthead: 日报, 晚报. */
  readonly mastheadSuffixes: readonly string[];
  /** Lines that are a photo credit by themselves: 人民视觉, 新华社发. */
  readonly creditLabels: readonly string[];
  /** Box labels inside an article, not headlines: 核心阅读, 记者手记, 链接. */
  readonly boxLabels: readonly string[];
  /** Kickers of opinion pieces: 社论, 评论员文章. */
  readonly commentaryKickers: readonly string[];
  /** Words in a column tag after a headline that make the piece opinion: （人民时评）, （新论）, （今日谈）. */
  readonly commentaryTags: readonly string[];
  /** Headings of brief boxes, which carry no byline: 速览, 简讯. */
  readonly briefHeadings: readonly string[];
  /** Headings of teaser boxes: 今日导读, 要闻提要. */
  readonly teaserHeadings: readonly string[];
  /** Headlines of photo items: 图片报道, 图片新闻. */
  readonly itemHeadings: readonly string[];
  /** Cross-references, which are neither source lines nor markers: 相关报道见, 讲话全文见. */
  readonly crossReferences: readonly string[];
  /**
   * The paper spreads a two-character name to the width of a three-character
   * one (本报记者 王 明 李 华): spaces inside bylines and credits are its
   * typesetting, never a fault to close up.
   */
  readonly nameSpacing: boolean;
  readonly thresholds: ProfileThresholds;
  readonly weights: ReaderWeights;
}

export const DEFAULT_PROFILE: PaperProfile = {
  outlets: ['新华社', '中新社', '中通社', '本报', '本刊', '本台'],
  outletSuffixes: ['日报', '晚报', '时报', '商报', '早报', '晨报', '都市报', '青年报', '报', '网', '社', '电视台', '台', '融媒体', '客户端', '新闻'],
  wireAgencies: ['新华社', '中新社', '中通社'],
  roles: ['首席记者', '特约记者', '见习记者', '实习记者', '记者', '通讯员', '实习生', '特约撰稿人', '撰稿'],
  furnitureLabels: [
    '本版责编',
    '责任编辑',
    '责编',
    '本版编辑',
    '编辑',
    '版式设计',
    '版式',
    '美术编辑',
    '美编',
    '图片编辑',
    '校对',
    '本版校对',
    '本版邮箱',
    '邮箱',
    '电子邮箱',
    '新闻热线',
    '热线',
    '电话',
    '传真',
    '版面设计',
    '制版',
    '视觉设计',
    '本版制图',
    '本版图片',
    '稿件统筹',
    '本期统筹',
    '统筹',
    '栏目投稿邮箱',
    '投稿邮箱',
    '栏目主持',
    '本版主编',
    '主编',
  ],
  creditLabels: ['人民视觉', '影像中国', '视觉中国', '新华社发', '（新华社发）', '(新华社发)', '东方IC', '资料图片', '图片来源：网络'],
  mastheadSuffixes: ['日报', '晚报', '时报', '商报', '早报', '晨报', '都市报', '青年报'],
  boxLabels: [
    '核心阅读',
    '编者的话',
    '记者手记',
    '链接',
    '相关链接',
    '延伸阅读',
    '背景链接',
    '新闻链接',
    '小资料',
    '数据',
    '点评',
    '短评',
    '编后',
    '编后语',
    '记者观察',
    '专家点评',
    '微观察',
    '声音',
    '微阅读',
    '延伸',
    '小贴士',
  ],
  commentaryKickers: ['社论', '本报社论', '评论员文章', '本报评论员', '短评', '时评', '编辑部文章'],
  commentaryTags: ['评', '论', '谈', '观', '新语', '随笔', '纵横', '望海楼', '听风', '手记', '手笔'],
  briefHeadings: ['速览', '简讯', '快讯', '要闻简报', '新闻速递', '一周', '图说', '图片新闻'],
  teaserHeadings: ['今日导读', '导读', '要闻提要', '本期导读', '今日看点', '内容提要'],
  itemHeadings: ['图片报道', '图片新闻', '图说新闻', '组图'],
  crossReferences: ['相关报道见', '详见', '讲话全文见', '全文见', '报道见', '另见', '更多报道见', '详细报道见'],
  nameSpacing: true,
  // Chosen on held-out days of the dev month (fitted on days 1–14, read on 15–28): at a margin of 5 what fix-all joins is right
  // 996 times in 1,000 in the PDF-like rendering, at 3 only 985; below 2, a reported cut is wrong more often than right.
  thresholds: { certainJoin: 5, certainSpread: 3, likelyJoin: 2, likelyStart: 2, possibleJoin: 1 },
  weights: DEFAULT_WEIGHTS,
};

/** What `.newsprint.json` may say under "profile": more words for each list, other thresholds. */
export interface ProfileExtension {
  readonly outlets?: readonly string[];
  readonly outletSuffixes?: readonly string[];
  readonly wireAgencies?: readonly string[];
  readonly roles?: readonly string[];
  readonly furnitureLabels?: readonly string[];
  readonly mastheadSuffixes?: readonly string[];
  readonly boxLabels?: readonly string[];
  readonly creditLabels?: readonly string[];
  readonly commentaryKickers?: readonly string[];
  readonly commentaryTags?: readonly string[];
  readonly briefHeadings?: readonly string[];
  readonly teaserHeadings?: readonly string[];
  readonly itemHeadings?: readonly string[];
  readonly crossReferences?: readonly string[];
  readonly nameSpacing?: boolean;
  readonly thresholds?: Partial<ProfileThresholds>;
}

export const PROFILE_LISTS = [
  'outlets',
  'outletSuffixes',
  'wireAgencies',
  'roles',
  'furnitureLabels',
  'mastheadSuffixes',
  'boxLabels',
  'creditLabels',
  'commentaryKickers',
  'commentaryTags',
  'briefHeadings',
  'teaserHeadings',
  'itemHeadings',
  'crossReferences',
] as const;

/** The default with a workspace's additions: lists are extended (never shortened), thresholds replaced. */
export function extendProfile(base: PaperProfile, ext: ProfileExtension | undefined): PaperProfile {
  if (!ext) return base;
  const out: Record<string, unknown> = { ...base };
  for (const key of PROFILE_LISTS) {
    const more = ext[key];
    if (more && more.length > 0) out[key] = [...new Set([...base[key], ...more])];
  }
  if (ext.nameSpacing !== undefined) out.nameSpacing = ext.nameSpacing;
  if (ext.thresholds) out.thresholds = { ...base.thresholds, ...ext.thresholds };
  return out as unknown as PaperProfile;
}
