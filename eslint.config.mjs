// The invariants of ARCHITECTURE.md that a tool can hold: which layer may
// import what, and TypeScript's own pitfalls (floating promises in a server
// that must never crash, `any` across module boundaries). `npm test` runs it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node's built-in modules, spelt with or without `node:`. */
const NODE = ['node:*', 'fs', 'fs/*', 'path', 'os', 'url', 'crypto', 'child_process', 'worker_threads', 'stream', 'util', 'events', 'process', 'buffer'];
/** The protocol and editor packages: the connection, its types, and VS Code's API. */
const PROTOCOL = [
  'vscode',
  'vscode-languageserver',
  'vscode-languageserver/*',
  'vscode-languageserver-types',
  'vscode-languageserver-protocol',
  'vscode-languageserver-textdocument',
  'vscode-jsonrpc',
  'vscode-jsonrpc/*',
  'vscode-languageclient',
  'vscode-languageclient/*',
];

/** What writes, renames or removes files: only workspace/safeWrite.ts may, so every write is made the one safe way. */
const WRITES = [
  'writeFile',
  'writeFileSync',
  'appendFile',
  'appendFileSync',
  'rename',
  'renameSync',
  'copyFile',
  'copyFileSync',
  'unlink',
  'unlinkSync',
  'rm',
  'rmSync',
  'truncate',
  'truncateSync',
  'createWriteStream',
  'open',
  'openSync',
];
const WRITE_PATHS = ['node:fs', 'fs', 'node:fs/promises', 'fs/promises'].map((name) => ({
  name,
  importNames: WRITES,
  message: 'files are written only through workspace/safeWrite.ts (exclusive temporary file, links, mode and owner, lost updates)',
}));

/** One `no-restricted-imports` rule: each group of forbidden specifiers with the reason people see, and the file-writing functions of node:fs. */
function forbid(...groups) {
  return { 'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })), paths: WRITE_PATHS }] };
}

const FRONT_ENDS = [
  ['**/lsp', '**/lsp/**', '**/cli', '**/cli/**', '**/server', '**/cli.ts'],
  'the analysis and the workspace layer never import a front end (lsp/, cli/, server.ts)',
];
const PURE = [
  [NODE, 'the analysis is pure: no node:* (files, paths and hashes belong to the workspace layer or a front end)'],
  [PROTOCOL, 'the analysis never sees LSP or VS Code: it returns plain data that the front ends translate'],
  [['**/workspace', '**/workspace/**', '**/diagnostics'], 'the analysis does not know about files, settings or diagnostics'],
  [['**/export', '**/export/**'], 'the export reads the page model, after it: the analysis never imports it (what both need lives in model/)'],
  FRONT_ENDS,
];

export default tseslint.config(
  { ignores: ['**/out/**', '**/out-*/**', 'node_modules/**', 'test/e2e/**', '**/*.mjs', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `!` after a lookup that cannot miss is how noUncheckedIndexedAccess is answered here.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // A promise left floating in the server is an unhandled rejection waiting to happen; `void` says it is meant.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: [
      'server/src/model/**',
      'server/src/rules/**',
      'server/src/fixes/**',
      'server/src/issue/**',
      'server/src/text/**',
      'server/src/segment/**',
      'server/src/analysis.ts',
      'server/src/pagedAnalysis.ts',
      'server/src/outline.ts',
      'server/src/folding.ts',
      'server/src/pageTokens.ts',
      'server/src/l10n/**',
    ],
    rules: forbid(...PURE, [['**/l10n/locale'], 'the language is chosen at the edges (server.ts, cli/), once, before anything is analysed']),
  },
  {
    files: ['server/src/workspace/**', 'server/src/jieba/**', 'server/src/diagnostics.ts', 'server/src/documentDiagnostics.ts', 'server/src/protocol.ts'],
    rules: forbid(
      [
        [
          'vscode',
          'vscode-languageserver',
          'vscode-languageserver/*',
          'vscode-languageserver-protocol',
          'vscode-jsonrpc',
          'vscode-jsonrpc/*',
          'vscode-languageclient',
          'vscode-languageclient/*',
        ],
        'no connection here: the workspace layer serves the checker too',
      ],
      FRONT_ENDS,
    ),
  },
  {
    files: ['server/src/lsp/**', 'server/src/server.ts'],
    rules: forbid(
      [['**/cli', '**/cli/**', '**/cli.ts'], 'the language server and the checker are two front ends: neither imports the other'],
      [['vscode'], 'the server speaks LSP to any editor, not VS Code’s API'],
    ),
  },
  {
    files: ['server/src/cli/**', 'server/src/cli.ts'],
    rules: forbid(
      [
        ['**/lsp', '**/lsp/**', '**/server', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'],
        'the checker and the language server are two front ends: neither imports the other',
      ],
      [['vscode'], 'the checker runs without an editor'],
    ),
  },
  {
    files: ['server/src/workspace/safeWrite.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-jsonrpc', '**/lsp', '**/lsp/**', '**/cli', '**/cli/**'],
              message: 'the one write module is the workspace layer’s, for every front end',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**'],
    rules: forbid([['**/server/src/**', '!**/server/src/protocol'], 'the client only wires into VS Code: what it shares with the server is in server/src/protocol.ts']),
  },
  {
    files: ['test/**'],
    rules: {
      // node:test's describe/it return promises the runner awaits itself.
      '@typescript-eslint/no-floating-promises': 'off',
      // Protocol answers arrive untyped; a test says what it expects with `as`, where it reads best.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Our diagnostics' messages are strings; LSP's type also allows markup.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
);
