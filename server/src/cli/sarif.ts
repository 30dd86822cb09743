/**
 * The checker's findings as SARIF 2.1.0, the format code-scanning tools
 * read: one run of the tool `newsprint` with its rules, one result per
 * finding with a 1-based region, and cross-page findings' other page as
 * related locations. Columns are UTF-16 code units, as in LSP, and the run
 * says so rather than leave readers to assume.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { isDiagnosticData, messageText } from '../diagnostics';
import { RULES } from '../rules';
import type { Severity } from '../rules/finding';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export interface SarifInput {
  readonly files: ReadonlyArray<{ readonly file: string; readonly diagnostics: readonly Diagnostic[] }>;
  /** What the tool itself ran into: unreadable files, bad config files. */
  readonly notes: readonly string[];
  readonly cwd: string;
  readonly version: string;
  readonly exitCode: number;
}

type Level = 'error' | 'warning' | 'note' | 'none';

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const BY_SEVERITY: Level[] = ['warning', 'error', 'warning', 'note', 'note'];

/** broken-wrap → BrokenWrap: SARIF's readable rule name. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(r: Range) {
  // SARIF counts from 1, and endColumn is the column just after the region, as LSP's end character is.
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function toSarif(input: SarifInput): unknown {
  const rules = RULES.map((r) => ({
    id: r.id,
    name: ruleName(r.id),
    shortDescription: { text: r.description },
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const ruleIndex = new Map(RULES.map((r, i) => [r.id as string, i]));
  const notes = [...input.notes];
  const results = [];
  for (const { file, diagnostics } of input.files) {
    for (const d of diagnostics) {
      const id = typeof d.code === 'string' ? d.code : undefined;
      const index = id === undefined ? undefined : ruleIndex.get(id);
      if (id === undefined || index === undefined) {
        // Not a rule's finding (the count of findings left out): the tool's own note.
        notes.push(`${relative(input.cwd, file) || file}: ${messageText(d)}`);
        continue;
      }
      const related = (d.relatedInformation ?? []).map((r, i) => {
        const path = r.location.uri.startsWith('file:') ? fileURLToPath(r.location.uri) : undefined;
        return {
          id: i + 1,
          physicalLocation: { artifactLocation: path ? artifactLocation(path, input.cwd) : { uri: r.location.uri }, region: region(r.location.range) },
          message: { text: r.message },
        };
      });
      results.push({
        ruleId: id,
        ruleIndex: index,
        level: BY_SEVERITY[d.severity ?? 1] ?? 'warning',
        message: { text: messageText(d) },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(file, input.cwd), region: region(d.range) } }],
        ...(related.length > 0 ? { relatedLocations: related } : {}),
        ...(isDiagnosticData(d.data) ? { partialFingerprints: { 'newsprint/v1': d.data.fingerprint } } : {}),
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'newsprint', version: input.version, rules } },
        invocations: [
          {
            executionSuccessful: input.exitCode !== 2,
            exitCode: input.exitCode,
            ...(notes.length > 0 ? { toolExecutionNotifications: notes.map((text) => ({ level: 'warning', message: { text } })) } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(input.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
