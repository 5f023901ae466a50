import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two suites: `unit` (fast, in-process; the whole suite well under a minute) and `integration`
// (real processes: the `mfa-tray` CLI, /usr/bin/aws, SIGKILL crash runs).
const integration = ['e2e/cli/**/*.test.ts', '**/*.integration.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // The SDK's note that future releases need Node 22 is noise in test output (our versions are pinned).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'electron/**/*.test.ts',
            'renderer/**/*.test.{ts,tsx}',
            'tools/**/*.test.ts',
            'scripts/**/*.test.ts',
            'testing/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', ...integration],
          testTimeout: 30_000,
          // Vitest's default leaves a processor for itself, which on two runs the files one at a time (68 s here
          // against 43 s); it sits idle while unit files run. Integration keeps the default: its files start processes.
          maxWorkers: availableParallelism(),
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: integration, testTimeout: 120_000, hookTimeout: 60_000 },
      },
    ],
  },
});
