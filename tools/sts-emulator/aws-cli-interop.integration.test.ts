import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type StsEmulator } from './index';
import { scenario, scenarioCode, scenarioSeed } from '../../testing/scenario/scenario';

// The real AWS CLI v2 (botocore's signer and parser), a client nobody here wrote.
const AWS_CLI = '/usr/bin/aws';
const run = promisify(execFile);

let emulator: StsEmulator;
let home: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: scenarioSeed });
  home = await mkdtemp(join(tmpdir(), 'sts-emulator-cli-'));
  await writeFile(join(home, 'config'), '');
  await writeFile(join(home, 'credentials'), '');
});
afterAll(async () => {
  await emulator.close();
  await rm(home, { recursive: true, force: true });
});

interface Keys {
  id: string;
  secret: string;
  token?: string;
}
const longTerm: Keys = { id: scenario.activeKey.id, secret: scenario.activeKey.secret };

/** Runs the AWS CLI against the emulator with only these keys in its environment. */
async function aws(
  keys: Keys,
  args: string[],
): Promise<{ ok: boolean; json?: Record<string, unknown>; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    PATH: '/usr/bin:/bin',
    HOME: home,
    AWS_ACCESS_KEY_ID: keys.id,
    AWS_SECRET_ACCESS_KEY: keys.secret,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    ...(keys.token ? { AWS_SESSION_TOKEN: keys.token } : {}),
  };
  try {
    const { stdout } = await run(AWS_CLI, [...args, '--endpoint-url', emulator.url, '--output', 'json'], { env });
    return { ok: true, json: stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {}, stderr: '' };
  } catch (error) {
    return { ok: false, stderr: (error as { stderr: string }).stderr };
  }
}

/** The CLI's error line, whether or not it adds "(reached max retries: N)". */
function expectAwsError(stderr: string, code: string, operation: string, message: string): void {
  const escaped = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(stderr).toMatch(
    new RegExp(
      `An error occurred \\(${code}\\) when calling the ${operation} operation( \\(reached max retries: \\d+\\))?: ${escaped}`,
    ),
  );
}

function sessionKeys(result: { json?: Record<string, unknown> }): Keys {
  const c = result.json!.Credentials as Record<string, string>;
  return { id: c.AccessKeyId!, secret: c.SecretAccessKey!, token: c.SessionToken! };
}

// Each CLI run costs ~2 s of Python start-up (far more on a loaded machine): independent cases run
// concurrently against one emulator, with room for that start-up in the timeout.
describe.concurrent('the AWS CLI v2 against the emulator', { timeout: 90_000 }, () => {
  it('gets the caller identity with valid long-term keys', async () => {
    const result = await aws(longTerm, ['sts', 'get-caller-identity']);
    expect(result.json).toMatchObject({ Account: '111111111111', Arn: scenario.userArn });
  });

  it('reports bad keys with the real error codes and messages', async () => {
    const [unknown, wrongSecret] = await Promise.all([
      aws({ id: 'AKIAUNKNOWNKEY000000', secret: 'x'.repeat(40) }, ['sts', 'get-caller-identity']),
      aws({ ...longTerm, secret: 'y'.repeat(40) }, ['sts', 'get-caller-identity']),
    ]);
    expectAwsError(
      unknown.stderr,
      'InvalidClientTokenId',
      'GetCallerIdentity',
      'The security token included in the request is invalid',
    );
    expectAwsError(
      wrongSecret.stderr,
      'SignatureDoesNotMatch',
      'GetCallerIdentity',
      'The request signature we calculated does not match',
    );
  });

  it('gets an MFA session, refuses a reused code, then assumes the role within the chaining cap', async () => {
    const code = scenarioCode(emulator.now());
    const args = [
      'sts',
      'get-session-token',
      '--serial-number',
      scenario.mfaSerial,
      '--token-code',
      code,
      '--duration-seconds',
      '86400',
    ];
    const session = await aws(longTerm, args);
    expect(session.ok).toBe(true);
    const creds = session.json!.Credentials as Record<string, string>;
    expect(creds.AccessKeyId).toMatch(/^ASIA/);
    expect(Date.parse(creds.Expiration!)).toBeGreaterThan(Date.now() + 86300_000);

    const keys = sessionKeys(session);
    const assume = ['sts', 'assume-role', '--role-arn', scenario.roleArn, '--role-session-name', 'cli'];
    const [reused, role, tooLong, again] = await Promise.all([
      aws(longTerm, args),
      aws(keys, [...assume, '--duration-seconds', '3600']),
      aws(keys, [...assume, '--duration-seconds', '7200']),
      aws(keys, ['sts', 'get-session-token']),
    ]);
    expectAwsError(
      reused.stderr,
      'AccessDenied',
      'GetSessionToken',
      'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    );
    expect(role.json).toMatchObject({
      AssumedRoleUser: { Arn: 'arn:aws:sts::222222222222:assumed-role/MyRepositoryContributorRole/cli' },
    });
    expectAwsError(
      tooLong.stderr,
      'ValidationError',
      'AssumeRole',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
    expectAwsError(
      again.stderr,
      'AccessDenied',
      'GetSessionToken',
      'Cannot call GetSessionToken with session credentials',
    );
  });

  it("rejects a serial that is not the user's device with the real message", async () => {
    const result = await aws(longTerm, [
      'sts',
      'get-session-token',
      '--serial-number',
      'arn:aws:iam::111111111111:mfa/Other',
      '--token-code',
      '123456',
    ]);
    expectAwsError(
      result.stderr,
      'AccessDenied',
      'GetSessionToken',
      'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.',
    );
  });

  it('lists MFA devices through IAM, and reports NoSuchEntity with the wire code', async () => {
    const [listed, missing] = await Promise.all([
      aws(longTerm, ['iam', 'list-mfa-devices']),
      aws(longTerm, ['iam', 'get-user', '--user-name', 'Nobody']),
    ]);
    expect(listed.json).toMatchObject({
      MFADevices: [{ UserName: 'MyRepositoryUser', SerialNumber: scenario.mfaSerial }],
    });
    expectAwsError(missing.stderr, 'NoSuchEntity', 'GetUser', 'The user with name Nobody cannot be found.');
  });
});
