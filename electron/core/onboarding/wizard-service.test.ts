import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WizardPlan, WizardPreview } from '../../shared/contract';
import { startEmulator, type StsEmulator } from '../../../tools/sts-emulator';
import { scenario, scenarioCode, scenarioSeed } from '../../../testing/scenario/scenario';
import { loadProfileModel } from '../profiles';
import { createStsGateway } from '../sts';
import { createWizardService, HELD_KEYS_TTL_MS, type WizardService } from './wizard-service';

const run = promisify(execFile);
const KEY_ID = scenario.activeKey.id;
const SECRET = scenario.activeKey.secret;
const ROLE = { profile: 'MyRepositoryContributor', roleArn: scenario.roleArn, region: 'eu-west-1' };
const PLAN: WizardPlan = {
  sourceProfile: 'FetchMfaCredentials',
  targetProfile: 'MyRepositoryAssumer',
  mfaSerial: scenario.mfaSerial,
  durationSeconds: 86400,
  keys: 'new',
  roles: [ROLE],
};

let emulator: StsEmulator;
let folder: string;
let locations: { config: string; credentials: string; cliCacheDir: string };
let wizard: WizardService;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: scenarioSeed });
});
afterAll(async () => {
  await emulator.close();
});

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mfa-tray-wizard-'));
  locations = {
    config: join(folder, 'config'),
    credentials: join(folder, 'credentials'),
    cliCacheDir: join(folder, 'cli', 'cache'),
  };
  env = {
    PATH: process.env.PATH,
    HOME: folder,
    AWS_ENDPOINT_URL_STS: emulator.url,
    AWS_ENDPOINT_URL_IAM: emulator.url,
  };
  wizard = createWizardService({
    locations,
    clock: { now: () => Date.now() },
    env,
    cli: { argv: ['/opt/MFA Tray/mfa-tray', 'cli.js'] },
    pickFolder: async () => folder,
  });
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The real AWS CLI reading our files: the oracle for "what every AWS tool will see". */
async function awsGet(key: string, profile: string): Promise<string> {
  const { stdout } = await run('/usr/bin/aws', ['configure', 'get', key, '--profile', profile], {
    env: {
      PATH: process.env.PATH,
      HOME: folder,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: locations.config,
      AWS_SHARED_CREDENTIALS_FILE: locations.credentials,
    },
  });
  return stdout.trim();
}

/** botocore's merged view of both files (credentials win), as the AWS CLI builds it. */
async function botocoreProfiles(): Promise<unknown> {
  const { stdout } = await run(
    '/usr/bin/python3',
    ['-c', 'import json; from botocore.session import Session; print(json.dumps(Session().full_config["profiles"]))'],
    {
      env: {
        PYTHONPATH: '/usr/lib/python3/dist-packages/awscli',
        HOME: folder,
        AWS_CONFIG_FILE: locations.config,
        AWS_SHARED_CREDENTIALS_FILE: locations.credentials,
      },
    },
  );
  return JSON.parse(stdout);
}

function lines(preview: WizardPreview, fileRole: 'config' | 'credentials'): string[] {
  return (preview.files.find((file) => file.fileRole === fileRole)?.hunks ?? [])
    .flat()
    .map((line) => `${line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : ' '}${line.text}`);
}

async function enterKeys(): Promise<void> {
  const result = await wizard.wizardSetKeys({ source: 'typed', accessKeyId: KEY_ID, secretAccessKey: SECRET });
  expect(result).toMatchObject({ ok: true, kind: 'valid' });
}

describe('wizard keys step against the STS emulator', () => {
  it('validates typed keys with GetCallerIdentity and lists the MFA device', async () => {
    const result = await wizard.wizardSetKeys({ source: 'typed', accessKeyId: KEY_ID, secretAccessKey: SECRET });
    expect(result).toEqual({
      ok: true,
      kind: 'valid',
      message: 'The keys work: IAM user MyRepositoryUser in account 111111111111.',
      accessKeyId: KEY_ID,
      accountId: '111111111111',
      userArn: scenario.userArn,
      mfaDevices: [scenario.mfaSerial],
      suggestedMfaSerial: scenario.mfaSerial,
      mfaDeviceNote: 'IAM lists one MFA device for MyRepositoryUser.',
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('validates the IAM console CSV the same way', async () => {
    const result = await wizard.wizardSetKeys({
      source: 'csv',
      text: `\uFEFFAccess key ID,Secret access key\r\n${KEY_ID},${SECRET}\r\n`,
    });
    expect(result).toMatchObject({ ok: true, userArn: scenario.userArn });
  });

  it('reports an inactive key as rejected by AWS, and malformed keys without calling AWS', async () => {
    const inactive = await wizard.wizardSetKeys({
      source: 'typed',
      accessKeyId: scenario.inactiveKey.id,
      secretAccessKey: scenario.inactiveKey.secret,
    });
    expect(inactive).toMatchObject({ ok: false, kind: 'rejected', mfaDevices: [] });
    expect(JSON.stringify(inactive)).not.toContain(scenario.inactiveKey.secret);
    const calls = emulator.callCount('GetCallerIdentity');
    expect(
      await wizard.wizardSetKeys({ source: 'typed', accessKeyId: KEY_ID, secretAccessKey: 'short' }),
    ).toMatchObject({ ok: false, kind: 'bad-input' });
    expect(await wizard.wizardSetKeys({ source: 'csv', text: 'Name,Email\n' })).toMatchObject({
      ok: false,
      kind: 'bad-input',
    });
    expect(emulator.callCount('GetCallerIdentity')).toBe(calls);
  });

  it('forgets held keys after half an hour without use', async () => {
    let now = Date.now();
    const timed = createWizardService({
      locations,
      clock: { now: () => now },
      env,
      cli: { argv: ['mfa-tray'] },
      pickFolder: async () => undefined,
    });
    expect(await timed.wizardSetKeys({ source: 'typed', accessKeyId: KEY_ID, secretAccessKey: SECRET })).toMatchObject({
      ok: true,
    });
    now += HELD_KEYS_TTL_MS - 1000;
    expect(await timed.wizardPreview(PLAN)).toMatchObject({ ok: true });
    now += 2000;
    expect(await timed.wizardPreview(PLAN)).toMatchObject({
      ok: false,
      message: expect.stringContaining('enter them again'),
    });
  });

  it('forgets rejected keys: a plan that needs them is refused', async () => {
    await enterKeys();
    await wizard.wizardSetKeys({
      source: 'typed',
      accessKeyId: scenario.inactiveKey.id,
      secretAccessKey: scenario.inactiveKey.secret,
    });
    expect(await wizard.wizardPreview(PLAN)).toMatchObject({
      ok: false,
      message: expect.stringContaining('enter them again'),
    });
  });
});

describe('wizard review and apply', () => {
  it('on an empty AWS folder: previews the exact lines, then writes the scenario three profiles as the AWS CLI reads them', async () => {
    expect(await wizard.wizardStart()).toEqual({
      draft: expect.objectContaining({ sourceProfile: 'FetchMfaCredentials', targetProfile: 'MyRepositoryAssumer' }),
      files: { config: locations.config, credentials: locations.credentials },
      problems: [],
    });
    await enterKeys();
    const preview = await wizard.wizardPreview(PLAN);
    expect(preview.ok).toBe(true);
    expect(lines(preview, 'credentials')).toEqual([
      '+[FetchMfaCredentials]',
      `+aws_access_key_id = ${KEY_ID}`,
      '+aws_secret_access_key = ********',
    ]);
    expect(lines(preview, 'config')).toEqual([
      '+[profile FetchMfaCredentials]',
      `+mfa_serial = ${scenario.mfaSerial}`,
      '+get_session_token_duration_seconds = 86400',
      '+',
      '+[profile MyRepositoryAssumer]',
      '+mfa_tray_source_profile = FetchMfaCredentials',
      '+',
      '+[profile MyRepositoryContributor]',
      '+region = eu-west-1',
      `+role_arn = ${scenario.roleArn}`,
      '+source_profile = MyRepositoryAssumer',
    ]);
    expect(preview.profiles).toEqual([
      { profile: 'FetchMfaCredentials', action: 'create' },
      { profile: 'MyRepositoryAssumer', action: 'create' },
      { profile: 'MyRepositoryContributor', action: 'create' },
    ]);
    expect(JSON.stringify(preview)).not.toContain(SECRET);

    expect(await wizard.wizardApply({ plan: PLAN, previewId: preview.previewId })).toMatchObject({ ok: true });
    // The files hold exactly the previewed lines (secret aside).
    const config = await readFile(locations.config, 'utf8');
    expect(config).toBe(
      `${lines(preview, 'config')
        .map((line) => line.slice(1))
        .join('\n')}\n`,
    );
    // The AWS CLI itself, once per profile (it is slow to start), and botocore's full view of every profile.
    const seen = await Promise.all([
      awsGet('aws_access_key_id', 'FetchMfaCredentials'),
      awsGet('mfa_tray_source_profile', 'MyRepositoryAssumer'),
      awsGet('role_arn', 'MyRepositoryContributor'),
    ]);
    expect(seen).toEqual([KEY_ID, 'FetchMfaCredentials', scenario.roleArn]);
    expect(await botocoreProfiles()).toEqual({
      FetchMfaCredentials: {
        aws_access_key_id: KEY_ID,
        aws_secret_access_key: SECRET,
        mfa_serial: scenario.mfaSerial,
        get_session_token_duration_seconds: '86400',
      },
      MyRepositoryAssumer: { mfa_tray_source_profile: 'FetchMfaCredentials' },
      MyRepositoryContributor: {
        region: 'eu-west-1',
        role_arn: scenario.roleArn,
        source_profile: 'MyRepositoryAssumer',
      },
    });
    // Applied keys are forgotten; the next run edits the pair it finds.
    expect(await wizard.wizardPreview(PLAN)).toMatchObject({ ok: false });
    const again = await wizard.wizardStart();
    expect(again.existing).toEqual({
      sourceProfile: 'FetchMfaCredentials',
      targetProfile: 'MyRepositoryAssumer',
      accessKeyId: KEY_ID,
    });
    expect(again.draft).toMatchObject({ mfaSerial: scenario.mfaSerial, durationSeconds: 86400, roles: [ROLE] });
  });

  it('on an existing setup: edits the profiles in place, keeps every other byte, and a second run changes nothing', async () => {
    const otherSecret = 'abcdefghijABCDEFGHIJabcdefghijABCDEFGHIJ';
    const credentials = [
      '# my keys',
      '[default]',
      'aws_access_key_id = AKIAOTHEROTHEROTHER1',
      `aws_secret_access_key = ${otherSecret}`,
      '',
      '[FetchMfaCredentials]',
      'aws_access_key_id = AKIAOLDOLDOLDOLDOLD1',
      'aws_secret_access_key = oldoldoldoldoldoldoldoldoldoldoldoldold1',
      'aws_session_token = leftover-token-value',
      '',
      '[MyRepositoryAssumer]',
      'aws_access_key_id = ASIASESSIONSESSIONS1',
      'aws_secret_access_key = sessionsecretsessionsecretsessionsecret1',
      'aws_session_token = sessiontokenvalue',
      '',
    ].join('\r\n');
    const config = [
      '; team settings',
      '[default]',
      'region = us-east-1',
      '',
      '[profile FetchMfaCredentials]',
      'mfa_serial = arn:aws:iam::111111111111:mfa/OldDevice',
      'get_session_token_duration_seconds = 43200',
      '',
      '[profile MyRepositoryAssumer]',
      'expiration = 2020-01-01T00:00:00Z',
      '',
      '[profile MyRepositoryContributor]',
      'role_arn = arn:aws:iam::222222222222:role/OldRole',
      'source_profile = MyRepositoryAssumer',
      'mfa_serial = arn:aws:iam::111111111111:mfa/OldDevice',
      '',
      '[profile unrelated]',
      'output = json',
      '',
    ].join('\r\n');
    await writeFile(locations.credentials, credentials);
    await writeFile(locations.config, config);

    const start = await wizard.wizardStart();
    expect(start.existing).toMatchObject({
      sourceProfile: 'FetchMfaCredentials',
      targetProfile: 'MyRepositoryAssumer',
      accessKeyId: 'AKIAOLDOLDOLDOLDOLD1',
    });
    await enterKeys();
    const preview = await wizard.wizardPreview(PLAN);
    expect(preview.profiles.map((profile) => profile.action)).toEqual(['update', 'update', 'update']);
    expect(preview.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('session token'),
        expect.stringContaining('mfa_serial is removed'),
      ]),
    );
    for (const secret of [
      SECRET,
      otherSecret,
      'oldoldoldoldoldoldoldoldoldoldoldoldold1',
      'leftover-token-value',
      'sessiontokenvalue',
    ]) {
      expect(JSON.stringify(preview)).not.toContain(secret);
    }
    expect(lines(preview, 'credentials')).toEqual([
      ' ',
      ' [FetchMfaCredentials]',
      '-aws_access_key_id = AKIAOLDOLDOLDOLDOLD1',
      '-aws_secret_access_key = ********',
      '-aws_session_token = ********',
      `+aws_access_key_id = ${KEY_ID}`,
      '+aws_secret_access_key = ********',
      ' ',
      ' [MyRepositoryAssumer]',
    ]);

    expect(await wizard.wizardApply({ plan: PLAN, previewId: preview.previewId })).toMatchObject({
      ok: true,
      backups: [`${locations.config}.mfa-tray-backup`, `${locations.credentials}.mfa-tray-backup`],
    });
    expect(await readFile(locations.credentials, 'utf8')).toBe(
      credentials
        .replace('aws_access_key_id = AKIAOLDOLDOLDOLDOLD1', `aws_access_key_id = ${KEY_ID}`)
        .replace(
          'aws_secret_access_key = oldoldoldoldoldoldoldoldoldoldoldoldold1',
          `aws_secret_access_key = ${SECRET}`,
        )
        .replace('aws_session_token = leftover-token-value\r\n', ''),
    );
    expect(await readFile(locations.config, 'utf8')).toBe(
      config
        .replace(
          'mfa_serial = arn:aws:iam::111111111111:mfa/OldDevice\r\nget_session_token_duration_seconds = 43200',
          `mfa_serial = ${scenario.mfaSerial}\r\nget_session_token_duration_seconds = 86400`,
        )
        .replace(
          'expiration = 2020-01-01T00:00:00Z',
          'expiration = 2020-01-01T00:00:00Z\r\nmfa_tray_source_profile = FetchMfaCredentials',
        )
        .replace(
          'role_arn = arn:aws:iam::222222222222:role/OldRole\r\nsource_profile = MyRepositoryAssumer\r\nmfa_serial = arn:aws:iam::111111111111:mfa/OldDevice',
          `role_arn = ${scenario.roleArn}\r\nsource_profile = MyRepositoryAssumer\r\nregion = eu-west-1`,
        ),
    );

    // Re-running with the keys kept: nothing left to change, not a byte moves.
    const before = [await readFile(locations.config, 'utf8'), await readFile(locations.credentials, 'utf8')];
    const rerun = await wizard.wizardPreview({ ...PLAN, keys: 'keep' });
    expect(rerun).toMatchObject({
      ok: true,
      profiles: [{ action: 'unchanged' }, { action: 'unchanged' }, { action: 'unchanged' }],
    });
    expect(rerun.files.flatMap((file) => file.hunks)).toEqual([]);
    expect(await wizard.wizardApply({ plan: { ...PLAN, keys: 'keep' } })).toMatchObject({ ok: true });
    expect([await readFile(locations.config, 'utf8'), await readFile(locations.credentials, 'utf8')]).toEqual(before);
  });

  it('refuses to apply when the files changed after the review', async () => {
    await enterKeys();
    const preview = await wizard.wizardPreview(PLAN);
    await writeFile(locations.config, '[profile someone-else]\nregion = eu-west-1\n');
    expect(await wizard.wizardApply({ plan: PLAN, previewId: preview.previewId })).toMatchObject({
      ok: false,
      message: expect.stringContaining('changed since the review'),
    });
    expect(await readFile(locations.config, 'utf8')).toBe('[profile someone-else]\nregion = eu-west-1\n');
  });

  it('shows where a credentials file is broken without echoing a pasted secret from it', async () => {
    await writeFile(locations.credentials, `[FetchMfaCredentials]\naws_access_key_id = ${KEY_ID}\n${SECRET}\n`);
    const start = await wizard.wizardStart();
    expect(start.problems).toEqual([expect.objectContaining({ fileRole: 'credentials', line: 3 })]);
    await enterKeys();
    const preview = await wizard.wizardPreview(PLAN);
    expect(preview).toMatchObject({ ok: false, message: expect.stringContaining('line 3') });
    expect(JSON.stringify([start, preview])).not.toContain(SECRET);
  });

  it('never writes into a file botocore cannot read, and says where it is broken', async () => {
    await writeFile(locations.config, '[profile a]\nregion = eu-west-1\nthis line has no equals sign\n');
    await enterKeys();
    const preview = await wizard.wizardPreview(PLAN);
    expect(preview).toMatchObject({ ok: false, message: expect.stringContaining('line 3') });
    expect(await wizard.wizardApply({ plan: PLAN })).toMatchObject({ ok: false });
    expect(await readFile(locations.config, 'utf8')).toBe(
      '[profile a]\nregion = eu-west-1\nthis line has no equals sign\n',
    );
  });
});

describe('wizard roles and repository steps', () => {
  it('reports a missing session, then assumes the role once the pair is saved and renewed', async () => {
    await enterKeys();
    expect(await wizard.wizardCheckRoles({ targetProfile: 'MyRepositoryAssumer', roles: [ROLE] })).toMatchObject({
      sessionState: 'missing',
      results: [],
    });
    expect(await wizard.wizardApply({ plan: { ...PLAN, roles: [] } })).toMatchObject({ ok: true });
    // Stand-in for the token dialog: GetSessionToken with a code, written where renewal writes it.
    const sts = createStsGateway({ keys: { accessKeyId: KEY_ID, secretAccessKey: SECRET }, env });
    const session = await sts.getSessionToken({
      serialNumber: scenario.mfaSerial,
      tokenCode: scenarioCode(emulator.now()),
      durationSeconds: 86400,
    });
    sts.close();
    if (!session.ok) throw new Error(session.failure.message);
    await writeFile(
      locations.credentials,
      `${await readFile(locations.credentials, 'utf8')}[MyRepositoryAssumer]\naws_access_key_id = ${session.value.accessKeyId}\naws_secret_access_key = ${session.value.secretAccessKey}\naws_session_token = ${session.value.sessionToken}\n`,
    );
    const check = await wizard.wizardCheckRoles({
      targetProfile: 'MyRepositoryAssumer',
      roles: [ROLE, { ...ROLE, profile: 'Other', roleArn: 'arn:aws:iam::222222222222:role/NoSuchRole' }],
    });
    expect(check).toMatchObject({
      sessionState: 'valid',
      results: [
        {
          profile: 'MyRepositoryContributor',
          ok: true,
          assumedArn: expect.stringContaining('assumed-role/MyRepositoryContributorRole/mfa-tray-wizard-check'),
        },
        { profile: 'Other', ok: false },
      ],
    });
    expect(JSON.stringify(check)).not.toContain(session.value.sessionToken);
  });

  it('asks for a session before cloning, since git signs in through it', async () => {
    const result = await wizard.wizardSetUpRepository({
      name: 'myRepository',
      region: 'eu-west-1',
      roleProfile: 'MyRepositoryContributor',
      parentFolder: folder,
      sourceProfile: 'FetchMfaCredentials',
      targetProfile: 'MyRepositoryAssumer',
    });
    expect(result).toMatchObject({ ok: false, kind: 'needs-session' });
  });

  it("imports a team file over the draft but keeps an existing pair's profile names", async () => {
    await writeFile(
      locations.credentials,
      `[Keys]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`,
    );
    await writeFile(
      locations.config,
      '[profile Keys]\nmfa_serial = arn:aws:iam::111111111111:mfa/u\n[profile Session]\nmfa_tray_source_profile = Keys\n',
    );
    await wizard.wizardStart();
    const team = JSON.stringify({
      format: 'mfa-tray-team-file',
      version: 1,
      region: 'eu-west-1',
      session: { sourceProfile: 'FetchMfaCredentials' },
      roles: [{ profile: 'R', roleArn: scenario.roleArn }],
    });
    const result = await wizard.wizardImportTeamFile({ text: team });
    expect(result).toMatchObject({
      ok: true,
      draft: { sourceProfile: 'Keys', targetProfile: 'Session', roles: [{ profile: 'R', region: 'eu-west-1' }] },
    });
    expect(result.message).toContain('keep their names');
    expect(await wizard.wizardPickFolder(undefined)).toEqual({ ok: true, folder, message: folder });
    expect(await wizard.wizardDiscard(undefined)).toMatchObject({ ok: true });
  });

  it('writes the mfa_serial-on-role layout a team file asks for: no session profile, the device on each role', async () => {
    await wizard.wizardStart();
    const team = JSON.stringify({ format: 'mfa-tray-team-file', version: 1, layout: 'mfa-on-role', roles: [ROLE] });
    expect(await wizard.wizardImportTeamFile({ text: team })).toMatchObject({
      ok: true,
      draft: { layout: 'mfa-on-role' },
    });
    await enterKeys();
    const plan: WizardPlan = { ...PLAN, layout: 'mfa-on-role' };
    const preview = await wizard.wizardPreview(plan);
    expect(lines(preview, 'config')).toEqual([
      '+[profile MyRepositoryContributor]',
      '+region = eu-west-1',
      `+role_arn = ${scenario.roleArn}`,
      '+source_profile = FetchMfaCredentials',
      `+mfa_serial = ${scenario.mfaSerial}`,
    ]);
    expect(await wizard.wizardApply({ plan, previewId: preview.previewId })).toMatchObject({ ok: true });
    const model = await loadProfileModel(locations);
    expect(model.mfaSessions).toEqual([]);
    expect(model.roles[0]?.mfaRole).toMatchObject({
      device: scenario.mfaSerial,
      signer: { kind: 'profile', profile: 'FetchMfaCredentials', temporary: false },
    });
  });
});
