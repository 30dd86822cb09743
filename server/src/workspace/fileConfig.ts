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
import type { AnalysisConfig } from '../analysis';
import type { CrossPageOptions, MissingPageLevel } from '../issue/crossPage';
import type { NamePattern } from '../model/pageNames';
import { orphanedContinuation } from '../rules/orphanedContinuation';
import type { RuleId, RuleLevel } from '../rules/finding';
import { ignoresFor, rulesFor } from './configFile';
import { relativeKey, type FoundConfig } from './configFinder';

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

export const compileRegExp: CompilePattern = (source) => {
  try {
    return { pattern: new RegExp(source) };
  } catch (err) {
    return { problem: (err as Error).message };
  }
};

/**
 * The configuration of the file at `path` (undefined for documents that are
 * not files: they get the settings alone).
 */
export function fileConfig(path: string | undefined, settings: FrontEndSettings, found: FoundConfig | undefined, compile: CompilePattern = compileRegExp): FileConfig {
  const config = found?.path ? found.config : undefined;
  const relative = path && found ? relativeKey(found.root, path) : undefined;
  const rules = { ...settings.rules, ...(config && relative !== undefined ? rulesFor(config, relative) : (config?.rules ?? {})) };
  const paperName = config?.paperName || settings.paperName;
  const bylineTemplate = config?.bylineTemplate || settings.bylineTemplate;
  const ignore = config && relative !== undefined ? config.ignore.filter((i) => i.file === undefined || i.file === relative) : [];
  const ignored = config && relative !== undefined ? ignoresFor(config, relative) : undefined;
  const patternText = config?.pageFileNamePattern || settings.pageFileNamePattern;
  const patternSource = config?.pageFileNamePattern ? `pageFileNamePattern in ${found?.path ?? '.newsprint.json'}` : 'newsprint.pageFileNamePattern';
  const problems: string[] = [];
  let pattern: NamePattern | undefined;
  if (patternText) {
    const compiled = compile(patternText);
    if ('pattern' in compiled) pattern = compiled.pattern;
    else problems.push(`${patternSource} does not compile (${compiled.problem}); the built-in page names apply`);
  }
  const analysis: AnalysisConfig = {
    rules,
    ...(paperName ? { paperName } : {}),
    ...(bylineTemplate ? { bylineTemplate } : {}),
    ...(ignored ? { ignored } : {}),
  };
  const crossPage: CrossPageOptions = {
    level: rules['orphaned-continuation'] ?? orphanedContinuation.defaultSeverity,
    missingPage: settings.missingPage,
    ...(ignored ? { ignored } : {}),
  };
  const signature = JSON.stringify([rules, paperName, bylineTemplate, ignore.map((i) => [i.fingerprint, i.page ?? '']).sort(), pattern ? patternText : '', settings.missingPage]);
  return { analysis, crossPage, ...(pattern ? { pattern, patternText } : {}), problems, signature };
}
