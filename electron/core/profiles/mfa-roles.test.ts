import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfileModel } from './load-model';
import { roleCacheKey } from './role-cache-key';
import { scenario } from '../../../testing/scenario/scenario';
import { MFA_ROLES_CREDENTIALS, mfaRoleArn, mfaRolesConfig } from '../../../testing/scenario/mfa-roles';
import { SCENARIO_CREDENTIALS, scenarioConfig } from '../../../testing/scenario/scenario-files';

function awsFolder(config: string, credentials: string) {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-roles-'));
  const locations = {
    config: join(dir, 'config'),
    credentials: join(dir, 'credentials'),
    cliCacheDir: join(dir, 'cache'),
  };
  writeFileSync(locations.config, config);
  writeFileSync(locations.credentials, credentials);
  return locations;
}

describe('MFA-protected role profiles (mfa_serial on the role profile)', () => {
  it('recognises the documented layout, with the AWS CLI cache entry botocore would use as its expiry', async () => {
    const locations = awsFolder(mfaRolesConfig(['admin', 'deploy']), MFA_ROLES_CREDENTIALS);
    const adminKey = roleCacheKey({
      role_arn: mfaRoleArn('admin'),
      mfa_serial: scenario.mfaSerial,
      duration_seconds: '7200',
    })!;
    mkdirSync(locations.cliCacheDir);
    writeFileSync(
      join(locations.cliCacheDir, `${adminKey}.json`),
      JSON.stringify({
        Credentials: {
          AccessKeyId: 'ASIA',
          SecretAccessKey: 's',
          SessionToken: 't',
          Expiration: '2030-01-01T02:00:00+00:00',
        },
        AssumedRoleUser: { Arn: `arn:aws:sts::${scenario.accounts.repository}:assumed-role/Admin/botocore-session-1` },
      }),
    );

    const model = await loadProfileModel(locations);
    expect(model.problems).toEqual([]);
    const admin = model.roles.find((r) => r.profile === 'admin')!;
    expect(admin).toMatchObject({
      chain: ['admin', 'default'],
      mfaSerial: scenario.mfaSerial,
      cachedExpiration: new Date('2030-01-01T02:00:00Z'),
      mfaRole: {
        device: scenario.mfaSerial,
        cacheKey: adminKey,
        signer: { kind: 'profile', profile: 'default', temporary: false },
        durationSeconds: 7200,
      },
    });
    expect(admin.chainError).toBeUndefined();
    const deploy = model.roles.find((r) => r.profile === 'deploy')!;
    expect(deploy.cachedExpiration).toBeUndefined();
    expect(deploy.mfaRole?.cacheKey).not.toBe(adminKey);
  });

  it('takes credential_source, role_session_name and external_id as botocore does', async () => {
    const config = `[profile ci]
role_arn = ${mfaRoleArn('deploy')}
credential_source = Environment
mfa_serial = ${scenario.mfaSerial}
role_session_name = alice@example.com
external_id = team-42
duration_seconds = not a number
`;
    const model = await loadProfileModel(awsFolder(config, ''));
    expect(model.roles[0]?.mfaRole).toEqual({
      device: scenario.mfaSerial,
      cacheKey: roleCacheKey({
        role_arn: mfaRoleArn('deploy'),
        mfa_serial: scenario.mfaSerial,
        role_session_name: 'alice@example.com',
        external_id: 'team-42',
      }),
      signer: { kind: 'credential-source', name: 'Environment' },
      roleSessionName: 'alice@example.com',
      externalId: 'team-42',
    });
  });

  it('leaves the session-chaining layout and roles chained through other roles to their own treatment', async () => {
    const config = `${scenarioConfig()}
[profile deep]
role_arn = ${mfaRoleArn('admin')}
source_profile = ${scenario.profiles.role}
mfa_serial = ${scenario.mfaSerial}
`;
    const model = await loadProfileModel(awsFolder(config, SCENARIO_CREDENTIALS));
    const byName = Object.fromEntries(model.roles.map((r) => [r.profile, r]));
    expect(byName[scenario.profiles.role]?.mfaRole).toBeUndefined();
    expect(byName[scenario.profiles.role]?.mfaSessionTarget).toBe(scenario.profiles.target);
    expect(byName.deep?.mfaRole).toBeUndefined();
    expect(byName.deep?.mfaSerial).toBe(scenario.mfaSerial);
  });

  it('marks a role signed by a session profile as role chaining', async () => {
    const config = `${scenarioConfig()}
[profile onSession]
role_arn = ${mfaRoleArn('deploy')}
source_profile = ${scenario.profiles.target}
mfa_serial = ${scenario.mfaSerial}
`;
    const model = await loadProfileModel(awsFolder(config, SCENARIO_CREDENTIALS));
    expect(model.roles.find((r) => r.profile === 'onSession')?.mfaRole?.signer).toEqual({
      kind: 'profile',
      profile: scenario.profiles.target,
      temporary: true,
    });
  });
});
