/**
 * The keys of every message the code says through `t` (@vscode/l10n) or
 * `vscode.l10n.t`, read from the source as @vscode/l10n-dev would: a
 * template's parts joined by {0}, {1}…, a string's text as it is. Found from
 * the code, so a message added without a translation fails the test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type * as TS from 'typescript';
import { ROOT } from './repo';

// Loaded from node_modules, not bundled into the test: the compiler is large and only parses here.
const ts = createRequire(join(ROOT, 'package.json'))('typescript') as typeof TS;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** `t` itself, or `l10n.t` / `vscode.l10n.t`. */
function isT(e: TS.Expression): boolean {
  if (ts.isIdentifier(e)) return e.text === 't';
  return ts.isPropertyAccessExpression(e) && e.name.text === 't' && /(?:^|\.)l10n$/.test(e.expression.getText());
}

function templateKey(tpl: TS.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(tpl)) return tpl.text;
  return tpl.head.text + tpl.templateSpans.map((s, i) => `{${i}}${s.literal.text}`).join('');
}

export interface MessageKey {
  readonly key: string;
  /** Where it is said, for the test's failure message. */
  readonly at: string;
}

export function messageKeys(): MessageKey[] {
  const keys: MessageKey[] = [];
  for (const file of [...sources(join(ROOT, 'server', 'src')), ...sources(join(ROOT, 'client', 'src'))]) {
    const text = readFileSync(file, 'utf8');
    if (!/\bt[`(]/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const at = (n: TS.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: TS.Node): void => {
      if (ts.isTaggedTemplateExpression(n) && isT(n.tag)) keys.push({ key: templateKey(n.template), at: at(n) });
      else if (ts.isCallExpression(n) && isT(n.expression)) {
        const first = n.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) keys.push({ key: first.text, at: at(n) });
        else keys.push({ key: '', at: at(n) });
      }
      ts.forEachChild(n, visit);
    };
    visit(source);
  }
  return keys;
}
