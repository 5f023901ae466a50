import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type StsEmulator } from './index';
import { scenario, scenarioCode } from '../../testing/scenario/scenario';
import { mfaRoleArn, mfaRolesSeed } from '../../testing/scenario/mfa-roles';
import type { Seed } from './seed-schema';

type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

let emulator: StsEmulator;
const start = async (seed: Seed = mfaRolesSeed) => {
  emulator = await startEmulator({ port: 0, seed });
};
beforeEach(() => start());
afterEach(() => emulator.close());

const longTerm: Keys = { accessKeyId: scenario.activeKey.id, secretAccessKey: scenario.activeKey.secret };
const sts = (credentials: Keys) => new STSClient({ endpoint: emulator.url, region: 'us-east-1', credentials });
const code = (windowOffset = 0) => scenarioCode(emulator.now(), windowOffset);
const ADMIN = mfaRoleArn('admin');

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected the call to fail');
}

const keysOf = (
  credentials: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined,
) => ({
  accessKeyId: credentials!.AccessKeyId!,
  secretAccessKey: credentials!.SecretAccessKey!,
  sessionToken: credentials!.SessionToken!,
});

const assume = (keys: Keys, extra: Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]> = {}) =>
  sts(keys).send(new AssumeRoleCommand({ RoleArn: ADMIN, RoleSessionName: 'alice', ...extra }));

describe('AssumeRole with MFA (mfa_serial on the role profile)', () => {
  it('assumes a role that requires MFA with SerialNumber and TokenCode signed by long-term keys, beyond 1 h', async () => {
    // Measured from before the call (its expiry is whole seconds after the time of issue), not from after it.
    const asked = emulator.now();
    const role = await assume(longTerm, { SerialNumber: scenario.mfaSerial, TokenCode: code(), DurationSeconds: 7200 });
    expect(role.Credentials!.Expiration!.getTime() - asked).toBeGreaterThan(7199_000);
    const identity = await sts(keysOf(role.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:sts::${scenario.accounts.repository}:assumed-role/Admin/alice`);
  });

  it('refuses the role without MFA as AWS does (AccessDenied), and wrong, reused or foreign-device codes', async () => {
    expect(await errorOf(assume(longTerm))).toEqual({
      name: 'AccessDenied',
      message: `User: ${scenario.userArn} is not authorized to perform: sts:AssumeRole on resource: ${ADMIN}`,
    });
    const wrong = String((Number(code()) + 1) % 1_000_000).padStart(6, '0');
    expect(await errorOf(assume(longTerm, { SerialNumber: scenario.mfaSerial, TokenCode: wrong }))).toMatchObject({
      name: 'AccessDenied',
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    });
    const otherDevice = `arn:aws:iam::${scenario.accounts.users}:mfa/SomeoneElse`;
    expect(await errorOf(assume(longTerm, { SerialNumber: otherDevice, TokenCode: code() }))).toMatchObject({
      name: 'AccessDenied',
      message: expect.stringContaining('unable to validate MFA code'),
    });
    // The device's window is shared with GetSessionToken: a code spent there is spent here.
    await sts(longTerm).send(
      new GetSessionTokenCommand({ SerialNumber: scenario.mfaSerial, TokenCode: code(), DurationSeconds: 900 }),
    );
    expect(await errorOf(assume(longTerm, { SerialNumber: scenario.mfaSerial, TokenCode: code() }))).toMatchObject({
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    });
  });

  it('carries the MFA of a GetSessionToken session into AssumeRole, capped at 1 h by role chaining', async () => {
    const { Credentials } = await sts(longTerm).send(
      new GetSessionTokenCommand({ SerialNumber: scenario.mfaSerial, TokenCode: code(), DurationSeconds: 3600 }),
    );
    const session = keysOf(Credentials);
    const role = await assume(session, { DurationSeconds: 3600 });
    expect(role.AssumedRoleUser?.Arn).toContain('assumed-role/Admin/alice');
    expect(await errorOf(assume(session, { DurationSeconds: 7200 }))).toEqual({
      name: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
    const { Credentials: plain } = await sts(longTerm).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    expect((await errorOf(assume(keysOf(plain)))).name).toBe('AccessDenied');
  });

  it('checks the ExternalId a trust policy demands', async () => {
    await emulator.close();
    const withExternalId: Seed = {
      accounts: mfaRolesSeed.accounts.map((account) => ({
        ...account,
        roles: account.roles.map((role) => ({ ...role, trust: { ...role.trust, externalId: 'team-42' } })),
      })),
    };
    await start(withExternalId);
    const denied = await errorOf(assume(longTerm, { SerialNumber: scenario.mfaSerial, TokenCode: code() }));
    expect(denied.name).toBe('AccessDenied');
    const role = await assume(longTerm, {
      SerialNumber: scenario.mfaSerial,
      TokenCode: code(1),
      ExternalId: 'team-42',
    });
    expect(role.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });
});
