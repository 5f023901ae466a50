// The packaged shape of the app, launched by Playwright's Electron driver: `npm run test:electron-smoke`.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  testDir: fileURLToPath(new URL('.', import.meta.url)),
  testMatch: /.*\.spec\.ts/,
  outputDir: fileURLToPath(new URL('../test-results/electron-smoke', import.meta.url)),
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
});
