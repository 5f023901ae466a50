// Start → the tray for the scenario's session; its "Renew MFA session — …" item → the token dialog → a code →
// the files are written and the tray icon and tooltip change. All through the built main, preload and renderer.
import { readFile } from 'node:fs/promises';
import { scenarioConfig, SCENARIO_CREDENTIALS } from '../../testing/scenario/scenario-files';
import { scenario } from '../../testing/scenario/scenario';
import { expect, test, trayReady } from './app-fixtures';

test('the tray menu renews an expired session through the token dialog and the tray shows it valid', async ({
  machine,
}) => {
  const m = await machine({ config: scenarioConfig('2020-01-01T00:00:00Z'), credentials: SCENARIO_CREDENTIALS });
  const app = m.launch(['--hidden']);
  const before = await trayReady(app);
  expect(before.image).toBe('tray-expired-light.png');
  expect(before.tooltip).toContain('MyRepositoryAssumer');
  expect(before.menu[0]).toMatchObject({ label: expect.stringMatching(/^Renew MFA session — MyRepositoryAssumer/) });
  // Created hidden at start; only the user's click shows it.
  expect((await app.snapshot()).windows.filter((window) => window.visible)).toEqual([]);

  await app.clickTrayMenuItem('Renew MFA session — MyRepositoryAssumer');
  const dialog = await app.shown('token-dialog');
  await expect(dialog.getByText('MyRepositoryAssumer').first()).toBeVisible();
  await dialog.getByLabel('6-digit code from your authenticator').fill(m.code());
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();

  const credentials = await readFile(m.files.credentials, 'utf8');
  expect(credentials).not.toContain(scenario.staleSession.accessKeyId);
  expect(credentials).toMatch(/\[MyRepositoryAssumer\][^[]*aws_session_token = \S+/);
  await expect
    .poll(async () => (await app.snapshot()).tray)
    .toMatchObject({
      image: 'tray-valid-light.png',
      tooltip: expect.stringMatching(/MyRepositoryAssumer: 2\d h|23 h/),
    });
  expect((await app.snapshot()).tray!.tooltip).not.toBe(before.tooltip);
});
