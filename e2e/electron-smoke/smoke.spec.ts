// Launches the real app (npm run build first) with a temp AWS folder and the STS emulator: the tray comes up,
// the dashboard loads, and a renewal through the token dialog writes the files; settings are saved and read back;
// the tray menu is the one main built (Menu.buildFromTemplate is watched from the test) and its items act; the
// lead-time notification's click opens the token dialog where the platform allows (not Windows, where clicks come
// through COM activation), or the tray shows it when the desktop has no notifications. Where the Electron binary is
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

      // Settings round trip through the real preload and main (write-file-atomic in the ESM bundle included).
      type Bridge = {
        updateSettings(patch: object): Promise<object>;
        settings(): Promise<{ leadTimeMinutes: number }>;
      };
      const saved = await dashboard.evaluate(async () => {
        const bridge = (window as unknown as { mfaTray: Bridge }).mfaTray;
        await bridge.updateSettings({ leadTimeMinutes: 30 });
        return bridge.settings();
      });
      expect(saved.leadTimeMinutes).toBe(30);
      expect(JSON.parse(readFileSync(join(dir, 'state', 'settings.json'), 'utf8'))).toMatchObject({
        leadTimeMinutes: 30,
      });
    } finally {
      await app.close();
    }
  });

  test('the tray menu acts, and a due session is announced (notification click or tray)', async () => {
    // The session first expires in 16 min; once the test watches what main shows it moves a minute closer (the tray
    // menu is rebuilt), and the 15-minute lead time is reached about 25 s after launch.
    const launchedAt = Date.now();
    const writeConfig = (expiresAt: number) =>
      writeFileSync(
        join(dir, 'config'),
        `[profile FetchMfaCredentials]\nmfa_serial = ${scenario.mfaSerial}\n\n[profile MyRepositoryAssumer]\nmfa_tray_source_profile = FetchMfaCredentials\nexpiration = ${new Date(expiresAt).toISOString().replace(/\.\d+Z$/, 'Z')}\n`,
      );
    writeConfig(launchedAt + 16 * 60_000 + 25_000);
    const app = await electron.launch({
      executablePath: binary!,
      args: [root, '--no-sandbox', '--hidden'],
      env: {
        ...process.env,
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        AWS_ENDPOINT_URL_STS: emulator.url,
        AWS_REGION: 'us-east-1',
        MFA_TRAY_STATE_DIR: join(dir, 'state-2'),
        XDG_CONFIG_HOME: join(dir, 'xdg-config'),
      },
    });
    try {
      // Watch what main builds and shows from now on; the next state change rebuilds the menu.
      await app.evaluate(({ Menu, Notification }) => {
        const seen = globalThis as unknown as { menus: Electron.Menu[]; notes: Electron.Notification[] };
        seen.menus = [];
        seen.notes = [];
        const build = Menu.buildFromTemplate.bind(Menu);
        Menu.buildFromTemplate = (template) => {
          const menu = build(template);
          seen.menus.push(menu);
          return menu;
        };
        const show = Notification.prototype.show;
        Notification.prototype.show = function (this: Electron.Notification) {
          seen.notes.push(this);
          show.call(this);
        };
      });
      const windowAt = (route: string) => app.windows().find((page) => page.url().endsWith(`#/${route}`));
      await expect.poll(() => windowAt('token-dialog') !== undefined, { timeout: 20_000 }).toBe(true);
      expect(windowAt('dashboard'), 'a login launch (--hidden) opens no window').toBeUndefined();
      writeConfig(launchedAt + 15 * 60_000 + 25_000);
      await expect
        .poll(() => app.evaluate(() => (globalThis as unknown as { menus: unknown[] }).menus.length), {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      const labels = await app.evaluate(() => {
        const seen = globalThis as unknown as { menus: Electron.Menu[] };
        return seen.menus.at(-1)?.items.map((item) => item.label) ?? [];
      });
      expect(labels.some((label) => label.startsWith('Renew MFA session — MyRepositoryAssumer (expires in'))).toBe(
        true,
      );
      await app.evaluate(() => {
        const seen = globalThis as unknown as { menus: Electron.Menu[] };
        seen.menus
          .at(-1)!
          .items.find((item) => item.label === 'Open MFA Tray')!
          .click();
      });
      await expect.poll(() => windowAt('dashboard') !== undefined, { timeout: 20_000 }).toBe(true);

      if (process.platform === 'linux') {
        // Start at login only where it writes into this test's folder (XDG_CONFIG_HOME), never the runner's login items.
        await windowAt('token-dialog')!.evaluate(
          (startAtLogin) =>
            (
              window as unknown as { mfaTray: { updateSettings(patch: object): Promise<object> } }
            ).mfaTray.updateSettings({
              startAtLogin,
            }),
          true,
        );
        // Start at login on Linux is an XDG autostart entry with the login flag.
        await expect
          .poll(() => (existsSync(join(dir, 'xdg-config', 'autostart', 'mfa-tray.desktop')) ? 'written' : 'missing'))
          .toBe('written');
        expect(readFileSync(join(dir, 'xdg-config', 'autostart', 'mfa-tray.desktop'), 'utf8')).toMatch(
          /^Exec=.* --hidden$/m,
        );
      }

      if (process.platform !== 'win32') {
        const supported = await app.evaluate(({ Notification }) => Notification.isSupported());
        await app.evaluate(({ BrowserWindow }) => {
          for (const window of BrowserWindow.getAllWindows()) window.hide();
        });
        if (supported) {
          // The lead-time notification: its click opens the token dialog.
          const shown = () => app.evaluate(() => (globalThis as unknown as { notes: unknown[] }).notes.length);
          await expect.poll(shown, { timeout: 45_000 }).toBeGreaterThan(0);
          await app.evaluate(() => {
            const seen = globalThis as unknown as { notes: Electron.Notification[] };
            seen.notes.at(-1)!.emit('click');
          });
        }
        const dialogVisible = () =>
          app.evaluate(({ BrowserWindow }) =>
            BrowserWindow.getAllWindows().some(
              (window) => window.webContents.getURL().endsWith('#/token-dialog') && window.isVisible(),
            ),
          );
        const trayAttention = () =>
          app.evaluate(() => {
            const seen = globalThis as unknown as { menus: Electron.Menu[] };
            return seen.menus.at(-1)?.items[0]?.label.startsWith('⚠') ?? false;
          });
        // Either the notification was shown and its click opened the dialog, or (no notifications here, an unsigned
        // macOS build) the tray carries it as its first item.
        await expect
          .poll(async () => (await dialogVisible()) || (await trayAttention()), { timeout: 45_000 })
          .toBe(true);
      }
    } finally {
      await app.close();
    }
  });
});
