// Every setting saved through the real preload and read back — after a restart too — and "Start at login"
// reaching the login item — on Linux the XDG autostart entry, since Electron's login items do nothing there —
// from the settings page and the tray.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scenarioConfig, SCENARIO_CREDENTIALS } from '../../testing/scenario/scenario-files';
import { expect, test, trayReady } from './app-fixtures';

test('every setting is saved, read back after a restart, and start at login reaches the login item', async ({
  machine,
}) => {
  const m = await machine({ config: scenarioConfig(), credentials: SCENARIO_CREDENTIALS });
  const app = m.launch();
  await trayReady(app);
  await app.clickTrayMenuItem('Preferences…');
  const settings = await app.shown('settings');
  const saved = settings.getByRole('status').filter({ hasText: 'Saved.' });

  await settings.getByLabel('Warn me this many minutes before a session expires').fill('25');
  await settings.getByLabel('Warn me this many minutes before a session expires').blur();
  await expect(saved).toBeVisible();
  await settings.getByLabel('Default session length (hours)').fill('12');
  await settings.getByLabel('Default session length (hours)').blur();
  await expect.poll(() => readFile(join(m.stateDir, 'settings.json'), 'utf8').catch(() => '')).toContain('43200');
  await settings.getByLabel('Wait this many seconds for a code asked for by git, an IDE or an SDK').fill('5');
  await expect(settings.getByText('Choose between 10 and 600 seconds.')).toBeVisible();
  await settings.getByLabel('Wait this many seconds for a code asked for by git, an IDE or an SDK').fill('90');
  await settings.getByLabel('Wait this many seconds for a code asked for by git, an IDE or an SDK').blur();
  await expect.poll(() => readFile(join(m.stateDir, 'settings.json'), 'utf8')).toContain('"promptWaitSeconds": 90');
  await settings.getByLabel('Start MFA Tray when I log in').click();
  await expect(settings.getByLabel('Start MFA Tray when I log in')).toBeChecked();
  const autostart = join(m.home, '.config', 'autostart', 'mfa-tray.desktop');
  await expect.poll(() => readFile(autostart, 'utf8').catch(() => '')).toMatch(/^Exec=.*--hidden/m);
  await settings.getByLabel('Renew lab-device sessions by themselves').click();
  await expect(settings.getByLabel('Renew lab-device sessions by themselves')).toBeChecked();
  await settings.getByLabel('Notify before MyRepositoryAssumer expires').click();
  await expect(settings.getByLabel('Notify before MyRepositoryAssumer expires')).not.toBeChecked();
  const expected = {
    leadTimeMinutes: 25,
    defaultDurationSeconds: 43200,
    startAtLogin: true,
    mutedSessions: ['MyRepositoryAssumer'],
    autoRenewLabSessions: true,
    promptWaitSeconds: 90,
  };
  await expect
    .poll(async () => JSON.parse(await readFile(join(m.stateDir, 'settings.json'), 'utf8')))
    .toMatchObject(expected);
  // The tray's checkbox follows the setting.
  await expect
    .poll(async () => (await app.snapshot()).tray!.menu.find((item) => item.label === 'Start at login')?.checked)
    .toBe(true);

  // The tray's checkbox turns it off again: the same path, from the other side.
  await app.clickTrayMenuItem('Start at login');
  await expect.poll(() => existsSync(autostart)).toBe(false);
  await app.quit();
  expect((await app.waitForExit()).code).toBe(0);

  // Read back by a new run of the app, through its preload.
  const again = m.launch();
  await trayReady(again);
  await again.clickTrayMenuItem('Preferences…');
  const reread = await again.shown('settings');
  await expect(reread.getByLabel('Warn me this many minutes before a session expires')).toHaveValue('25');
  await expect(reread.getByLabel('Default session length (hours)')).toHaveValue('12');
  await expect(reread.getByLabel('Wait this many seconds for a code asked for by git, an IDE or an SDK')).toHaveValue(
    '90',
  );
  await expect(reread.getByLabel('Start MFA Tray when I log in')).not.toBeChecked();
  await expect(reread.getByLabel('Renew lab-device sessions by themselves')).toBeChecked();
  await expect(reread.getByLabel('Notify before MyRepositoryAssumer expires')).not.toBeChecked();
  expect(
    await reread.evaluate(() =>
      (window as unknown as { mfaTray: { getSettings(): Promise<unknown> } }).mfaTray.getSettings(),
    ),
  ).toEqual({
    ...expected,
    startAtLogin: false,
  });
});
