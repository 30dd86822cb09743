/**
 * The workspace file `.newsprint.json`, read by the language server and the
 * checker alike: rule levels for the workspace or one file, the findings a
 * person chose to ignore (by fingerprint, so they survive edits elsewhere),
 * the paper's name and source line, and how page files are named.
 */
// The ES module build: the UMD one that `main` names loads its parts with a require esbuild cannot follow.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { IgnoreSet } from '../analysis';
import { PROFILE_LISTS, type ProfileExtension } from '../model/profile';
import { RULE_IDS, isRuleId, type RuleId, type RuleLevel } from '../rules/finding';
import { t } from '../l10n/t';

export const CONFIG_FILE = '.newsprint.json';

export interface IgnoredFinding {
  readonly rule: RuleId;
  readonly fingerprint: string;
  /** Path relative to the config file: the ignore holds for this file only. Without it, for every file under the config. */
  readonly file?: string;
  /** In a one-file issue, the page (A2, 5) the ignore holds for; without it, every page of the file. */
  readonly page?: string;
  /** What was ignored, for people reading it. */
  readonly text?: string;
}

export interface WorkspaceConfig {
  readonly rules: Partial<Record<RuleId, RuleLevel>>;
  readonly files: Readonly<Record<string, { readonly rules: Partial<Record<RuleId, RuleLevel>> }>>;
  readonly ignore: readonly IgnoredFinding[];
  readonly paperName?: string;
  readonly bylineTemplate?: string;
  /** Like the setting newsprint.pageFileNamePattern: a regular expression whose first group is the page in a file name. */
  readonly pageFileNamePattern?: string;
  /** More of the paper's conventions than the default profile holds, and other thresholds (model/profile.ts). */
  readonly profile?: ProfileExtension;
}

export const EMPTY_CONFIG: WorkspaceConfig = { rules: {}, files: {}, ignore: [] };

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

function parseRules(value: unknown, problems: string[], where: string): Partial<Record<RuleId, RuleLevel>> {
  const rules: Partial<Record<RuleId, RuleLevel>> = {};
  if (value === undefined) return rules;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(t`${where} must be an object of rule ids to levels`);
    return rules;
  }
  for (const [id, level] of Object.entries(value)) {
    if (!isRuleId(id)) problems.push(t`${where}: unknown rule “${id}” (rules: ${RULE_IDS.join(', ')})`);
    else if (typeof level !== 'string' || !LEVELS.has(level)) problems.push(t`${where}.${id}: level must be error, warning, information, hint or off`);
    else rules[id] = level as RuleLevel;
  }
  return rules;
}

/** The keys Newsprint reads; others ($schema, notes, keys of a later version) are kept as they are and said once. */
export const CONFIG_KEYS = ['$schema', 'rules', 'files', 'ignore', 'paperName', 'bylineTemplate', 'pageFileNamePattern', 'profile'] as const;

/** What a profile may hold, at most: words of a paper's conventions are short, and there are not thousands of them. */
export const PROFILE_LIMITS = { words: 500, wordLength: 40, threshold: 100 } as const;

const THRESHOLDS = ['certainJoin', 'certainSpread', 'likelyJoin', 'likelyStart', 'possibleJoin'] as const;

/** The "profile" key: lists of words and thresholds, each checked; what is wrong is said and left out. */
function parseProfile(value: unknown, problems: string[]): ProfileExtension | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(t('profile must be an object (lists of words, nameSpacing, thresholds)'));
    return undefined;
  }
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(obj)) {
    if ((PROFILE_LISTS as readonly string[]).includes(key)) {
      if (!Array.isArray(v) || v.length > PROFILE_LIMITS.words || !v.every((w) => typeof w === 'string' && w.length > 0 && w.length <= PROFILE_LIMITS.wordLength)) {
        problems.push(t`profile.${key} must be a list of at most ${PROFILE_LIMITS.words} words of 1–${PROFILE_LIMITS.wordLength} characters`);
      } else out[key] = v;
    } else if (key === 'nameSpacing') {
      if (typeof v === 'boolean') out[key] = v;
      else problems.push(t('profile.nameSpacing must be true or false'));
    } else if (key === 'thresholds') {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        problems.push(t('profile.thresholds must be an object'));
        continue;
      }
      const limits: Record<string, number> = {};
      for (const [name, n] of Object.entries(v as Record<string, unknown>)) {
        if (!(THRESHOLDS as readonly string[]).includes(name)) problems.push(t`profile.thresholds: unknown threshold “${name}” (${THRESHOLDS.join(', ')})`);
        else if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > PROFILE_LIMITS.threshold)
          problems.push(t`profile.thresholds.${name} must be a number from 0 to ${PROFILE_LIMITS.threshold}`);
        else limits[name] = n;
      }
      out[key] = limits;
    } else problems.push(t`profile: unknown key “${key}” (kept, not read)`);
  }
  return out;
}

/** Where the text fails to be JSON with comments, as people count lines and columns; undefined when it does not. */
export function syntaxError(text: string): string | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, PARSE_OPTIONS);
  const first = errors[0];
  if (!first) return undefined;
  const before = text.slice(0, first.offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = first.offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  // The error's name only: a parser's snippet of the text could carry what the file holds into logs.
  return t`line ${line}, column ${column}: ${printParseErrorCode(first.error)}`;
}

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };

/**
 * Parses the file's text as JSON with comments (as VS Code reads its own
 * settings). Problems are reported, never thrown; a file that is not JSON
 * applies not at all until it is fixed, and the valid rest of one that is
 * applies as far as it goes.
 */
export function parseWorkspaceConfig(text: string): { config: WorkspaceConfig; problems: string[]; unusable?: true } {
  const problems: string[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const broken = syntaxError(body);
  if (broken) return { config: EMPTY_CONFIG, problems: [t`not valid JSON at ${broken}; nothing of it applies until it is fixed`], unusable: true };
  const raw: unknown = parse(body, [], PARSE_OPTIONS);
  if (raw === undefined) return { config: EMPTY_CONFIG, problems: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { config: EMPTY_CONFIG, problems: [t('must hold a JSON object')], unusable: true };
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (!(CONFIG_KEYS as readonly string[]).includes(key)) problems.push(t`unknown key “${key}” (kept, not read)`);
  const files: Record<string, { rules: Partial<Record<RuleId, RuleLevel>> }> = {};
  if (obj.files !== undefined && typeof obj.files === 'object' && obj.files !== null) {
    for (const [path, entry] of Object.entries(obj.files as Record<string, unknown>)) {
      const rules = parseRules((entry as { rules?: unknown } | null)?.rules, problems, `files.${path}.rules`);
      files[path] = { rules };
    }
  }
  const ignore: IgnoredFinding[] = [];
  if (Array.isArray(obj.ignore)) {
    for (const item of obj.ignore as unknown[]) {
      const i = item as Partial<IgnoredFinding> | null;
      if (!i || typeof i.fingerprint !== 'string' || typeof i.rule !== 'string' || !isRuleId(i.rule)) problems.push(t('ignore: each entry needs a rule and a fingerprint'));
      else if ((i.file !== undefined && typeof i.file !== 'string') || (i.page !== undefined && typeof i.page !== 'string'))
        problems.push(t('ignore: an entry’s file and page are strings'));
      else ignore.push(i as IgnoredFinding);
    }
  }
  const config: WorkspaceConfig = {
    rules: parseRules(obj.rules, problems, 'rules'),
    files,
    ignore,
    ...(typeof obj.paperName === 'string' ? { paperName: obj.paperName } : {}),
    ...(typeof obj.bylineTemplate === 'string' ? { bylineTemplate: obj.bylineTemplate } : {}),
    ...(typeof obj.pageFileNamePattern === 'string' && obj.pageFileNamePattern !== '' ? { pageFileNamePattern: obj.pageFileNamePattern } : {}),
  };
  const profile = parseProfile(obj.profile, problems);
  return { config: profile ? { ...config, profile } : config, problems };
}

/** Rule levels for one file: workspace levels, then the file's own. `relative` uses forward slashes. */
export function rulesFor(config: WorkspaceConfig, relative: string): Partial<Record<RuleId, RuleLevel>> {
  return { ...config.rules, ...(config.files[relative]?.rules ?? {}) };
}

/**
 * The ignores that hold for one file (`relative` to the config file, with
 * forward slashes): entries naming it, and entries naming no file. An entry
 * naming a page holds on that page only.
 */
export function ignoresFor(config: WorkspaceConfig, relative: string): IgnoreSet {
  const everywhere = new Set<string>();
  const onPages = new Map<string, Set<string>>();
  for (const i of config.ignore) {
    if (i.file !== undefined && i.file !== relative) continue;
    if (i.page === undefined) everywhere.add(i.fingerprint);
    else {
      let pages = onPages.get(i.fingerprint);
      if (!pages) onPages.set(i.fingerprint, (pages = new Set()));
      pages.add(i.page);
    }
  }
  return { has: (fingerprint, page) => everywhere.has(fingerprint) || (page !== undefined && onPages.get(fingerprint)?.has(page) === true) };
}
