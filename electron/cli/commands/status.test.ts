import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roleCacheKey } from '../../core/profiles';
import { SCENARIO_CREDENTIALS, SCENARIO_SECRETS, scenarioConfig } from '../../../testing/scenario/scenario-files';
import { MFA_ROLES_CREDENTIALS, mfaRolesConfig } from '../../../testing/scenario/mfa-roles';
import type { CliIo } from '../output/cli-io';
import { runStatus, type StatusReport } from './status';

const ROLE_ARN = 'arn:aws:iam::222222222222:role/MyRepositoryContributorRole';
const EXPIRES = Date.UTC(2030, 0, 2, 3, 4, 5);

function scenarioHome(config = scenarioConfig(), roleCachedUntil?: string) {
  const home = mkdtempSync(join(tmpdir(), 'cli-status-'));
  const aws = join(home, '.aws');
  mkdirSync(join(aws, 'cli', 'cache'), { recursive: true });
  writeFileSync(join(aws, 'config'), config);
  writeFileSync(join(aws, 'credentials'), SCENARIO_CREDENTIALS);
  if (roleCachedUntil) {
    writeFileSync(
      join(aws, 'cli', 'cache', `${roleCacheKey({ role_arn: ROLE_ARN })}.json`),
      JSON.stringify({
        Credentials: {
          AccessKeyId: 'ASIAROLE',
          SecretAccessKey: SCENARIO_SECRETS[1],
          SessionToken: SCENARIO_SECRETS[2],
          Expiration: roleCachedUntil,
        },
        AssumedRoleUser: {
          Arn: 'arn:aws:sts::222222222222:assumed-role/MyRepositoryContributorRole/botocore-session-1',
        },
      }),
    );
  }
  return { HOME: home };
}

async function status(
  env: NodeJS.ProcessEnv,
  nowMs: number,
  options: { json?: boolean; warnBefore?: number } = { json: true },
) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    env,
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
    clock: { now: () => nowMs },
    clockFormat: { timeZone: 'UTC', locale: 'en-GB' },
  };
  const code = await runStatus(options, io);
  return { code, ...out };
}

describe('mfa-tray status', () => {
  it('reports the scenario’s session and role with expiry, seconds left and chain', async () => {
    const env = scenarioHome(scenarioConfig(), '2030-01-02T02:30:00UTC');
    const { code, stdout } = await status(env, EXPIRES - 3600_000);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as StatusReport;
    expect(report.mfaSessions).toEqual([
      {
        source: 'FetchMfaCredentials',
        target: 'MyRepositoryAssumer',
        pairedBy: 'scenario',
        device: 'arn:aws:iam::111111111111:mfa/MyRepositoryUser',
        durationSeconds: 86400,
        accountId: '111111111111',
        expiration: '2030-01-02T03:04:05.000Z',
        secondsLeft: 3600,
        state: 'valid',
      },
    ]);
    expect(report.roles).toEqual([
      {
        profile: 'MyRepositoryContributor',
        roleArn: ROLE_ARN,
        accountId: '222222222222',
        region: 'eu-west-1',
        chain: ['MyRepositoryContributor', 'MyRepositoryAssumer'],
        mfaSessionTarget: 'MyRepositoryAssumer',
        mfaSerial: 'arn:aws:iam::111111111111:mfa/MyRepositoryUser',
        cachedExpiration: '2030-01-02T02:30:00.000Z',
        secondsLeft: 1555,
        state: 'valid',
        layout: 'mfa-session-chain',
      },
    ]);
    for (const secret of SCENARIO_SECRETS) expect(stdout).not.toContain(secret);
  });

  it.each([
    [EXPIRES - 20 * 60_000, undefined, 'valid'],
    [EXPIRES - 10 * 60_000, undefined, 'expiring'],
    [EXPIRES - 20 * 60_000, 30, 'expiring'],
    [EXPIRES + 1000, undefined, 'expired'],
  ])('at %i with --warn-before %s the session is %s', async (now, warnBefore, state) => {
    const { stdout } = await status(scenarioHome(), now, { json: true, warnBefore });
    expect((JSON.parse(stdout) as StatusReport).mfaSessions[0]!.state).toBe(state);
  });

  it('says "not renewed yet" for a session never renewed ("never" in JSON) and shows an unreadable expiration as a problem (exit 1)', async () => {
    const neverRenewed = scenarioConfig().replace(/\[profile MyRepositoryAssumer\]\nexpiration = .*\n/, '');
    const never = JSON.parse((await status(scenarioHome(neverRenewed), EXPIRES)).stdout) as StatusReport;
    expect(never.mfaSessions[0]).toMatchObject({ expiration: null, secondsLeft: null, state: 'never' });
    const table = (await status(scenarioHome(neverRenewed), EXPIRES, {})).stdout;
    expect(table).toMatch(/^ {2}MyRepositoryAssumer +FetchMfaCredentials +arn:\S+ +- +- +not renewed yet$/m);
    expect(table).not.toContain('never');

    const unreadable = await status(scenarioHome(scenarioConfig('next tuesday')), EXPIRES, {});
    expect(unreadable.code).toBe(1);
    expect(unreadable.stdout).toContain('unreadable: next tuesday');
    expect(unreadable.stderr).toContain('expiration of profile "MyRepositoryAssumer" is "next tuesday"');
  });

  it("puts a role's chain problem on its own line under the table, not in the CHAIN column", async () => {
    const noSessionKeys = { ...scenarioHome(), AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials' };
    const { stdout } = await status(noSessionKeys, EXPIRES, {});
    expect(stdout).toMatch(
      /^ {2}MyRepositoryContributor +222222222222 +arn:\S+ +MyRepositoryContributor → MyRepositoryAssumer +- +not cached +-$/m,
    );
    expect(stdout).toMatch(/^ {2}MyRepositoryContributor: source profile "MyRepositoryAssumer" has no credentials/m);
  });

  it('prints tables for people', async () => {
    const { stdout } = await status(
      scenarioHome(scenarioConfig(), '2030-01-02T02:30:00Z'),
      EXPIRES - 2 * 3600_000 - 5 * 60_000,
      {},
    );
    expect(stdout).toMatch(
      /^ {2}MyRepositoryAssumer +FetchMfaCredentials +arn:aws:iam::111111111111:mfa\/MyRepositoryUser +today 03:04 +2 h 05 min +valid$/m,
    );
    expect(stdout).toMatch(
      /^ {2}MyRepositoryContributor +222222222222 +arn:\S+ +MyRepositoryContributor → MyRepositoryAssumer +via MFA session +today 02:30 +1 h 30 min$/m,
    );
  });

  it('says that the JS SDK cannot see a session whose name has a space', async () => {
    const config = `${scenarioConfig()}\n[profile "My Session"]\nmfa_tray_source_profile = FetchMfaCredentials\n`;
    const env = scenarioHome(
      config.replace(
        '[profile MyRepositoryAssumer]\n',
        '[profile MyRepositoryAssumer]\nmfa_tray_source_profile = FetchMfaCredentials\n',
      ),
    );
    const text = await status(env, EXPIRES, { json: false });
    expect(text.stdout).toMatch(
      /My Session: the name has a space, so the AWS SDK for JavaScript .* cannot see this profile/,
    );
    expect(text.stdout).not.toMatch(/MyRepositoryAssumer: the name has a space/);
    const report = JSON.parse((await status(env, EXPIRES)).stdout) as StatusReport;
    expect(report.mfaSessions.find((s) => s.target === 'My Session')).toMatchObject({ jsSdkReadable: false });
  });
});

describe('mfa-tray status with MFA roles (mfa_serial on the role profile)', () => {
  it('shows the layout and "not renewed yet" until the AWS CLI cache holds the role', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cli-status-roles-'));
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'config'), mfaRolesConfig(['admin']));
    writeFileSync(join(home, '.aws', 'credentials'), MFA_ROLES_CREDENTIALS);
    const { stdout } = await status({ HOME: home }, EXPIRES, {});
    expect(stdout).toMatch(
      /^ {2}admin +222222222222 +arn:\S+ +admin → default +mfa_serial on role +not renewed yet +-$/m,
    );
    const report = JSON.parse((await status({ HOME: home }, EXPIRES)).stdout) as StatusReport;
    expect(report.roles[0]).toMatchObject({
      layout: 'mfa-on-role',
      state: 'never',
      mfaRole: { durationSeconds: 7200 },
    });
  });
});
