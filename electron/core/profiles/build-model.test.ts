import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildProfileModel, type ProfileModelInput } from './build-model';
import { PAIRING_KEY } from './mfa-pairing';
import { roleCacheKey } from './role-cache-key';
import type { CachedRoleCredential, SettingValue } from './types';

type Sections = Record<string, Record<string, SettingValue>>;

const USERS = '111111111111';
const REPO = '222222222222';
const DEVICE = `arn:aws:iam::${USERS}:mfa/MyRepositoryUser`;
const ROLE_ARN = `arn:aws:iam::${REPO}:role/MyRepositoryContributorRole`;
const longTerm = { aws_access_key_id: 'AKIAEXAMPLE', aws_secret_access_key: 'long-secret' };
const session = {
  aws_access_key_id: 'ASIAEXAMPLE',
  aws_secret_access_key: 'session-secret',
  aws_session_token: 'token',
};

function build(config: Sections, credentials: Sections = {}, cachedRoles: CachedRoleCredential[] = []) {
  const input: ProfileModelInput = {
    config: { profiles: config, ssoSessions: {}, services: {} },
    credentials,
    problems: [],
    cachedRoles,
    configPath: '/home/u/.aws/config',
  };
  return buildProfileModel(input);
}

function scenario(extraConfig: Sections = {}, extraCredentials: Sections = {}) {
  return build(
    {
      FetchMfaCredentials: { mfa_serial: DEVICE, get_session_token_duration_seconds: '86400' },
      MyRepositoryAssumer: { expiration: '2030-01-02T03:04:05+00:00' },
      MyRepositoryContributor: { region: 'eu-west-1', role_arn: ROLE_ARN, source_profile: 'MyRepositoryAssumer' },
      ...extraConfig,
    },
    { FetchMfaCredentials: longTerm, MyRepositoryAssumer: session, ...extraCredentials },
  );
}

describe('effective settings', () => {
  it('lets the credentials file win for the same key and keeps where each key came from', () => {
    const model = build(
      { a: { region: 'eu-west-1', aws_access_key_id: 'FROMCONFIG' } },
      { a: { aws_access_key_id: 'FROMCREDS' } },
    );
    const a = model.profiles.get('a')!;
    expect(a.settings).toEqual({ region: 'eu-west-1', aws_access_key_id: 'FROMCREDS' });
    expect(a.origin).toEqual({ region: 'config', aws_access_key_id: 'credentials' });
  });

  it('includes a profile that exists only in the credentials file', () => {
    const model = build({}, { onlyCreds: longTerm });
    expect(model.profiles.get('onlyCreds')?.kind).toBe('long-term');
  });

  it('keeps a key named __proto__ as a plain setting', () => {
    const config: Sections = { a: Object.fromEntries([['__proto__', 'x']]) };
    const a = build(config).profiles.get('a')!;
    expect(Object.keys(a.settings)).toEqual(['__proto__']);
    expect(Object.keys(a.origin)).toEqual(['__proto__']);
  });
});

describe('classification', () => {
  it('classifies the scenario and every other credential kind', () => {
    const model = scenario({
      sso: { sso_session: 'corp', sso_account_id: '333333333333' },
      proc: { credential_process: '/bin/creds' },
      web: { role_arn: ROLE_ARN, web_identity_token_file: '/t' },
      plain: { region: 'us-east-1' },
      instanceRole: { role_arn: ROLE_ARN, credential_source: 'Ec2InstanceMetadata' },
    });
    const kinds = Object.fromEntries([...model.profiles].map(([name, p]) => [name, p.kind]));
    expect(kinds).toEqual({
      FetchMfaCredentials: 'long-term',
      MyRepositoryAssumer: 'mfa-session',
      MyRepositoryContributor: 'role',
      sso: 'sso',
      proc: 'credential-process',
      web: 'other',
      plain: 'other',
      instanceRole: 'role',
    });
  });

  it('puts keys in the credentials file before credential_process, and credential_process before config-file keys', () => {
    const model = build(
      { viaCreds: { credential_process: 'x' }, viaConfig: { credential_process: 'x', ...longTerm } },
      { viaCreds: longTerm },
    );
    expect(model.profiles.get('viaCreds')!.kind).toBe('long-term');
    expect(model.profiles.get('viaConfig')!.kind).toBe('credential-process');
  });
});

describe('MFA session pairing', () => {
  it('recognises the scenario pair without any extra configuration', () => {
    const model = scenario();
    expect(model.mfaSessions).toEqual([
      {
        source: 'FetchMfaCredentials',
        target: 'MyRepositoryAssumer',
        pairedBy: 'scenario',
        device: DEVICE,
        durationSeconds: 86400,
        expiration: new Date('2030-01-02T03:04:05Z'),
        accountId: USERS,
      },
    ]);
    expect(model.problems).toEqual([]);
  });

  it('pairs the scenario before the first renewal, when the session profile does not exist yet', () => {
    const model = build(
      {
        FetchMfaCredentials: { mfa_serial: DEVICE },
        MyRepositoryContributor: { role_arn: ROLE_ARN, source_profile: 'MyRepositoryAssumer' },
      },
      { FetchMfaCredentials: longTerm },
    );
    expect(model.mfaSessions.map((s) => [s.source, s.target, s.expiration])).toEqual([
      ['FetchMfaCredentials', 'MyRepositoryAssumer', undefined],
    ]);
    expect(model.roles[0]).toMatchObject({
      chain: ['MyRepositoryContributor', 'MyRepositoryAssumer'],
      mfaSessionTarget: 'MyRepositoryAssumer',
      mfaSerial: DEVICE,
      chainError: 'source_profile "MyRepositoryAssumer" of profile "MyRepositoryContributor" does not exist',
    });
  });

  it('pairs aws-mfa profiles NAME-long-term → NAME with aws_mfa_device and its UTC stamp', () => {
    const model = build(
      {},
      {
        'dev-long-term': { ...longTerm, aws_mfa_device: `arn:aws:iam::${USERS}:mfa/me` },
        dev: { ...session, expiration: '2030-01-02 03:04:05' },
      },
    );
    expect(model.mfaSessions).toMatchObject([
      {
        source: 'dev-long-term',
        target: 'dev',
        pairedBy: 'aws-mfa-long-term',
        device: `arn:aws:iam::${USERS}:mfa/me`,
        expiration: new Date('2030-01-02T03:04:05Z'),
      },
    ]);
  });

  it('lets the explicit key win over the inferred scenario pair', () => {
    const model = scenario(
      {
        MyRepositoryAssumer: { expiration: '2030-01-02T03:04:05Z', [PAIRING_KEY]: 'Other' },
        Other: { mfa_serial: DEVICE },
      },
      { Other: longTerm },
    );
    expect(model.mfaSessions.map((s) => [s.source, s.target, s.pairedBy])).toEqual([
      ['Other', 'MyRepositoryAssumer', 'explicit'],
    ]);
  });

  it('reports an explicit key naming a missing or key-less profile instead of pairing', () => {
    const model = build({ s: { [PAIRING_KEY]: 'ghost' }, t: { [PAIRING_KEY]: 'plain' }, plain: { region: 'x' } });
    expect(model.mfaSessions).toEqual([]);
    expect(model.problems.map((p) => p.message)).toEqual([
      `${PAIRING_KEY} of profile "s" names "ghost", which does not exist`,
      `${PAIRING_KEY} of profile "t" names "plain", which holds no long-term access key`,
    ]);
    expect(model.problems[0]).toMatchObject({ file: '/home/u/.aws/config', fileRole: 'config', line: 0 });
  });

  it('never guesses between two long-term MFA profiles: reports the ambiguity', () => {
    const model = build(
      {
        A: { mfa_serial: DEVICE },
        B: { mfa_serial: `arn:aws:iam::${USERS}:mfa/other` },
        S: { expiration: '2030-01-01T00:00:00Z' },
      },
      { A: longTerm, B: longTerm, S: session },
    );
    expect(model.mfaSessions).toEqual([]);
    expect(model.problems.map((p) => p.message)).toEqual([
      `cannot tell which profile renews MFA session "S": "A" or "B"; set ${PAIRING_KEY} = NAME in [profile S] of the config file`,
    ]);
  });

  it('never guesses between two session profiles a single long-term profile could renew', () => {
    const model = build(
      {
        A: { mfa_serial: DEVICE },
        S1: { expiration: '2030-01-01T00:00:00Z' },
        S2: { expiration: '2030-01-01T00:00:00Z' },
      },
      { A: longTerm, S1: session, S2: session },
    );
    expect(model.mfaSessions).toEqual([]);
    expect(model.problems).toHaveLength(1);
    expect(model.problems[0]!.message).toContain('"S1" or "S2"');
  });

  it('narrows by the renewal script’s duration key and by the role that uses the session', () => {
    const model = scenario(
      { Admin: { mfa_serial: DEVICE }, Leftover: { expiration: '2020-01-01T00:00:00Z' } },
      { Admin: longTerm, Leftover: session },
    );
    expect(model.mfaSessions.map((s) => [s.source, s.target])).toEqual([
      ['FetchMfaCredentials', 'MyRepositoryAssumer'],
    ]);
    expect(model.problems).toEqual([]);
  });

  it('pairs two setups in different accounts by account', () => {
    const model = build(
      {
        A: { mfa_serial: `arn:aws:iam::${USERS}:mfa/a` },
        B: { mfa_serial: `arn:aws:iam::${REPO}:mfa/b` },
        SA: { expiration: '2030-01-01T00:00:00Z', aws_account_id: USERS },
        SB: { expiration: '2030-01-01T00:00:00Z', aws_account_id: REPO },
      },
      { A: longTerm, B: longTerm, SA: session, SB: session },
    );
    expect(model.mfaSessions.map((s) => [s.source, s.target]).sort()).toEqual([
      ['A', 'SA'],
      ['B', 'SB'],
    ]);
  });

  it('reports an unparseable expiration as a problem and keeps the session', () => {
    const model = scenario({ MyRepositoryAssumer: { expiration: 'tomorrow' } });
    expect(model.mfaSessions[0]).toMatchObject({ target: 'MyRepositoryAssumer', unparsedExpiration: 'tomorrow' });
    expect(model.mfaSessions[0]!.expiration).toBeUndefined();
    expect(model.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('expiration of profile "MyRepositoryAssumer" is "tomorrow"'),
    ]);
  });

  it('reports a session duration GetSessionToken would refuse', () => {
    const model = scenario({
      FetchMfaCredentials: { mfa_serial: DEVICE, get_session_token_duration_seconds: '200000' },
    });
    expect(model.mfaSessions[0]!.durationSeconds).toBeUndefined();
    expect(model.problems[0]!.message).toContain(
      'get_session_token_duration_seconds of profile "FetchMfaCredentials" is "200000"',
    );
  });
});

describe('role chains', () => {
  it('resolves the scenario chain, its accounts and MFA device', () => {
    const model = scenario();
    expect(model.roles).toEqual([
      {
        profile: 'MyRepositoryContributor',
        roleArn: ROLE_ARN,
        accountId: REPO,
        region: 'eu-west-1',
        chain: ['MyRepositoryContributor', 'MyRepositoryAssumer'],
        mfaSessionTarget: 'MyRepositoryAssumer',
        mfaSerial: DEVICE,
      },
    ]);
    expect(model.profiles.get('MyRepositoryContributor')).toMatchObject({ accountId: REPO, mfaSerial: DEVICE });
    expect(model.profiles.get('MyRepositoryAssumer')).toMatchObject({ accountId: USERS, mfaSerial: DEVICE });
  });

  it('follows role-to-role chains down to static keys', () => {
    const model = build(
      {
        top: { role_arn: ROLE_ARN, source_profile: 'mid' },
        mid: { role_arn: ROLE_ARN, source_profile: 'base', mfa_serial: DEVICE },
      },
      { base: longTerm },
    );
    expect(model.roles.find((r) => r.profile === 'top')).toMatchObject({
      chain: ['top', 'mid', 'base'],
      mfaSerial: DEVICE,
    });
  });

  it('reports cycles and missing source configuration as chain errors', () => {
    const model = build({
      a: { role_arn: ROLE_ARN, source_profile: 'b' },
      b: { role_arn: ROLE_ARN, source_profile: 'a' },
      both: { role_arn: ROLE_ARN, source_profile: 'a', credential_source: 'Environment' },
      none: { role_arn: ROLE_ARN },
    });
    const errors = Object.fromEntries(model.roles.map((r) => [r.profile, r.chainError]));
    expect(errors).toEqual({
      a: 'source_profile loop: a → b → a',
      b: 'source_profile loop: b → a → b',
      both: 'profile "both" has both source_profile and credential_source',
      none: 'profile "none" has role_arn but neither source_profile nor credential_source',
    });
  });

  it('allows a role to name itself as source when it holds static keys, like botocore', () => {
    const model = build({ self: { role_arn: ROLE_ARN, source_profile: 'self' } }, { self: longTerm });
    expect(model.roles[0]).toEqual(expect.objectContaining({ chain: ['self'] }));
    expect(model.roles[0]!.chainError).toBeUndefined();
  });
});

describe('cached role credentials', () => {
  const contributor = { region: 'eu-west-1', role_arn: ROLE_ARN, source_profile: 'MyRepositoryAssumer' };
  const scenarioKey = roleCacheKey(contributor)!;

  it('matches a cache file by botocore’s cache key', () => {
    const model = build(
      { MyRepositoryContributor: contributor, Same: { ...contributor, role_session_name: 'me' } },
      {},
      [{ cacheKey: scenarioKey, expiration: new Date('2030-01-01T01:00:00Z') }],
    );
    expect(model.roles.map((r) => [r.profile, r.cachedExpiration])).toEqual([
      ['MyRepositoryContributor', new Date('2030-01-01T01:00:00Z')],
      ['Same', undefined],
    ]);
  });

  it('matches a file no key explains by its assumed-role ARN only when one role profile has that role', () => {
    const other = createHash('sha1').update('other').digest('hex');
    const assumedRoleArn = `arn:aws:sts::${REPO}:assumed-role/MyRepositoryContributorRole/botocore-session-1`;
    const one = build({ MyRepositoryContributor: contributor }, {}, [
      { cacheKey: other, assumedRoleArn, expiration: new Date('2030-01-01T01:00:00Z') },
    ]);
    expect(one.roles[0]!.cachedExpiration).toEqual(new Date('2030-01-01T01:00:00Z'));

    const two = build({ A: contributor, B: { ...contributor, duration_seconds: '900' } }, {}, [
      { cacheKey: other, assumedRoleArn, expiration: new Date('2030-01-01T01:00:00Z') },
    ]);
    expect(two.roles.map((r) => r.cachedExpiration)).toEqual([undefined, undefined]);
  });

  it('matches by assumed-role ARN a role with a path, and never a role of another name or account', () => {
    const other = createHash('sha1').update('other').digest('hex');
    const expiration = new Date('2030-01-01T01:00:00Z');
    const assumedRoleArn = `arn:aws:sts::${REPO}:assumed-role/Deploy/botocore-session-1`;
    const model = build(
      {
        Pathed: { role_arn: `arn:aws:iam::${REPO}:role/team/ci/Deploy`, credential_source: 'Environment' },
        Named: { role_arn: `arn:aws:iam::${REPO}:role/NotDeploy`, credential_source: 'Environment' },
        Elsewhere: { role_arn: 'arn:aws:iam::999999999999:role/Other', credential_source: 'Environment' },
      },
      {},
      [{ cacheKey: other, assumedRoleArn, expiration }],
    );
    expect(model.roles.map((r) => [r.profile, r.cachedExpiration])).toEqual([
      ['Pathed', expiration],
      ['Named', undefined],
      ['Elsewhere', undefined],
    ]);
  });
});
