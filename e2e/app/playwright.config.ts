// The BUILT app (dist/main/main.js + dist/preload/preload.cjs + renderer/dist) under the fake Electron
// (testing/electron-fake), its windows in Debian's Chromium: `npm run test:app` (after npm run build).
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../playwright.config';

export default defineConfig({
  testDir: fileURLToPath(new URL('.', import.meta.url)),
  testMatch: /.*\.spec\.ts/,
  outputDir: fileURLToPath(new URL('../test-results/app', import.meta.url)),
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    // Electron lets its file:// pages load their module scripts and styles; Chromium needs to be told.
    launchOptions: { executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'] },
    trace: 'off',
  },
});
