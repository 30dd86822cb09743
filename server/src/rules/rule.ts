/** The one small interface every rule implements: a page model in, findings out. */
import type { PageModel } from '../model/page';
import type { PaperProfile } from '../model/profile';
import type { Finding, RuleId, Severity } from './finding';

export interface RuleContext {
  readonly model: PageModel;
  /** The paper's name, from settings or detected on the page, for inserted source lines. */
  readonly paperName?: string;
  /** Template of an inserted source line; {paper} stands for the paper's name. */
  readonly bylineTemplate?: string;
  /** The paper's conventions and thresholds, for what counts as certain. */
  readonly profile: PaperProfile;
}

export interface Rule {
  readonly id: RuleId;
  readonly defaultSeverity: Severity;
  /** One line for settings, the README and the checker's --rules listing. */
  readonly description: string;
  check(context: RuleContext, severity: Severity): Finding[];
}
