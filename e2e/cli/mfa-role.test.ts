// AWS's documented MFA layout for roles (mfa_serial on the role profile), end to end with the built CLI, the real
// AWS CLI (/usr/bin/aws, botocore) and the JS SDK against the STS emulator: after `mfa-tray renew admin`, the AWS
// CLI finds the role's keys in its own cache and neither prompts nor calls AssumeRole.
import { spawn } from 'node:child_process';
import { readdir, readFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenario, scenarioCode } from '../../testing/scenario/scenario';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { CLI, runAws, runCli, runProcess } from '../../testing/cli/run-cli';
import { createScenarioLab, type ScenarioLab } from '../../testing/scenario/scenario-lab';
import { mfaRolesFiles, mfaRolesSeed } from '../../testing/scenario/mfa-roles';
import { botocoreAvailable, botocoreRoleCacheKeys } from '../../testing/botocore';

const emulator = useScenarioEmulator('test', mfaRolesSeed);

/** /usr/bin/aws with stdin closed and no terminal: a prompt for an MFA code would fail the call. */
async function awsCallerArn(profile: string, env: NodeJS.ProcessEnv): Promise<string> {
  const result = await runAws(
    ['sts', 'get-caller-identity', '--profile', profile, '--endpoint-url', emulator().url, '--output', 'json'],
    env,
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { Arn: string }).Arn;
}

async function cacheFiles(lab: ScenarioLab): Promise<string[]> {
  return (await readdir(join(lab.dir, '.aws', 'cli', 'cache'))).sort();
}

const roleArnPattern = (role: string) =>
  new RegExp(`^arn:aws:sts::${scenario.accounts.repository}:assumed-role/${role}/botocore-session-\\d+$`);

describe('MFA role profiles with the AWS CLI and SDKs', { timeout: 90_000 }, () => {
  it.skipIf(!botocoreAvailable)(
    'renew admin, then /usr/bin/aws --profile admin uses the cached keys without prompting; the file name is botocore’s',
    async () => {
      const lab = await createScenarioLab(emulator().url, { files: mfaRolesFiles() });
      const renewed = await runCli(['renew', 'admin', '--code', scenarioCode(Date.now())], lab.env);
      expect(renewed.stderr).toBe('');
      expect(renewed.stdout).toMatch(/^Renewed the role "admin" with the MFA device .*; cached for the AWS CLI until/);
      expect(renewed.code).toBe(0);

      const expectedKey = botocoreRoleCacheKeys(['admin'], lab.env).admin;
      expect(await cacheFiles(lab)).toEqual([`${expectedKey}.json`]);
      const entry = JSON.parse(await readFile(join(lab.dir, '.aws', 'cli', 'cache', `${expectedKey}.json`), 'utf8'));

      const arn = await awsCallerArn('admin', lab.env);
      expect(arn).toBe(entry.AssumedRoleUser.Arn);
      expect(arn).toMatch(roleArnPattern('Admin'));
      // The AWS CLI signed with the cached keys: no AssumeRole of its own (2.9.19 would send it to real AWS anyway).
      expect([emulator().callCount('AssumeRole'), emulator().callCount('GetCallerIdentity')]).toEqual([1, 1]);

      const status = JSON.parse((await runCli(['status', '--json'], lab.env)).stdout) as {
        roles: Array<{ profile: string; layout: string; state: string; cachedExpiration: string | null }>;
      };
      expect(status.roles.find((r) => r.profile === 'admin')).toMatchObject({
        layout: 'mfa-on-role',
        state: 'valid',
        cachedExpiration: new Date(entry.Credentials.Expiration).toISOString(),
      });
      expect(status.roles.find((r) => r.profile === 'deploy')).toMatchObject({
        state: 'never',
        cachedExpiration: null,
      });
    },
  );

  it('credential-process admin is accepted by the JS SDK and by /usr/bin/aws through credential_process profiles', async () => {
    const lab = await createScenarioLab(emulator().url, { files: mfaRolesFiles() });
    expect((await runCli(['renew', 'admin', '--code', scenarioCode(Date.now())], lab.env)).code).toBe(0);
    await appendFile(
      lab.configPath,
      `\n[profile admin-process]\nregion = ${scenario.region}\ncredential_process = "${process.execPath}" "${CLI}" credential-process admin\n`,
    );
    const printed = await runCli(['credential-process', 'admin'], lab.env);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });

    expect(await awsCallerArn('admin-process', lab.env)).toMatch(roleArnPattern('Admin'));
    // The JS SDK's own credential chain (credential_process in the profile), in a process of its own (run from the
    // repository root, whose node_modules has the SDK).
    const sdk = await runProcess(
      process.execPath,
      [
        '--no-warnings', // the SDK's notice about Node versions
        '--input-type=module',
        '-e',
        `import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
const client = new STSClient({ profile: 'admin-process', endpoint: process.argv[1] });
process.stdout.write((await client.send(new GetCallerIdentityCommand({}))).Arn);`,
        emulator().url,
      ],
      lab.env,
    );
    expect(sdk.stderr).toBe('');
    expect(sdk.stdout).toMatch(roleArnPattern('Admin'));
    expect(emulator().callCount('AssumeRole')).toBe(1);
  });

  it('renews three roles of one device with one code (one prompt): 1 GetSessionToken + 3 AssumeRole', async () => {
    const lab = await createScenarioLab(emulator().url, { files: mfaRolesFiles() });
    // One line of stdin: a second prompt would meet its end and cancel.
    const renewed = await runCli(
      ['renew', '--all-roles-of', scenario.mfaSerial],
      lab.env,
      `${scenarioCode(Date.now())}\n`,
    );
    expect(renewed.stderr).toBe('');
    expect(renewed.code).toBe(0);
    expect(renewed.stdout).toMatch(
      /^One code renewed 3 roles of .*: admin \(until .*role chaining is capped at 1 hour\), deploy \(until .*\), readonly \(until .*\)\.\n$/,
    );
    expect([emulator().callCount('GetSessionToken'), emulator().callCount('AssumeRole')]).toEqual([1, 3]);
    const keys = botocoreAvailable ? botocoreRoleCacheKeys(['admin', 'deploy', 'readonly'], lab.env) : undefined;
    if (keys)
      expect(await cacheFiles(lab)).toEqual(
        Object.values(keys)
          .map((key) => `${key}.json`)
          .sort(),
      );
    expect(await awsCallerArn('deploy', lab.env)).toMatch(roleArnPattern('Deploy'));
    expect(await awsCallerArn('readonly', lab.env)).toMatch(roleArnPattern('ReadOnly'));
    expect(emulator().callCount('AssumeRole')).toBe(3);

    const usage = await runCli(['renew', 'admin', '--all-roles-of', scenario.mfaSerial], lab.env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('give a target or --all-roles-of DEVICE, not both');
  });

  it('git-credential admin answers git with the cached role keys, and says to renew when they are due', async () => {
    const lab = await createScenarioLab(emulator().url, { files: mfaRolesFiles() });
    const request = 'protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\npath=v1/repos/myRepository\n\n';
    // No terminal (stdin piped, no controlling tty in the test runner's children): nothing to ask on.
    const due = await runCli(['git-credential', 'admin', 'get'], { ...lab.env, GIT_TERMINAL_PROMPT: '0' }, request);
    expect(due.stdout).toBe('');
    expect(due.stderr).toContain('The MFA role "admin" has expired');
    expect((await runCli(['renew', 'admin', '--code', scenarioCode(Date.now())], lab.env)).code).toBe(0);
    const answered = await runCli(['git-credential', 'admin', 'get'], lab.env, request);
    expect(answered.stderr).toBe('');
    expect(answered.stdout).toMatch(/^username=ASIA[A-Z0-9]+%\S+\npassword=\d{8}T\d{6}Z[0-9a-f]{64}\n$/);
    expect(emulator().callCount('AssumeRole')).toBe(1);
  });

  it('credential-process admin with no cached keys asks on the terminal, renews the role and prints the JSON', async () => {
    const lab = await createScenarioLab(emulator().url, { files: mfaRolesFiles() });
    const jsonFile = join(lab.dir, 'stdout.json');
    // util-linux `script` gives the CLI a controlling terminal; stdout goes to a file, as the AWS CLI would pipe it.
    const child = spawn(
      '/usr/bin/script',
      ['-qec', `"${process.execPath}" "${CLI}" credential-process admin > "${jsonFile}"`, '/dev/null'],
      { env: lab.env },
    );
    let terminal = '';
    let typed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      terminal += chunk.toString();
      if (!typed && terminal.includes(`MFA code for ${scenario.mfaSerial} (renewing admin with default's keys)`)) {
        typed = true;
        child.stdin.write(`${scenarioCode(Date.now())}\r`);
      }
    });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    expect(terminal).toMatch(/Renewed the role "admin"/);
    const printed = JSON.parse(await readFile(jsonFile, 'utf8'));
    expect(printed).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(terminal).not.toContain(printed.SecretAccessKey);
    expect(emulator().callCount('AssumeRole')).toBe(1);
  });
});
