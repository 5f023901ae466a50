// MFA roles (mfa_serial on the role profile) on the dashboard: which layout each role uses and what it means for
// git, "Renew all roles of this device" with one code, then live expiry timers from the AWS CLI's cache entries.
import { readdir } from 'node:fs/promises';
import { createAppWorld, type AppWorld } from '../harness/app-world';
import { expect, expectAccessible, test } from '../harness/fixtures';
import { mfaRolesFiles, mfaRolesSeed } from '../../testing/scenario/mfa-roles';

let world: AppWorld;
test.afterEach(async () => world?.close());

test('renews all three roles of one device with one code and shows their expiry timers', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  world = await createAppWorld(context, rendererUrl, mfaRolesFiles(), { seed: mfaRolesSeed });
  const dashboard = await world.open('#/dashboard');
  const admin = dashboard.getByTestId('role-admin');
  await expect(admin).toContainText('MFA role');
  await expect(admin).toContainText('Not set up yet');
  await expect(dashboard.getByTestId('layout-admin')).toContainText(
    'ask for a code at every cache expiry (nothing without a terminal can)',
  );
  await expectAccessible(dashboard);

  const dialogOpened = world.nextDialog();
  await admin.getByRole('button', { name: /^Renew all 3 roles of .* with one code$/ }).click();
  const dialog = await dialogOpened;
  await expect(dialog.getByRole('heading', { name: 'Renew all roles of this device' })).toBeVisible();
  await expect(dialog.getByTestId('dialog-target')).toHaveText('admin, deploy, readonly');
  await shoot(dialog, 'token-dialog-device-roles');
  await dialog.getByLabel('6-digit code from your authenticator').fill(world.code());
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();
  expect([world.emulator.callCount('GetSessionToken'), world.emulator.callCount('AssumeRole')]).toEqual([1, 3]);
  expect(await readdir(world.files.cliCacheDir)).toHaveLength(3);

  // Each row follows its new cache entry: valid, counting down (role chaining: at most 1 h; readonly asks 30 min).
  for (const profile of ['admin', 'deploy'])
    await expect(dashboard.getByTestId(`role-${profile}`)).toContainText(
      /Valid.*Cached credentials expire in (59|60) min/,
    );
  await expect(dashboard.getByTestId('role-readonly')).toContainText(/Cached credentials expire in (29|30) min/);
  await shoot(dashboard, 'dashboard-mfa-roles');
  await expectAccessible(dashboard);
});
