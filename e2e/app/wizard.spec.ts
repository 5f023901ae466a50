// The setup wizard end to end in the app: the tray's "Set up a new contributor…" from an empty AWS folder, every
// step against the emulator, the files written, "Renew now…" showing the token dialog window, the roles checked.
import { readFile } from 'node:fs/promises';
import { scenario } from '../../testing/scenario/scenario';
import { expect, test, trayReady } from './app-fixtures';

test('the wizard sets up the scenario from the tray and the session renews through the dialog window', async ({
  machine,
}) => {
  test.setTimeout(60_000);
  const m = await machine({});
  const app = m.launch();
  const tray = await trayReady(app);
  expect(tray.menu.map((item) => item.label)).toContain('No MFA session set up yet');
  await app.clickTrayMenuItem('Set up a new contributor…');
  const wizard = await app.shown('wizard');
  const next = wizard.getByRole('button', { name: 'Next' });

  await expect(wizard.getByRole('heading', { name: 'Step 1 of 7: Team file' })).toBeVisible();
  await next.click();
  await wizard.getByLabel('Access key ID', { exact: true }).fill(scenario.activeKey.id);
  await wizard.getByLabel('Secret access key', { exact: true }).fill(scenario.activeKey.secret);
  await expect(wizard.getByTestId('keys-result')).toContainText(scenario.userArn);
  await next.click();
  await expect(wizard.getByLabel('MFA device ARN')).toHaveValue(scenario.mfaSerial);
  await next.click();
  await expect(wizard.getByLabel('Profile that receives the MFA session')).toHaveValue(scenario.profiles.target);
  await next.click();
  if ((await wizard.getByLabel('Role ARN').count()) === 0)
    await wizard.getByRole('button', { name: 'Add a role' }).click();
  await wizard.getByLabel('Profile name').fill(scenario.profiles.role);
  await wizard.getByLabel('Role ARN').fill(scenario.roleArn);
  await wizard.getByLabel('Region').fill(scenario.region);
  await next.click();
  await expect(wizard.getByRole('heading', { name: 'Step 6 of 7: Repository' })).toBeVisible();
  await next.click();
  await expect(wizard.getByRole('main')).not.toContainText(scenario.activeKey.secret);
  await wizard.getByRole('button', { name: 'Write these changes' }).click();
  await expect(wizard.getByRole('button', { name: 'Renew now…' })).toBeVisible();
  expect(await readFile(m.files.config, 'utf8')).toContain(`[profile ${scenario.profiles.role}]`);
  expect(await readFile(m.files.credentials, 'utf8')).toContain(scenario.activeKey.id);

  await wizard.getByRole('button', { name: 'Renew now…' }).click();
  // The session must be known right after the write: the wizard says so before the dialog window shows.
  await expect(
    wizard.getByText(/Type the code for MyRepositoryAssumer in the "Renew MFA session" window/),
  ).toBeVisible();
  const dialog = await app.shown('token-dialog');
  await dialog.getByLabel('6-digit code from your authenticator').fill(m.code());
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Test the roles' }).click();
  await expect(wizard.getByTestId('wizard-role-check')).toContainText('✓');
  await expect
    .poll(async () => (await app.snapshot()).tray?.menu[0]?.label)
    .toMatch(/^Renew MFA session — MyRepositoryAssumer/);
});
