import { defineConfig, globalIgnores } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'buffer'];

export default defineConfig([
  globalIgnores(['node_modules/', 'out/', 'dist/', 'coverage/', 'test-output/']),
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // shared/ runs everywhere: no platform, no UI framework.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'shared/ must not import electron' },
          { group: nodeBuiltins, message: 'shared/ must not import Node built-ins' },
          { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*'], message: 'shared/ has no UI' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'the renderer talks to main only through the bridge' },
          { group: nodeBuiltins, message: 'the renderer has no Node' },
        ],
      }],
    },
  },
  {
    // Services and the command line run in plain Node (tests, CLI, test host): no electron.
    files: ['electron/services/**', 'electron/cli/**', 'electron/webhost/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', 'electron/*'], message: 'services run outside Electron; keep electron out' }],
      }],
    },
  },
]);
