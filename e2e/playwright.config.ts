// The renderer in Debian's Chromium, bound to the real core through the same dispatcher main uses.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

// The SDK's note that future releases need Node 22 is noise here (our versions are pinned in the lock file).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: fileURLToPath(new URL('./specs', import.meta.url)),
  outputDir: fileURLToPath(new URL('./test-results', import.meta.url)),
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    viewport: { width: 1000, height: 720 },
    trace: 'off',
  },
});
