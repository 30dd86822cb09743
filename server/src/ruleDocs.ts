/**
 * Where a rule's page is: docs/rules/<id>.md (or <id>.zh-cn.md) shipped
 * beside the server, so a diagnostic's codeDescription opens it in the
 * editor, offline, in the language the server speaks.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Language } from './l10n/locale';

/** The docs folder of the extension (or the checkout) the bundled server runs from. */
export const DOCS_DIR = join(__dirname, '..', '..', 'docs', 'rules');

export function ruleDocFile(rule: string, language: Language, dir = DOCS_DIR): string {
  return join(dir, language === 'zh-cn' ? `${rule}.zh-cn.md` : `${rule}.md`);
}

export function ruleDocHref(language: Language, dir = DOCS_DIR): (rule: string) => string {
  return (rule) => pathToFileURL(ruleDocFile(rule, language, dir)).toString();
}
