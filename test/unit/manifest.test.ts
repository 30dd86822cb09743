/**
 * What ships and how, held to the code: package.json's newsprint.rules is the
 * rule registry, the schema of .newsprint.json is what the parser reads, the
 * package says which platform its native binary is for, and npm asks before
 * npx installs.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { unavailableMessage } from '../../server/src/jieba/load';
import { MAX_PROBLEMS_LIMIT } from '../../server/src/lsp/settings';
import { RULES } from '../../server/src/rules';
import { CONFIG_KEYS } from '../../server/src/workspace/configFile';
import { LIMITS } from '../../server/src/workspace/fileConfig';
import { ROOT } from '../helpers/repo';

interface RuleSchema {
  properties: Record<string, { enum: string[]; default: string; markdownDescription: string }>;
  default: Record<string, string>;
  additionalProperties: boolean;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { maxLength?: number; maximum?: number }> }; jsonValidation: Array<{ fileMatch: string; url: string }> };
};

describe('package.json', () => {
  const rules = manifest.contributes.configuration.properties['newsprint.rules'] as RuleSchema;

  it('opens pages as Chinese text wants: U+3000 indents not boxed, GB18030/GBK guessed', () => {
    const defaults = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configurationDefaults: Record<string, Record<string, unknown>> } })
      .contributes.configurationDefaults['[newsprint]']!;
    // Only the ideographic space: other invisible characters (zero-width spaces from extraction) stay boxed.
    assert.deepEqual(defaults['editor.unicodeHighlight.allowedCharacters'], { '\u3000': true });
    assert.equal(defaults['editor.unicodeHighlight.invisibleCharacters'], undefined);
    assert.equal(defaults['files.autoGuessEncoding'], true);
    assert.ok((defaults['files.candidateGuessEncodings'] as string[]).includes('gb18030'));
  });

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

interface ConfigSchema {
  properties: Record<string, { maxLength?: number }>;
  additionalProperties: boolean;
  definitions: { level: { enum: string[] }; rules: { properties: Record<string, unknown> } };
}

describe('the schema of .newsprint.json', () => {
  const validation = manifest.contributes.jsonValidation.find((v) => v.fileMatch === '.newsprint.json')!;
  const schema = JSON.parse(readFileSync(join(ROOT, validation.url), 'utf8')) as ConfigSchema;

  it('is published for VS Code to check the file against, and shipped in the package', () => {
    assert.equal(validation.url, './schemas/newsprint.schema.json');
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*$/m);
  });

  it('names the keys the parser reads, and every rule with its levels', () => {
    assert.deepEqual(Object.keys(schema.properties), [...CONFIG_KEYS]);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(
      Object.keys(schema.definitions.rules.properties),
      RULES.map((r) => r.id),
    );
    assert.deepEqual(schema.definitions.level.enum, ['error', 'warning', 'information', 'hint', 'off']);
  });

  it('declares the limits the workspace layer holds values to, as package.json does for the settings', () => {
    const settings = manifest.contributes.configuration.properties;
    for (const key of ['paperName', 'bylineTemplate', 'pageFileNamePattern'] as const) {
      assert.equal(schema.properties[key]!.maxLength, LIMITS[key], key);
      assert.equal(settings[`newsprint.${key}`]!.maxLength, LIMITS[key], key);
    }
    assert.equal(settings['newsprint.maxProblems']!.maximum, MAX_PROBLEMS_LIMIT);
  });
});

describe('segmentation that cannot load', () => {
  it('says, when nodejieba’s binary was built for another platform, which one and what to install', () => {
    const reason = "/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.29' not found";
    assert.equal(
      unavailableMessage(reason, 'linux-x64', 'alpine-x64', true),
      `word segmentation unavailable, cuts are found from punctuation alone: nodejieba's native module was built for linux-x64, and this machine is alpine-x64 (install the package for alpine-x64, or build Newsprint here): ${reason}`,
    );
    assert.equal(
      unavailableMessage('dictionary not found: /x', 'linux-x64', 'alpine-x64', false),
      'word segmentation unavailable, cuts are found from punctuation alone: dictionary not found: /x',
    );
    assert.equal(unavailableMessage(reason, 'linux-x64', 'linux-x64', true), `word segmentation unavailable, cuts are found from punctuation alone: ${reason}`);
  });

  it('has the build say which platform the binary is for', () => {
    assert.equal((JSON.parse(readFileSync(join(ROOT, 'server', 'out', 'build.json'), 'utf8')) as { platform: string }).platform.split('-').length, 2);
  });
});

describe('npm settings', () => {
  it('do not let npx install packages without asking in this folder', () => {
    const npmrc = join(ROOT, '.npmrc');
    const text = existsSync(npmrc) ? readFileSync(npmrc, 'utf8') : '';
    assert.doesNotMatch(text, /^\s*yes\s*=\s*true/m);
  });
});
