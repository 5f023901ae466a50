// Acceptance: the scenario's setup in a temp folder, `mfa-tray renew` as a real process against the STS
// emulator, and the real AWS CLI reading and using what it wrote.
import { describe, expect, it } from 'vitest';
import { scenario, scenarioCode } from '../../testing/scenario/scenario';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { runAws, runCli } from '../../testing/cli/run-cli';
import { createScenarioLab, ROLE_PROFILE, SOURCE, TARGET } from '../../testing/scenario/scenario-lab';

const emulator = useScenarioEmulator('test');

const awsGet = async (key: string, profile: string, env: NodeJS.ProcessEnv) =>
  (await runAws(['configure', 'get', key, '--profile', profile], env)).stdout.trim();

/** The target's keys as the AWS CLI resolves them (one slow AWS CLI start instead of three). */
async function exportCredentials(
  env: NodeJS.ProcessEnv,
): Promise<{ Version: 1; AccessKeyId: string; SecretAccessKey: string; SessionToken: string }> {
  const result = await runAws(['configure', 'export-credentials', '--profile', TARGET, '--format', 'process'], env);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

// The AWS CLI takes seconds to start on a busy machine: these tests get room for several runs of it.
describe('mfa-tray renew with the scenario profiles', { timeout: 120_000 }, () => {
  it('renews MyRepositoryAssumer so the AWS CLI can use it and assume the role, changing nothing else', async () => {
    const lab = await createScenarioLab(emulator().url);
    const before = await lab.snapshot();
    const result = await runCli(['renew', TARGET, '--source', SOURCE, '--code', scenarioCode(Date.now())], lab.env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(
      /^Renewed "MyRepositoryAssumer" .* valid until (today|tomorrow) [^(]+ \(in (1 d|23 h 59 min)\)\.\n$/,
    );
    expect(emulator().callCount('GetSessionToken')).toBe(1);

    // The AWS CLI is slow to start: ask it everything at once.
    const [exported, expiration, roleArn, sourceProfile, region] = await Promise.all([
      exportCredentials(lab.env),
      awsGet('expiration', TARGET, lab.env),
      awsGet('role_arn', ROLE_PROFILE, lab.env),
      awsGet('source_profile', ROLE_PROFILE, lab.env),
      awsGet('region', ROLE_PROFILE, lab.env),
    ]);
    const { AccessKeyId: keyId, SecretAccessKey: secret, SessionToken: token } = exported;
    expect(keyId).toMatch(/^ASIA/);
    expect(token.length).toBeGreaterThan(20);
    expect(Date.parse(expiration) - Date.now()).toBeGreaterThan(86_000_000);
    expect(expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Secrets never reach the terminal.
    expect(result.stdout + result.stderr).not.toContain(secret);
    expect(result.stdout + result.stderr).not.toContain(token);

    // What the MyRepositoryContributor profile makes any AWS tool do: AssumeRole with its source_profile's keys.
    const [identity, assumed] = await Promise.all([
      runAws(
        ['sts', 'get-caller-identity', '--profile', TARGET, '--endpoint-url', emulator().url, '--region', 'us-east-1'],
        lab.env,
      ),
      runAws(
        [
          'sts',
          'assume-role',
          '--profile',
          sourceProfile,
          '--role-arn',
          roleArn,
          '--role-session-name',
          'git',
          '--endpoint-url',
          emulator().url,
          '--region',
          region,
        ],
        lab.env,
      ),
    ]);
    expect(identity.code).toBe(0);
    expect(JSON.parse(identity.stdout)).toMatchObject({ Account: '111111111111', Arn: scenario.userArn });
    expect(assumed.code, assumed.stderr).toBe(0);
    expect(JSON.parse(assumed.stdout).AssumedRoleUser.Arn).toContain('MyRepositoryContributorRole/git');

    // Every other byte of both files is unchanged.
    const after = await lab.snapshot();
    expect(after.config).toBe(before.config.replace(/expiration = .*/, `expiration = ${expiration}`));
    const secretLine = (text: string, key: string) =>
      text.split('\n').findIndex((l, i, all) => l.startsWith(key) && all.slice(0, i).includes(`[${TARGET}]`));
    const expected = before.credentials.split('\n');
    expected[secretLine(before.credentials, 'aws_access_key_id')] = `aws_access_key_id = ${keyId}`;
    expected[secretLine(before.credentials, 'aws_secret_access_key')] = `aws_secret_access_key = ${secret}`;
    expected[secretLine(before.credentials, 'aws_session_token')] = `aws_session_token = ${token}`;
    expect(after.credentials).toBe(expected.join('\n'));
  });

  it('exits 10 without calling STS while the session is still valid', async () => {
    const lab = await createScenarioLab(emulator().url, { expiration: new Date(Date.now() + 7_200_000).toISOString() });
    const calls = emulator().callCount('GetSessionToken');
    const result = await runCli(['renew', TARGET], lab.env);
    expect(result.code).toBe(10);
    expect(result.stdout).toMatch(/still valid until/);
    expect(emulator().callCount('GetSessionToken')).toBe(calls);
  });

  it('reads the code from stdin when it is not a terminal, finding the source by pairing', async () => {
    const lab = await createScenarioLab(emulator().url);
    const result = await runCli(['renew', TARGET], lab.env, `${scenarioCode(Date.now())}\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('credential-process prints the session as credential_process JSON, and explains how to renew when expired', async () => {
    const expired = await createScenarioLab(emulator().url);
    const refused = await runCli(['credential-process', TARGET], expired.env);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/mfa-tray renew MyRepositoryAssumer/);

    const lab = await createScenarioLab(emulator().url);
    expect((await runCli(['renew', TARGET, '--code', scenarioCode(Date.now())], lab.env)).code).toBe(0);
    const printed = await runCli(['credential-process', TARGET], lab.env);
    expect(printed.code).toBe(0);
    const [exported, Expiration] = await Promise.all([
      exportCredentials(lab.env),
      awsGet('expiration', TARGET, lab.env),
    ]);
    expect(JSON.parse(printed.stdout)).toEqual({ ...exported, Expiration });
  });
});
