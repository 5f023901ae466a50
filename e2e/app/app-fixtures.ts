// One test's machine: a temp HOME with the scenario's AWS files (state and Electron's userData under it), the
// STS/IAM emulator of this test (no used code windows shared), and the built app started under the fake Electron with that environment.
import { test as base, expect } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchApp, type FakeElectronApp } from '../../testing/electron-fake/harness';
import { scenarioCode, scenarioSeed } from '../../testing/scenario/scenario';
import { startEmulator, type StsEmulator } from '../../tools/sts-emulator';
import type { Seed } from '../../tools/sts-emulator/seed-schema';

export interface Machine {
  home: string;
  files: { config: string; credentials: string };
  /** MFA Tray's state folder as the app resolves it from HOME (~/.local/state/mfa-tray). */
  stateDir: string;
  env: Record<string, string>;
  emulator: StsEmulator;
  /** A valid code of the scenario's device for the emulator's clock (`offset` 30-second windows away). */
  code(offset?: number): string;
  /** Starts the app (`electron . ARGS`) on this machine. */
  launch(args?: string[]): FakeElectronApp;
}

export const test = base.extend<{
  /** The emulator's accounts: `test.use({ seed })` for another world than the scenario's. */
  seed: Seed;
  emulator: StsEmulator;
  machine: (files: { config?: string; credentials?: string }) => Promise<Machine>;
}>({
  seed: [scenarioSeed, { option: true }],
  emulator: [
    async ({ seed }, use) => {
      const emulator = await startEmulator({ port: 0, seed });
      await use(emulator);
      await emulator.close();
    },
    { scope: 'test' },
  ],
  machine: async ({ browser, emulator }, use) => {
    const homes: string[] = [];
    const apps: FakeElectronApp[] = [];
    await use(async (files) => {
      const home = await mkdtemp(join(tmpdir(), 'mfa-tray-app-'));
      homes.push(home);
      const awsDir = join(home, '.aws');
      await mkdir(awsDir, { recursive: true });
      const paths = { config: join(awsDir, 'config'), credentials: join(awsDir, 'credentials') };
      if (files.config !== undefined) await writeFile(paths.config, files.config, { mode: 0o600 });
      if (files.credentials !== undefined) await writeFile(paths.credentials, files.credentials, { mode: 0o600 });
      // Only what a desktop session would have; nothing of the test runner's own AWS or XDG setup.
      const env: Record<string, string> = {
        HOME: home,
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        TMPDIR: tmpdir(),
        LANG: 'C.UTF-8',
        AWS_CONFIG_FILE: paths.config,
        AWS_SHARED_CREDENTIALS_FILE: paths.credentials,
        AWS_ENDPOINT_URL_STS: emulator.url,
        AWS_ENDPOINT_URL_IAM: emulator.url,
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
      };
      return {
        home,
        files: paths,
        stateDir: join(home, '.local', 'state', 'mfa-tray'),
        env,
        emulator,
        code: (offset = 0) => scenarioCode(emulator.now(), offset),
        launch(args = []) {
          const app = launchApp({ browser, env, args });
          apps.push(app);
          return app;
        },
      };
    });
    for (const app of apps) await app.close();
    for (const home of homes) await rm(home, { recursive: true, force: true });
  },
});

/** Waits until the app's tray is up (main's start() finished its first render). */
export async function trayReady(app: FakeElectronApp) {
  await expect.poll(async () => (await app.snapshot()).tray?.menu.length ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
  return (await app.snapshot()).tray!;
}

export { expect };
