/**
 * The analysis settings of a page file, built in one place for open documents
 * and for pages the issue index reads from disk, so a page counts the same
 * problems whether it is open or not.
 */
import type { AnalysisConfig } from '../analysis';
import type { CrossPageOptions } from '../issue/crossPage';
import { orphanedContinuation } from '../rules/orphanedContinuation';
import { ignoredFingerprints, rulesFor } from '../workspaceConfig';
import type { Settings } from './settings';
import type { WorkspaceConfigService } from './workspaceConfigService';

export function analysisConfigFor(uri: string, settings: Settings, configs: WorkspaceConfigService): AnalysisConfig {
  const workspace = configs.forDocument(uri);
  const fileConfig = workspace?.found.config;
  const paperName = settings.paperName || fileConfig?.paperName;
  const bylineTemplate = settings.bylineTemplate || fileConfig?.bylineTemplate;
  return {
    rules: { ...settings.rules, ...(workspace ? rulesFor(workspace.found.config, workspace.relative) : {}) },
    ignored: fileConfig ? ignoredFingerprints(fileConfig) : new Set(),
    maxProblems: settings.maxProblems,
    ...(paperName ? { paperName } : {}),
    ...(bylineTemplate ? { bylineTemplate } : {}),
  };
}

export function crossPageOptionsFor(uri: string, settings: Settings, configs: WorkspaceConfigService): CrossPageOptions {
  const config = analysisConfigFor(uri, settings, configs);
  return {
    level: config.rules?.['orphaned-continuation'] ?? orphanedContinuation.defaultSeverity,
    missingPage: settings.crossPageMissingPage,
    ...(config.ignored ? { ignored: config.ignored } : {}),
  };
}

/** The setting's regular expression, or the built-in patterns when it is empty or does not compile. */
export function fileNamePattern(settings: Settings): RegExp | undefined {
  if (settings.pageFileNamePattern === '') return undefined;
  try {
    return new RegExp(settings.pageFileNamePattern);
  } catch {
    return undefined;
  }
}
