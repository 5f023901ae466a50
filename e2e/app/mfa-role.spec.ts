// An MFA role (mfa_serial on the role profile) in the built app: its cached keys expiring bring the lead-time
// notification in a role's words; the click opens the token dialog for the role, one code renews it into the AWS
// CLI's cache, and the tray offers the role and "all roles of this device", which renews all three with one code.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { roleCacheKey } from '../../electron/core/profiles';
import { scenario } from '../../testing/scenario/scenario';
import { mfaRoleArn, mfaRolesFiles, mfaRolesSeed, MFA_ROLES } from '../../testing/scenario/mfa-roles';
import { expect, test, trayReady } from './app-fixtures';

test.use({ seed: mfaRolesSeed });

test('the lead-time notification for an MFA role opens its token dialog, and the code renews the cache entry', async ({
  machine,
}) => {
  const m = await machine(mfaRolesFiles());
  const key = roleCacheKey({
    role_arn: mfaRoleArn('admin'),
    mfa_serial: scenario.mfaSerial,
    duration_seconds: String(MFA_ROLES.admin.durationSeconds),
  })!;
  const cacheDir = join(m.home, '.aws', 'cli', 'cache');
  await mkdir(cacheDir, { recursive: true });
  // Expires 15 min + 12 s from now: the default lead time comes a few seconds after the start.
  const expiration = new Date(Date.now() + 15 * 60_000 + 12_000).toISOString().replace(/\.\d+Z$/, '+00:00');
  await writeFile(
    join(cacheDir, `${key}.json`),
    JSON.stringify({
      Credentials: { AccessKeyId: 'ASIAOLD', SecretAccessKey: 'old', SessionToken: 'old', Expiration: expiration },
      AssumedRoleUser: { Arn: `arn:aws:sts::${scenario.accounts.repository}:assumed-role/Admin/botocore-session-1` },
    }),
  );
  const app = m.launch(['--hidden']);
  const tray = await trayReady(app);
  expect(tray.menu.map((item) => item.label)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Renew MFA role — admin \(expires in 15 min\)$/),
      'Renew MFA role — deploy (not renewed yet)',
      'Renew all 3 roles of mfa/MyRepositoryUser with one code…',
    ]),
  );
  await expect
    .poll(async () => (await app.snapshot()).notifications, { timeout: 30_000 })
    .toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^MFA role expires in/),
        body: 'admin needs a new MFA code soon. Click to renew it.',
        shown: true,
      }),
    ]);

  await app.clickNotification(0);
  const dialog = await app.shown('token-dialog');
  await expect(dialog.getByRole('heading', { name: 'Renew MFA role' })).toBeVisible();
  await expect(dialog.getByTestId('dialog-target')).toHaveText('admin');
  await dialog.getByLabel('6-digit code from your authenticator').fill(m.code());
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();

  const entry = JSON.parse(await readFile(join(cacheDir, `${key}.json`), 'utf8'));
  expect(entry.Credentials.AccessKeyId).toMatch(/^ASIA(?!OLD)/);
  expect(Date.parse(entry.Credentials.Expiration) - Date.now()).toBeGreaterThan(7000_000);
  expect(m.emulator.callCount('AssumeRole')).toBe(1);
  await expect
    .poll(async () => (await app.snapshot()).tray?.menu.map((item) => item.label))
    .toContainEqual(expect.stringMatching(/^Renew MFA role — admin \(expires in (1 h 59 min|2 h)\)$/));
});

test('the tray renews all three roles of one device with one code: one GetSessionToken, three AssumeRole', async ({
  machine,
}) => {
  const m = await machine(mfaRolesFiles());
  const app = m.launch(['--hidden']);
  await trayReady(app);
  await app.clickTrayMenuItem('Renew all 3 roles of mfa/MyRepositoryUser with one code…');
  const dialog = await app.shown('token-dialog');
  await expect(dialog.getByTestId('dialog-target')).toHaveText('admin, deploy, readonly');
  await dialog.getByLabel('6-digit code from your authenticator').fill(m.code());
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();

  expect(m.emulator.callCount('GetSessionToken')).toBe(1);
  expect(m.emulator.callCount('AssumeRole')).toBe(3);
  const cacheDir = join(m.home, '.aws', 'cli', 'cache');
  for (const profile of ['admin', 'deploy', 'readonly'] as const) {
    const key = roleCacheKey({
      role_arn: mfaRoleArn(profile),
      mfa_serial: scenario.mfaSerial,
      duration_seconds: String(MFA_ROLES[profile].durationSeconds),
    })!;
    const entry = JSON.parse(await readFile(join(cacheDir, `${key}.json`), 'utf8'));
    expect(entry.Credentials.AccessKeyId, profile).toMatch(/^ASIA/);
  }
  await expect
    .poll(async () => (await app.snapshot()).tray?.menu.map((item) => item.label))
    .toContainEqual(expect.stringMatching(/^Renew MFA role — readonly \(expires in (29|30) min\)$/));
});
