// Launches the real app (npm run build first) with a temp AWS folder and the STS emulator: the tray comes up,
// the dashboard loads, and a renewal through the token dialog writes the files. Where the Electron binary is
// not installed it prints one line and skips.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type StsEmulator } from '../../tools/sts-emulator';
import { scenario, scenarioCode, scenarioSeed } from '../../testing/scenario/scenario';

const root = fileURLToPath(new URL('../../', import.meta.url));

function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
if (!binary) console.log('skipped: no Electron binary');

test.describe('the desktop app', () => {
  test.skip(!binary, 'no Electron binary');
  let emulator: StsEmulator;
  let dir: string;

  test.beforeAll(async () => {
    emulator = await startEmulator({ seed: scenarioSeed });
    dir = mkdtempSync(join(tmpdir(), 'mfa-tray-smoke-'));
    writeFileSync(
      join(dir, 'config'),
      `[profile FetchMfaCredentials]\nmfa_serial = ${scenario.mfaSerial}\nget_session_token_duration_seconds = 3600\n\n[profile MyRepositoryAssumer]\nmfa_tray_source_profile = FetchMfaCredentials\n`,
    );
    writeFileSync(
      join(dir, 'credentials'),
      `[FetchMfaCredentials]\naws_access_key_id = ${scenario.activeKey.id}\naws_secret_access_key = ${scenario.activeKey.secret}\n`,
    );
  });
  test.afterAll(async () => {
    await emulator?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('starts in the tray, shows the dashboard and renews through the token dialog', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [root, '--no-sandbox'],
      env: {
        ...process.env,
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        AWS_ENDPOINT_URL_STS: emulator.url,
        AWS_REGION: 'us-east-1',
        MFA_TRAY_STATE_DIR: join(dir, 'state'),
        XDG_CONFIG_HOME: join(dir, 'xdg-config'),
      },
    });
    try {
      const logFile = join(
        await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData')),
        'logs',
        'main.log',
      );
      await expect
        .poll(() => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''), { timeout: 20_000 })
        .toContain('Tray ready');

      await app.evaluate(({ app: electronApp }) => electronApp.emit('second-instance'));
      const windowAt = (route: string) => app.windows().find((page) => page.url().endsWith(`#/${route}`));
      await expect.poll(() => windowAt('dashboard') !== undefined, { timeout: 20_000 }).toBe(true);
      const dashboard = windowAt('dashboard')!;
      await expect(dashboard.getByText('MyRepositoryAssumer').first()).toBeVisible();

      const dialog = windowAt('token-dialog');
      expect(dialog, 'the token dialog is created hidden at start').toBeTruthy();
      const result = await dialog!.evaluate(
        (code) =>
          (window as unknown as { mfaTray: { renew(request: object): Promise<{ kind: string }> } }).mfaTray.renew({
            target: 'MyRepositoryAssumer',
            code,
          }),
        scenarioCode(Date.now()),
      );
      expect(result.kind).toBe('renewed');
      expect(readFileSync(join(dir, 'credentials'), 'utf8')).toMatch(
        /\[MyRepositoryAssumer\][\s\S]*aws_session_token = /,
      );
    } finally {
      await app.close();
    }
  });
});
