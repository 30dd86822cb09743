/**
 * One file's configuration, from the front end's settings and the
 * `.newsprint.json` above the file, merged in one place with one precedence,
 * lowest first:
 *
 *   1. built-in defaults (each rule's level, the built-in page names);
 *   2. the front end's settings: VS Code's `newsprint.*` (user, workspace,
 *      folder), or the checker's options;
 *   3. `.newsprint.json`: its top-level keys;
 *   4. its `files` entry for the file (rule levels).
 *
 * The file wins over the editor because it is what the checker reads too:
 * a repository's `.newsprint.json` gives the same answer in CI as on a
 * desk. Ignores apply to the file they name (or to every file when they name
 * none), and to the page they name in a one-file issue.
 */
import { DEFAULT_PROFILE, extendProfile, type PaperProfile, type ProfileExtension } from '../model/profile';
import type { AnalysisConfig } from '../analysis';
import type { CrossPageOptions, MissingPageLevel } from '../issue/crossPage';
import type { NamePattern } from '../model/pageNames';
import { orphanedContinuation } from '../rules/orphanedContinuation';
import { missingByline } from '../rules/missingByline';
import type { RuleId, RuleLevel } from '../rules/finding';
import { ignoresFor, rulesFor } from './configFile';
import { relativeKey, type FoundConfig } from './configFinder';
import { t } from '../l10n/t';

/** What a front end says about analysis: the settings the server reads from the editor, the options the checker is given. */
export interface FrontEndSettings {
  readonly rules: Partial<Record<RuleId, RuleLevel>>;
  /** Empty: detected from the page. */
  readonly paperName: string;
  /** Empty: the built-in template. */
  readonly bylineTemplate: string;
  /** Empty: the built-in page names. */
  readonly pageFileNamePattern: string;
  readonly missingPage: MissingPageLevel;
}

export const DEFAULT_SETTINGS: FrontEndSettings = { rules: {}, paperName: '', bylineTemplate: '', pageFileNamePattern: '', missingPage: 'off' };

/**
 * What a setting or a config file may hold. A paper's name is a few
 * characters (人民日报海外版 is seven) and a source line a few dozen; a
 * repository's config that sets a 254 KB template would otherwise insert it
 * into every page, and its expansion ran to 800 million characters. The
 * schema of .newsprint.json and package.json declare the same limits.
 */
export const LIMITS = { paperName: 40, bylineTemplate: 100, sourceLine: 200, pageFileNamePattern: 256 } as const;

export interface FileConfig {
  readonly analysis: AnalysisConfig;
  readonly crossPage: CrossPageOptions;
  /** The pattern that numbers pages by file name, when one is set, and its text. */
  readonly pattern?: NamePattern;
  readonly patternText?: string;
  /** Said once per distinct text: a pattern that does not compile. */
  readonly problems: readonly string[];
  /** Everything that decides the file's findings, as one string: two configurations with the same signature give the same answers. */
  readonly signature: string;
}

/** A pattern as a NamePattern, or why it cannot be one. */
export type CompilePattern = (source: string) => { pattern: NamePattern } | { problem: string };

/** A text setting within its limit, or empty (the default) with a problem said. */
function bounded(value: string, max: number, name: string, problems: string[]): string {
  if (value.length <= max) return value;
  problems.push(t`${name} is longer than ${max} characters (${value.length}); it is not used`);
  return '';
}

/**
 * The configuration of the file at `path` (undefined for documents that are
 * not files: they get the settings alone).
 */
export interface FileConfigOptions {
  readonly compile: CompilePattern;
  /**
   * False in an untrusted workspace: its .newsprint.json may not choose which
   * files are pages (VS Code already keeps its settings from doing so).
   */
  readonly trusted: boolean;
}

/**
 * One profile object per distinct extension: files under the same
 * .newsprint.json read with the very same profile, so what is cached by
 * profile (compiled conventions, models) is shared between them.
 */
const profiles = new Map<string, PaperProfile>();

function profileOf(ext: ProfileExtension | undefined): PaperProfile | undefined {
  if (!ext) return undefined;
  const key = JSON.stringify(ext);
  let p = profiles.get(key);
  if (!p) {
    // A workspace sets only a few; a bound keeps a session that sees many from holding them all.
    if (profiles.size >= 64) profiles.clear();
    profiles.set(key, (p = extendProfile(DEFAULT_PROFILE, ext)));
  }
  return p;
}

export function fileConfig(path: string | undefined, settings: FrontEndSettings, found: FoundConfig | undefined, options: FileConfigOptions): FileConfig {
  const config = found?.path ? found.config : undefined;
  const relative = path && found ? relativeKey(found.root, path) : undefined;
  const rules = { ...settings.rules, ...(config && relative !== undefined ? rulesFor(config, relative) : (config?.rules ?? {})) };
  const problems: string[] = [];
  const paperName = bounded(config?.paperName || settings.paperName, LIMITS.paperName, 'paperName', problems);
  const template = bounded(config?.bylineTemplate || settings.bylineTemplate, LIMITS.bylineTemplate, 'bylineTemplate', problems);
  // The longest name {paper} can stand for, however often the template names it.
  const expanded = template.replace(/\{paper\}/g, 'x'.repeat(Math.max(paperName.length, LIMITS.paperName)));
  const bylineTemplate = expanded.length > LIMITS.sourceLine ? '' : template;
  if (template && !bylineTemplate) problems.push(t`bylineTemplate would make a source line longer than ${LIMITS.sourceLine} characters; the built-in one applies`);
  const ignore = config && relative !== undefined ? config.ignore.filter((i) => i.file === undefined || i.file === relative) : [];
  const ignored = config && relative !== undefined ? ignoresFor(config, relative) : undefined;
  const fromFile = config?.pageFileNamePattern && options.trusted ? config.pageFileNamePattern : undefined;
  if (config?.pageFileNamePattern && !options.trusted) problems.push(t`pageFileNamePattern in ${found?.path ?? '.newsprint.json'} is not used in an untrusted workspace`);
  const patternSource = fromFile ? t`pageFileNamePattern in ${found?.path ?? '.newsprint.json'}` : 'newsprint.pageFileNamePattern';
  const patternText = bounded(fromFile || settings.pageFileNamePattern, LIMITS.pageFileNamePattern, patternSource, problems);
  let pattern: NamePattern | undefined;
  if (patternText) {
    const compiled = options.compile(patternText);
    if ('pattern' in compiled) pattern = compiled.pattern;
    else problems.push(t`${patternSource} does not compile (${compiled.problem}); the built-in page names apply`);
  }
  const profile = profileOf(config?.profile);
  const analysis: AnalysisConfig = {
    rules,
    ...(profile ? { profile } : {}),
    ...(paperName ? { paperName } : {}),
    ...(bylineTemplate ? { bylineTemplate } : {}),
    ...(ignored ? { ignored } : {}),
  };
  const crossPage: CrossPageOptions = {
    level: rules['orphaned-continuation'] ?? orphanedContinuation.defaultSeverity,
    missingPage: settings.missingPage,
    byline: { level: rules['missing-byline'] ?? missingByline.defaultSeverity, likelyStart: (profile ?? DEFAULT_PROFILE).thresholds.likelyStart },
    ...(ignored ? { ignored } : {}),
  };
  const signature = JSON.stringify([
    rules,
    paperName,
    bylineTemplate,
    ignore.map((i) => [i.fingerprint, i.page ?? '']).sort(),
    pattern ? patternText : '',
    settings.missingPage,
    config?.profile ?? null,
  ]);
  return { analysis, crossPage, ...(pattern ? { pattern, patternText } : {}), problems, signature };
}
