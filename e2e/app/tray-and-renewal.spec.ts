// Start → the tray for the scenario's session; its "Renew MFA session — …" item → the token dialog → a code →
// the files are written and the tray changes. All through the built main, preload and renderer.
import { readFile } from 'node:fs/promises';
import { scenarioConfig, SCENARIO_CREDENTIALS } from '../../testing/scenario/scenario-files';
import { expect, test, trayReady } from './app-fixtures';

test('starts in the tray with the scenario session and renews it from the tray menu', async ({ machine }) => {
  const m = await machine({ config: scenarioConfig('2020-01-01T00:00:00Z'), credentials: SCENARIO_CREDENTIALS });
  const app = m.launch();
  const tray = await trayReady(app);
  console.log(JSON.stringify(tray, null, 1));
  await app.clickTrayMenuItem('Renew MFA session');
  const dialog = await app.shown('token-dialog');
  await dialog.getByLabel('6-digit code from your authenticator').fill(m.code());
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();
  expect(await readFile(m.files.credentials, 'utf8')).not.toContain('ASIAIOSFODNN7EXAMPLE');
  console.log(JSON.stringify((await app.snapshot()).tray, null, 1));
});
