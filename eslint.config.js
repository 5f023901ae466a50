import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import mfaTray from './tools/lint/layering.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'renderer/dist/**',
      'node_modules/**',
      'e2e/screenshots/**',
      'e2e/test-results/**',
      'e2e/report/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // One rule for the whole architecture: which folder may import which, tests included (tools/lint/layers.mjs).
    files: ['**/*.{ts,tsx,mjs,js,cjs}'],
    plugins: { 'mfa-tray': mfaTray },
    rules: { 'mfa-tray/layering': 'error' },
  },
  {
    // The main process may import Electron, but its modules receive Electron objects as typed parameters.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/main.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only electron/main/main.ts wires real Electron objects; other modules use `import type`.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // The Vite config runs in Node at build time, not in the page.
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
);
