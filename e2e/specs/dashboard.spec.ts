// The dashboard on real files: grouping, renewal through the dialog, outside edits and parse problems live.
import { readFile, writeFile } from 'node:fs/promises';
import { createAppWorld, scenarioFiles, type AppWorld } from '../harness/app-world';
import { expect, expectAccessible, test } from '../harness/fixtures';

let world: AppWorld;
test.afterEach(async () => world?.close());

test('shows each account with its MFA session and role, and renews from the Renew button', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles());
  const dashboard = await world.open('#/dashboard');
  const session = dashboard.getByTestId('session-MyRepositoryAssumer');
  await expect(dashboard.getByRole('heading', { name: 'Account 111111111111' })).toBeVisible();
  await expect(dashboard.getByRole('heading', { name: 'Account 222222222222' })).toBeVisible();
  await expect(session).toContainText('Not set up yet');
  await expect(dashboard.getByTestId('role-MyRepositoryContributor')).toContainText(
    'MyRepositoryContributor → MyRepositoryAssumer',
  );
  await expectAccessible(dashboard);

  const dialogOpened = world.nextDialog();
  await session.getByRole('button', { name: 'Renew MyRepositoryAssumer' }).click();
  const dialog = await dialogOpened;
  await expect(dialog.getByTestId('dialog-target')).toHaveText('MyRepositoryAssumer');
  await expect(dialog.getByLabel('6-digit code from your authenticator')).toBeFocused();
  await shoot(dialog, 'token-dialog');
  await expectAccessible(dialog);
  await dialog.getByLabel('6-digit code from your authenticator').fill(world.code());
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();
  await shoot(dialog, 'token-dialog-success');
  await expect.poll(() => world.shellLog.some((entry) => entry.startsWith('hide'))).toBe(true);

  // The dialog wrote the files; the dashboard follows without a reload.
  await expect(session).toContainText('Valid');
  await expect(session).toContainText(/Expires in (23 h|1 d)/);
  expect(await readFile(world.files.credentials, 'utf8')).toMatch(/\[MyRepositoryAssumer\][^[]*aws_session_token = /);
  await shoot(dashboard, 'dashboard');
});

test('shows a profile added by another program and a parse problem with file and line, without a restart', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  world = await createAppWorld(
    context,
    rendererUrl,
    scenarioFiles({ expiration: new Date(Date.now() + 3 * 3600_000) }),
  );
  const dashboard = await world.open('#/dashboard');
  await expect(dashboard.getByTestId('session-MyRepositoryAssumer')).toContainText('Valid');

  const config = await readFile(world.files.config, 'utf8');
  await writeFile(
    world.files.config,
    `${config}\n[profile Reader]\nrole_arn = arn:aws:iam::333333333333:role/Reader\nsource_profile = MyRepositoryAssumer\n`,
  );
  await expect(dashboard.getByTestId('role-Reader')).toBeVisible();
  await expect(dashboard.getByRole('heading', { name: 'Account 333333333333' })).toBeVisible();

  await writeFile(world.files.config, `${config}\nthis line has no equals sign\n`);
  const problems = dashboard.getByRole('region', { name: /problem/ });
  await expect(problems).toContainText(`${world.files.config}:`);
  await expect(problems).toContainText('line');
  await shoot(dashboard, 'dashboard-parse-problem');
  await expectAccessible(dashboard);
});

test('leads an empty AWS folder to the wizard', async ({ context, rendererUrl, shoot }) => {
  world = await createAppWorld(context, rendererUrl);
  const dashboard = await world.open('#/dashboard');
  await expect(dashboard.getByRole('heading', { name: 'No MFA sessions yet' })).toBeVisible();
  await expectAccessible(dashboard);
  await shoot(dashboard, 'dashboard-empty');
  await dashboard.getByRole('button', { name: 'Start the setup wizard' }).click();
  await expect.poll(() => world.shellLog).toContain('open wizard');
});

test('copies export lines and opens the folder through main', async ({ context, rendererUrl }) => {
  world = await createAppWorld(context, rendererUrl, scenarioFiles({ expiration: new Date(Date.now() + 3600_000) }));
  const dashboard = await world.open('#/dashboard');
  await dashboard.getByRole('button', { name: 'Copy export lines for MyRepositoryAssumer' }).click();
  await expect(dashboard.getByRole('status').first()).not.toBeEmpty();
  expect(world.shellLog).toContain('clipboard written');
  await dashboard.getByRole('button', { name: 'Open AWS folder' }).click();
  await expect.poll(() => world.shellLog.some((entry) => entry.startsWith('open /'))).toBe(true);
});
