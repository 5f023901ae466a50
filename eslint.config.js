import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'renderer/dist/**', 'node_modules/**', 'e2e/screenshots/**', 'e2e/test-results/**', 'e2e/report/**', 'release/**'] },
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
    // The core must run (and be tested) on plain Node: Electron objects are passed in from electron/main.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'electron/core is pure Node: take Electron objects as parameters from electron/main.' }],
        patterns: [{ group: ['electron/*', '**/main/*', '**/renderer/*'], message: 'electron/core must not depend on the Electron glue or the renderer.' }],
      }],
    },
  },
  {
    // The main process may import Electron, but its modules receive Electron objects as typed parameters.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/main.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only electron/main/main.ts wires real Electron objects; other modules use `import type`.', allowTypeImports: true }],
      }],
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
      'no-restricted-imports': ['error', {
        // `electron` as a module name only: a bare 'electron' pattern would also match ../electron/shared/ imports.
        paths: [{ name: 'electron', message: 'The renderer talks to main only through window.mfaTray (electron/shared contract).' }],
        patterns: [{ group: ['**/core/*', '**/main/*', 'electron/*', 'node:*'], message: 'The renderer talks to main only through window.mfaTray (electron/shared contract).' }],
      }],
    },
  },
);
