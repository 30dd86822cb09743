/** What package.json declares to VS Code, held to the code: the newsprint.rules schema is the rule registry. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules';
import { ROOT } from '../helpers/repo';

interface RuleSchema {
  properties: Record<string, { enum: string[]; default: string; markdownDescription: string }>;
  default: Record<string, string>;
  additionalProperties: boolean;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };

describe('package.json', () => {
  const rules = manifest.contributes.configuration.properties['newsprint.rules'] as RuleSchema;

  it('lists every rule of the registry under newsprint.rules, in order, and no other', () => {
    assert.deepEqual(
      Object.keys(rules.properties),
      RULES.map((r) => r.id),
    );
    assert.equal(rules.additionalProperties, false);
  });

  it('gives each rule its default level and the five levels', () => {
    for (const r of RULES) {
      const p = rules.properties[r.id]!;
      assert.equal(p.default, r.defaultSeverity, r.id);
      assert.deepEqual(p.enum, ['error', 'warning', 'information', 'hint', 'off'], r.id);
      assert.ok(p.markdownDescription.length > 0, r.id);
    }
    assert.deepEqual(rules.default, Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])));
  });
});
