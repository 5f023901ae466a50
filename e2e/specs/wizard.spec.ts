// The onboarding wizard end to end from an empty AWS folder, against the emulator, then checked with the AWS CLI.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createAppWorld, scenario, type AppWorld } from '../harness/app-world';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from '../harness/fixtures';

const run = promisify(execFile);
let world: AppWorld;
test.afterEach(async () => world?.close());

async function awsCli(args: string[]): Promise<string> {
  const { stdout } = await run('/usr/bin/aws', args, {
    env: { ...world.env, PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  return stdout.trim();
}

test('sets up the three scenario profiles, renews through the dialog, and the role works in the AWS CLI', async ({
  context,
  rendererUrl,
  shoot,
}) => {
  test.setTimeout(60_000);
  world = await createAppWorld(context, rendererUrl);
  const wizard = await world.open('#/wizard');
  const next = wizard.getByRole('button', { name: 'Next' });

  await expect(wizard.getByRole('heading', { name: 'Step 1 of 7: Team file' })).toBeVisible();
  await expectAccessible(wizard);
  await shoot(wizard, 'wizard-1-team-file');
  await next.click();

  await expect(wizard.getByRole('heading', { name: 'Step 2 of 7: Access keys' })).toBeVisible();
  await expect(next).toBeDisabled();
  await wizard.getByLabel('Access key ID', { exact: true }).fill('ASIAEXAMPLE');
  await expect(wizard.getByText(/temporary session keys/)).toBeVisible();
  await wizard.getByLabel('Access key ID', { exact: true }).fill(scenario.activeKey.id);
  await wizard.getByLabel('Secret access key', { exact: true }).fill(scenario.activeKey.secret);
  await expect(wizard.getByTestId('keys-result')).toContainText(scenario.userArn);
  await expectAccessible(wizard);
  await shoot(wizard, 'wizard-2-keys');
  await next.click();

  await expect(wizard.getByLabel('MFA device ARN')).toHaveValue(scenario.mfaSerial);
  await shoot(wizard, 'wizard-3-device');
  await next.click();

  await expect(wizard.getByLabel('Profile with your long-term keys')).toHaveValue('FetchMfaCredentials');
  await expect(wizard.getByLabel('Profile that receives the MFA session')).toHaveValue('MyRepositoryAssumer');
  await wizard.getByLabel('Session length (hours)').fill('30');
  await expect(wizard.getByText(/MultiFactorAuthAge/).last()).toBeVisible();
  await expect(next).toBeDisabled();
  await wizard.getByLabel('Session length (hours)').fill('24');
  await expectAccessible(wizard);
  await shoot(wizard, 'wizard-4-names');
  await next.click();

  if ((await wizard.getByLabel('Role ARN').count()) === 0)
    await wizard.getByRole('button', { name: 'Add a role' }).click();
  await wizard.getByLabel('Profile name').fill('MyRepositoryContributor');
  await wizard.getByLabel('Role ARN').fill('arn:aws:iam::2222:role/x');
  await expect(wizard.getByText('A role ARN looks like')).toBeVisible();
  await wizard.getByLabel('Role ARN').fill(scenario.roleArn);
  await wizard.getByLabel('Region').fill('eu-west-1');
  await expectAccessible(wizard);
  await shoot(wizard, 'wizard-5-roles');
  await next.click();

  await expect(wizard.getByRole('heading', { name: 'Step 6 of 7: Repository' })).toBeVisible();
  // Back keeps what was typed.
  await wizard.getByRole('button', { name: 'Back' }).click();
  await expect(wizard.getByLabel('Role ARN')).toHaveValue(scenario.roleArn);
  await next.click();
  await next.click();

  await expect(wizard.getByRole('region', { name: `Changes to ${world.files.config}` })).toContainText(
    '[profile MyRepositoryContributor]',
  );
  await expect(wizard.getByRole('region', { name: `Changes to ${world.files.credentials}` })).toContainText('********');
  await expect(wizard.getByRole('main')).not.toContainText(scenario.activeKey.secret);
  await expectAccessible(wizard);
  await shoot(wizard, 'wizard-7-review');
  await wizard.getByRole('button', { name: 'Write these changes' }).click();
  await expect(wizard.getByRole('button', { name: 'Renew now…' })).toBeVisible();

  expect(await awsCli(['configure', 'get', 'aws_access_key_id', '--profile', 'FetchMfaCredentials'])).toBe(
    scenario.activeKey.id,
  );
  expect(await awsCli(['configure', 'get', 'mfa_serial', '--profile', 'FetchMfaCredentials'])).toBe(scenario.mfaSerial);
  expect(await awsCli(['configure', 'get', 'role_arn', '--profile', 'MyRepositoryContributor'])).toBe(scenario.roleArn);
  expect(await awsCli(['configure', 'get', 'source_profile', '--profile', 'MyRepositoryContributor'])).toBe(
    'MyRepositoryAssumer',
  );

  const dialogOpened = world.nextDialog();
  await wizard.getByRole('button', { name: 'Renew now…' }).click();
  const dialog = await dialogOpened;
  await dialog.getByLabel('6-digit code from your authenticator').fill(world.code());
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();
  expect(await awsCli(['configure', 'get', 'aws_session_token', '--profile', 'MyRepositoryAssumer'])).not.toBe('');

  await wizard.getByRole('button', { name: 'Test the roles' }).click();
  await expect(wizard.getByTestId('wizard-role-check')).toContainText('✓');
  await shoot(wizard, 'wizard-done');
  // What the role profile does, by the AWS CLI itself (v2.9 has no AWS_ENDPOINT_URL_STS, so the call names the
  // emulator): AssumeRole signed with the MFA session the dialog wrote.
  const assumed = JSON.parse(
    await awsCli([
      'sts',
      'assume-role',
      '--profile',
      'MyRepositoryAssumer',
      '--role-arn',
      scenario.roleArn,
      '--role-session-name',
      'e2e',
      '--endpoint-url',
      world.emulator.url,
      '--output',
      'json',
    ]),
  ) as { AssumedRoleUser: { Arn: string } };
  expect(assumed.AssumedRoleUser.Arn).toMatch(
    /^arn:aws:sts::222222222222:assumed-role\/MyRepositoryContributorRole\/e2e$/,
  );
});

/** Steps 1–5 with the scenario's answers, straight through. */
async function answerUpToRepository(wizard: Page): Promise<void> {
  const next = wizard.getByRole('button', { name: 'Next' });
  await next.click();
  await wizard.getByLabel('Access key ID', { exact: true }).fill(scenario.activeKey.id);
  await wizard.getByLabel('Secret access key', { exact: true }).fill(scenario.activeKey.secret);
  await expect(wizard.getByTestId('keys-result')).toContainText(scenario.userArn);
  await next.click();
  await expect(wizard.getByLabel('MFA device ARN')).toHaveValue(scenario.mfaSerial);
  await next.click();
  await wizard.getByLabel('Session length (hours)').fill('24');
  await next.click();
  if ((await wizard.getByLabel('Role ARN').count()) === 0)
    await wizard.getByRole('button', { name: 'Add a role' }).click();
  await wizard.getByLabel('Profile name').fill('MyRepositoryContributor');
  await wizard.getByLabel('Role ARN').fill(scenario.roleArn);
  await wizard.getByLabel('Region').fill(scenario.region);
  await next.click();
  await expect(wizard.getByRole('heading', { name: 'Step 6 of 7: Repository' })).toBeVisible();
}

for (const helper of [
  { choice: 'MFA Tray', lines: [/^$/, /git-credential MyRepositoryContributor$/] },
  {
    choice: 'The AWS CLI',
    lines: [
      /^$/,
      /git-credential MyRepositoryAssumer --source FetchMfaCredentials$/,
      /^!aws codecommit --profile MyRepositoryContributor credential-helper \$@$/,
    ],
  },
]) {
  test(`clones the CodeCommit repository with git through the helper chosen: ${helper.choice}`, async ({
    context,
    rendererUrl,
  }) => {
    test.setTimeout(60_000);
    world = await createAppWorld(context, rendererUrl, {}, { codecommit: true });
    const wizard = await world.open('#/wizard');
    await answerUpToRepository(wizard);
    await wizard.getByLabel('Clone a repository after the profiles are written').check();
    // A pasted git-remote-codecommit URL fills the fields and says what that helper needs.
    await wizard
      .getByLabel('Repository name')
      .fill(`codecommit::${scenario.region}://MyRepositoryContributor@myRepository`);
    await expect(wizard.getByLabel('Repository name')).toHaveValue('myRepository');
    await expect(wizard.getByLabel('Role profile git signs with')).toHaveValue('MyRepositoryContributor');
    await expect(wizard.getByTestId('repo-url-note')).toContainText('git-remote-codecommit');
    await expect(wizard.getByLabel('MFA Tray')).toBeChecked();
    await wizard.getByLabel(helper.choice).check();
    await wizard.getByLabel('Clone into this folder').fill(world.home);
    await expectAccessible(wizard);
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('button', { name: 'Write these changes' }).click();

    const dialogOpened = world.nextDialog();
    await wizard.getByRole('button', { name: 'Renew now…' }).click();
    const dialog = await dialogOpened;
    await dialog.getByLabel('6-digit code from your authenticator').fill(world.code());
    await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();

    await wizard.getByRole('button', { name: 'Clone myRepository' }).click();
    await expect(wizard.getByTestId('wizard-after')).toContainText('Cloned myRepository', { timeout: 20_000 });
    const clone = `${world.home}/myRepository`;
    const { stdout } = await run('git', ['config', '--local', '--get-all', 'credential.helper'], {
      cwd: clone,
      env: { ...world.env },
    });
    const lines = stdout.split('\n').slice(0, -1);
    expect(lines).toHaveLength(helper.lines.length);
    helper.lines.forEach((line, index) => expect(lines[index]).toMatch(line));
    // The clone went through CodeCommit's signature check, made by the chosen helper with the role's keys.
    expect(world.emulator.callCount('GitPull')).toBeGreaterThan(0);
    expect(world.emulator.callCount('GitDenied')).toBe(0);
    expect(world.emulator.callCount('AssumeRole')).toBe(1);
  });
}
