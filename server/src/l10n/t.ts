/**
 * The one way the analysis and the front ends say something to a person:
 * `t` from @vscode/l10n, keyed by the English text. Which language it
 * answers in is chosen once, at the edge (`locale.ts`), before anything is
 * analysed, so findings need no locale passed through every rule and the
 * analysis stays a function of its text.
 */
export { t } from '@vscode/l10n';

/** A count with its noun: English says 1 file, 2 files; the bundle gives each form its own key. */
export function counted(n: number, one: string, many: string): string {
  return (n === 1 ? one : many).replace('{0}', String(n));
}
