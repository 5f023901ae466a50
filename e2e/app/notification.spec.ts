// The lead-time notification: main's notifier fires on its own timer (the session expires 15 min + 12 s, room for a slow start from
// now, the default lead time is 15 min), and a click on it shows the token dialog for that session.
import { scenarioConfig, SCENARIO_CREDENTIALS } from '../../testing/scenario/scenario-files';
import { expect, test, trayReady } from './app-fixtures';

test('the lead-time notification comes on time and its click opens the token dialog', async ({ machine }) => {
  const expiration = new Date(Date.now() + 15 * 60_000 + 12_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const m = await machine({ config: scenarioConfig(expiration), credentials: SCENARIO_CREDENTIALS });
  const app = m.launch(['--hidden']);
  await trayReady(app);
  expect((await app.snapshot()).notifications, 'not due yet at start').toEqual([]);
  await expect
    .poll(async () => (await app.snapshot()).notifications, { timeout: 30_000 })
    .toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^MFA session expires in/),
        body: expect.stringContaining('MyRepositoryAssumer'),
        shown: true,
        actions: ['Renew'],
      }),
    ]);
  expect((await app.snapshot()).windows.filter((window) => window.visible)).toEqual([]);

  await app.clickNotification(0);
  const dialog = await app.shown('token-dialog');
  await expect(dialog.getByText('MyRepositoryAssumer').first()).toBeVisible();
  await expect(dialog.getByLabel('6-digit code from your authenticator')).toBeFocused();
});
