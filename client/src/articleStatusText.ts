/** The article status item's text, apart from VS Code so it can be tested on its own. */

/**
 * What the item says: 1038字 · 1版 · → 2版. A page line's label (第3版 要闻)
 * is named by its first word, as a status bar has room for; the jumps are
 * the outline's own notes (→ 2版, ← 1版 (not found)).
 */
export function statusText(count: string, detail: string, page: string | undefined): string {
  const jumps = detail.split(' · ').filter((part) => /^[→←]/.test(part));
  const short = page?.trim().split(/\s+/)[0];
  return [`${count}字`, ...(short ? [short] : []), ...jumps].join(' · ');
}
