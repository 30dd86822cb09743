/**
 * newsprint.pageFileNamePattern (or .newsprint.json's) compiled for a
 * linear-time engine: a pattern is a setting a repository can set, and
 * JavaScript's own engine backtracks (`^(a+)+$` on a 31-character name
 * blocked the server for 8 s, each character more doubling it). RE2's
 * syntax is JavaScript's for what page names need; lookarounds and
 * backreferences are refused with the engine's message.
 */
import { RE2JS } from 're2js';
import type { CompilePattern } from './fileConfig';

export const compileLinear: CompilePattern = (source) => {
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch (err) {
    return { problem: (err as Error).message };
  }
  const groups = re.groupCount();
  return {
    pattern: {
      exec(base) {
        const m = re.matcher(base);
        if (!m.find()) return null;
        return groups >= 1 ? [m.group(0) ?? '', m.group(1) ?? undefined] : [m.group(0) ?? ''];
      },
    },
  };
};
