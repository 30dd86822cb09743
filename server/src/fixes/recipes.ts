/**
 * Fixes too large to carry in a diagnostic, rebuilt from the document text
 * when a person asks for them: still built from the diagnostic alone, since
 * the recipe names the span and the rule.
 */
import { halfwidthEdits } from '../rules/halfwidthPunctuation';
import type { FixRecipe, TextEdit } from '../rules/finding';

export function rebuildEdits(recipe: FixRecipe, text: string): TextEdit[] {
  const end = Math.min(recipe.span.end, text.length);
  switch (recipe.kind) {
    case 'halfwidth-punctuation':
      return halfwidthEdits(text, Math.max(0, recipe.span.start), end);
  }
}
