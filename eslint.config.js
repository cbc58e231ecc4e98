import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'http',
  'https',
  'net',
  'zlib',
  'events',
  'buffer',
  'worker_threads',
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench-out/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // Fakes of Electron objects mirror Electron's own per-event overloads.
      '@typescript-eslint/unified-signatures': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // ARCHITECTURE rule 1: shared/ is pure TypeScript.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'dexie', 'electron', ...nodeBuiltins].map((name) => ({
            name,
            message: 'shared/ is pure: no DOM, React, Dexie, Node or Electron imports.',
          })),
          patterns: [
            { group: ['node:*', 'react/*', 'dexie/*'], message: 'shared/ is pure: no DOM, React, Dexie, Node or Electron imports.' },
          ],
        },
      ],
    },
  },
  {
    // ARCHITECTURE rule 3: the renderer reaches the shell only through the Bridge.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Use the Bridge (renderer/src/platform).' }] }],
    },
  },
  {
    // ARCHITECTURE rule 10 (layers point down): db/ knows nothing of the UI, the stores or i18n;
    // a lower layer that must tell a higher one something takes a callback.
    files: ['renderer/src/db/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Use the Bridge (renderer/src/platform).' }],
          patterns: [
            {
              regex: '^(\\.\\./)+(features|app|report|ui|stores|i18n)(/|$)',
              message: 'db/ is below features, ui, stores and i18n: take a callback instead (ARCHITECTURE rule 10).',
            },
          ],
        },
      ],
    },
  },
  {
    // The bottom of the renderer: stores, lib, platform and i18n import only shared/ and each other
    // (a store may name a db type, never call db).
    files: ['renderer/src/{stores,lib,platform,i18n}/**/*.{ts,tsx}'],
    ignores: ['renderer/src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Use the Bridge (renderer/src/platform).' }],
          patterns: [
            {
              regex: '^(\\.\\./)+(features|app|report|ui)(/|$)',
              message: 'stores, lib, platform and i18n are the bottom layer (ARCHITECTURE rule 10).',
            },
            {
              regex: '^(\\.\\./)+db(/|$)',
              allowTypeImports: true,
              message: 'The bottom layer may name a db type, never call db (ARCHITECTURE rule 10).',
            },
          ],
        },
      ],
    },
  },
  {
    // ui/ primitives know no feature, no document and no database.
    files: ['renderer/src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Use the Bridge (renderer/src/platform).' }],
          patterns: [
            {
              regex: '^(\\.\\./)+(features|app|report|db)(/|$)',
              message: 'ui/ primitives know no feature, report or database (ARCHITECTURE rule 10).',
            },
          ],
        },
      ],
    },
  },
  {
    // ARCHITECTURE rule 7: features import each other only through their index.ts.
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Use the Bridge (renderer/src/platform).' }],
          patterns: [
            { regex: '^\\.\\./\\.\\./[a-z]+/(components|hooks)/', message: 'Import another feature through its index.ts.' },
            {
              regex: '^(\\.\\./)+(app|report)(/|$)',
              message:
                'Features are below app/ and report/: register a command (stores/commands) or call platform/print instead (ARCHITECTURE rule 10).',
            },
          ],
        },
      ],
    },
  },
  {
    // report/ (printed documents) sits above the features it draws from and below app/.
    files: ['renderer/src/report/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Use the Bridge (renderer/src/platform).' }],
          patterns: [
            { regex: '^(\\.\\./)+app(/|$)', message: 'report/ is below app/ (ARCHITECTURE rule 10).' },
            {
              regex: '^(\\.\\./)+features/[a-z]+/(?!pages$)',
              message: 'Import a feature through its index.ts (or its screens through pages.ts).',
            },
          ],
        },
      ],
    },
  },
);
