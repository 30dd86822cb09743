/**
 * The server's settings, read in one place and typed. Clients that support
 * workspace/configuration are asked per workspace folder (resource settings
 * differ per folder, never per file); the others get defaults and whatever
 * didChangeConfiguration sent.
 */
import type { Connection } from 'vscode-languageserver';
import type { DictionaryChoice } from '../jieba/nodejieba';
import { isRuleId, type RuleId, type RuleLevel } from '../rules/finding';
import { DEFAULT_SETTINGS as FRONT_END_DEFAULTS, type FrontEndSettings } from '../workspace/fileConfig';

/** VS Code keeps at most 1,000 diagnostics per file: the default leaves room for the one that counts the rest. */
export const DEFAULT_MAX_PROBLEMS = 999;
/** More is never shown by VS Code and only costs: at 1e9 on a hostile page, a 51 MB publish and 50 s per keystroke. */
export const MAX_PROBLEMS_LIMIT = 5000;

export interface Settings extends FrontEndSettings {
  readonly userDictionary: string;
  readonly dictionary: DictionaryChoice;
  /** At most this many diagnostics are published per document; the rest are counted. */
  readonly maxProblems: number;
}

export const DEFAULT_SETTINGS: Settings = {
  ...FRONT_END_DEFAULTS,
  userDictionary: '',
  dictionary: 'trimmed',
  maxProblems: DEFAULT_MAX_PROBLEMS,
};

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Accepts whatever the client sent, keeping only well-formed values. */
export function parseSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const r = raw as Record<string, unknown>;
  const rules: Partial<Record<RuleId, RuleLevel>> = {};
  if (typeof r.rules === 'object' && r.rules !== null) {
    for (const [id, level] of Object.entries(r.rules as Record<string, unknown>)) {
      if (isRuleId(id) && typeof level === 'string' && LEVELS.has(level)) rules[id] = level as RuleLevel;
    }
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const seg = r.segmentation as { dictionary?: unknown } | undefined;
  const crossPage = r.crossPage as { missingPage?: unknown } | undefined;
  const max = typeof r.maxProblems === 'number' && r.maxProblems >= 1 ? Math.min(Math.floor(r.maxProblems), MAX_PROBLEMS_LIMIT) : DEFAULT_MAX_PROBLEMS;
  return {
    rules,
    paperName: str(r.paperName),
    bylineTemplate: str(r.bylineTemplate),
    userDictionary: str(r.userDictionary),
    dictionary: seg?.dictionary === 'full' ? 'full' : 'trimmed',
    maxProblems: max,
    pageFileNamePattern: str(r.pageFileNamePattern),
    missingPage: crossPage?.missingPage === 'information' ? 'information' : 'off',
  };
}

export class SettingsStore {
  private pushed: Settings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
  ) {}

  /** Settings from didChangeConfiguration, for clients that cannot be asked. */
  update(raw: unknown): void {
    const section = (raw as { newsprint?: unknown } | null)?.newsprint;
    if (section !== undefined) this.pushed = parseSettings(section);
  }

  /** The settings of a workspace folder (its URI), or of the window when `scope` is undefined. */
  async get(scope: string | undefined): Promise<Settings> {
    if (!this.canPull) return this.pushed;
    try {
      return parseSettings(await this.connection.workspace.getConfiguration({ ...(scope ? { scopeUri: scope } : {}), section: 'newsprint' }));
    } catch {
      return this.pushed;
    }
  }
}
