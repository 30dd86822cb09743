/**
 * The server's settings, read in one place and typed. Clients that support
 * workspace/configuration are asked per document (settings may differ per
 * folder); the others get defaults and whatever didChangeConfiguration sent.
 */
import type { Connection } from 'vscode-languageserver';
import { isRuleId, type RuleId, type RuleLevel } from '../rules/finding';
import { DEFAULT_MAX_PROBLEMS } from '../analysis';
import type { DictionaryChoice } from '../jieba/nodejieba';
import type { MissingPageLevel } from '../issue/crossPage';

export interface Settings {
  readonly rules: Partial<Record<RuleId, RuleLevel>>;
  readonly paperName: string;
  readonly bylineTemplate: string;
  readonly userDictionary: string;
  readonly dictionary: DictionaryChoice;
  readonly maxProblems: number;
  readonly pageFileNamePattern: string;
  /** What a jump to or from a page that is not in the workspace reports. */
  readonly crossPageMissingPage: MissingPageLevel;
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  paperName: '',
  bylineTemplate: '',
  userDictionary: '',
  dictionary: 'trimmed',
  maxProblems: DEFAULT_MAX_PROBLEMS,
  pageFileNamePattern: '',
  crossPageMissingPage: 'off',
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
  const max = typeof r.maxProblems === 'number' && r.maxProblems >= 1 ? Math.floor(r.maxProblems) : DEFAULT_MAX_PROBLEMS;
  return {
    rules,
    paperName: str(r.paperName),
    bylineTemplate: str(r.bylineTemplate),
    userDictionary: str(r.userDictionary),
    dictionary: seg?.dictionary === 'full' ? 'full' : 'trimmed',
    maxProblems: max,
    pageFileNamePattern: str(r.pageFileNamePattern),
    crossPageMissingPage: crossPage?.missingPage === 'information' ? 'information' : 'off',
  };
}

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<Settings>>();
  private pushed: Settings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
  ) {}

  /** Settings from didChangeConfiguration, for clients that cannot be asked. */
  update(raw: unknown): void {
    this.perUri.clear();
    const section = (raw as { newsprint?: unknown } | null)?.newsprint;
    if (section !== undefined) this.pushed = parseSettings(section);
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  get(uri: string): Promise<Settings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let s = this.perUri.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'newsprint' })
        .then(parseSettings, () => this.pushed);
      this.perUri.set(uri, s);
    }
    return s;
  }
}
