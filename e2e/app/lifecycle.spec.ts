// The app's life as the OS drives it: a second launch shows the dashboard (a real second process, which ends);
// resume and unlock re-plan; Quit from the tray closes the lab socket and the process ends by itself, holding
// nothing (no handle, no socket, no lock).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioConfig, SCENARIO_CREDENTIALS } from '../../testing/scenario/scenario-files';
import { expect, test, trayReady } from './app-fixtures';

test('a second launch shows the dashboard of the running app and ends', async ({ machine }) => {
  const m = await machine({ config: scenarioConfig(), credentials: SCENARIO_CREDENTIALS });
  const first = m.launch();
  await trayReady(first);
  expect(first.window('dashboard')).toBeUndefined();

  const second = m.launch();
  expect(await second.waitForExit()).toEqual({ code: 0, signal: null });
  const dashboard = await first.shown('dashboard');
  await expect(dashboard.getByTestId('session-MyRepositoryAssumer')).toBeVisible();
  // The second process never had a tray or a window of its own.
  expect(second.windows.size).toBe(0);
});

test('resume and unlock re-plan the notifications and re-read the files', async ({ machine }) => {
  const m = await machine({ config: scenarioConfig(), credentials: SCENARIO_CREDENTIALS });
  const app = m.launch();
  await trayReady(app);
  await app.power('resume');
  await app.power('unlock-screen');
  await expect.poll(() => app.stdout()).toMatch(/Re-planning.*resume[\s\S]*Re-planning.*unlock-screen/);
});

test('Quit closes the lab socket and the process ends by itself, leaving nothing open', async ({ machine }) => {
  const m = await machine({ config: scenarioConfig(), credentials: SCENARIO_CREDENTIALS });
  const app = m.launch();
  await trayReady(app);
  const socket = join(m.stateDir, 'lab-socket', 'lab-codes.sock');
  await expect.poll(() => existsSync(socket)).toBe(true);
  await app.clickTrayMenuItem('Open MFA Tray');
  await app.shown('dashboard');

  await app.clickTrayMenuItem('Quit').catch(() => undefined);
  expect(await app.waitForExit()).toEqual({ code: 0, signal: null });
  expect(existsSync(socket)).toBe(false);
  expect(existsSync(join(m.home, '.config', 'mfa-tray', 'SingletonLock'))).toBe(false);
  expect(app.stderr()).toBe('');
});
