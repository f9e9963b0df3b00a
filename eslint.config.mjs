import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'server/src/schemas/generated/**', '.vscode-test*/**', 'test-artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Spreading a list into a call puts every item on the stack: past ~120,000 items (findings, merged
    // entries, ports of a hostile file) it throws a RangeError (issue 19). Use append() or a loop.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.property.name=/^(push|unshift|splice|concat)$/] > SpreadElement", message: 'Spreading an unbounded list into a call overflows the stack: use append() (server/src/service/append.ts, client/src/webview/append.ts).' },
        { selector: "CallExpression[callee.object.name='Math'] > SpreadElement", message: 'Math.max/min(...list) overflows the stack on large lists: use a loop or reduce.' },
        { selector: "CallExpression[callee.property.name=/^(fromCharCode|fromCodePoint|apply)$/] > SpreadElement", message: 'Spreading an unbounded list into a call overflows the stack.' },
      ],
    },
  },
  {
    // The core stays transport-free (ARCHITECTURE.md §2).
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', 'vscode-languageserver', 'fs', 'node:fs', 'net', 'node:net', 'child_process', 'node:child_process'],
        patterns: ['vscode-languageserver/*', '**/lsp/**', '**/cli/**'],
      }],
    },
  },
);
