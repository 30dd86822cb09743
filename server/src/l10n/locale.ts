/**
 * Which language the server and the checker speak, chosen at their edges:
 * the server from `initialize`'s `locale`, the checker from `--lang`,
 * `LC_ALL`, `LC_MESSAGES` or `LANG`. Rule ids, settings keys and JSON output
 * never change with it.
 */
import { config } from '@vscode/l10n';
import zhCN from '../../../l10n/bundle.l10n.zh-cn.json';

export type Language = 'en' | 'zh-cn';

/** zh, zh-CN, zh-Hans, zh_CN.UTF-8, zh-SG: simplified Chinese; anything else English. */
export function languageOf(locale: string | undefined): Language {
  const tag = (locale ?? '').toLowerCase().replace(/_/g, '-').replace(/\..*$/, '');
  return /^zh(?:-(?:cn|sg|hans(?:-.*)?))?$/.test(tag) ? 'zh-cn' : 'en';
}

/** Makes every `t` from now on answer in the language of `locale`. */
export function useLocale(locale: string | undefined): Language {
  const language = languageOf(locale);
  config({ contents: language === 'zh-cn' ? zhCN : {} });
  return language;
}

/** The checker's locale: `--lang`, else the POSIX variables in the order the C library reads them. */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const v = env[name];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}
