import { describe, expect, it } from 'vitest';
import type { IamGateway, StsFailure, StsGateway, StsResult } from '../sts';
import type { CallerIdentity } from '../sts';
import { mfaSerialFromUserArn, validateKeys, type GatewayFactories } from './key-validation';

const KEYS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

function factories(
  identity: StsResult<CallerIdentity>,
  devices: StsResult<{ serialNumber: string; userName: string }[]>,
): GatewayFactories & { closed: number } {
  const record = { closed: 0 };
  const close = (): void => {
    record.closed += 1;
  };
  return Object.assign(record, {
    env: {},
    sts: () => ({ getCallerIdentity: async () => identity, close }) as unknown as StsGateway,
    iam: () => ({ listMfaDevices: async () => devices, close }) as unknown as IamGateway,
  });
}

const user = (arn: string): StsResult<CallerIdentity> => ({
  ok: true,
  value: { account: '111111111111', arn, userId: 'AIDAEXAMPLE' },
});
const failed = (failure: StsFailure): { ok: false; failure: StsFailure } => ({ ok: false, failure });

describe('key validation', () => {
  it('derives the console default device ARN from a user ARN, paths included', () => {
    expect(mfaSerialFromUserArn('arn:aws:iam::111111111111:user/MyRepositoryUser')).toBe(
      'arn:aws:iam::111111111111:mfa/MyRepositoryUser',
    );
    expect(mfaSerialFromUserArn('arn:aws-cn:iam::111111111111:user/team/dev/alice')).toBe(
      'arn:aws-cn:iam::111111111111:mfa/alice',
    );
    expect(mfaSerialFromUserArn('arn:aws:iam::111111111111:root')).toBeUndefined();
  });

  it('falls back to the derived device when IAM refuses to list devices, and says so', async () => {
    const deps = factories(
      user('arn:aws:iam::111111111111:user/dev/alice'),
      failed({ kind: 'access-denied', category: 'user', message: 'Not allowed to list MFA devices.' }),
    );
    const result = await validateKeys(KEYS, deps);
    expect(result).toMatchObject({
      ok: true,
      mfaDevices: [],
      suggestedMfaSerial: 'arn:aws:iam::111111111111:mfa/alice',
      mfaDeviceNote: expect.stringContaining('Not allowed to list MFA devices.'),
    });
    expect(deps.closed).toBe(2);
  });

  it('prefers a listed device with a custom name over the derived one', async () => {
    const deps = factories(user('arn:aws:iam::111111111111:user/alice'), {
      ok: true,
      value: [{ serialNumber: 'arn:aws:iam::111111111111:mfa/alice-phone', userName: 'alice' }],
    });
    expect(await validateKeys(KEYS, deps)).toMatchObject({
      ok: true,
      suggestedMfaSerial: 'arn:aws:iam::111111111111:mfa/alice-phone',
    });
  });

  it('refuses root and role-session keys before looking for devices', async () => {
    expect(
      await validateKeys(KEYS, factories(user('arn:aws:iam::111111111111:root'), { ok: true, value: [] })),
    ).toMatchObject({ ok: false, kind: 'not-an-iam-user', message: expect.stringContaining('root user') });
    expect(
      await validateKeys(KEYS, factories(user('arn:aws:sts::111111111111:assumed-role/R/s'), { ok: true, value: [] })),
    ).toMatchObject({ ok: false, kind: 'not-an-iam-user', message: expect.stringContaining('role session') });
  });

  it('separates keys AWS rejected from an AWS it could not reach', async () => {
    const wrongSecret = failed({
      kind: 'wrong-secret',
      category: 'user',
      message: 'The secret does not match access key AKIAIOSFODNN7EXAMPLE.',
      accessKeyId: KEYS.accessKeyId,
    });
    expect(await validateKeys(KEYS, factories(wrongSecret, { ok: true, value: [] }))).toMatchObject({
      ok: false,
      kind: 'rejected',
    });
    const offline = failed({ kind: 'network', category: 'aws', message: 'AWS STS could not be reached.' });
    expect(await validateKeys(KEYS, factories(offline, { ok: true, value: [] }))).toMatchObject({
      ok: false,
      kind: 'unreachable',
      message: 'AWS STS could not be reached.',
    });
  });
});
