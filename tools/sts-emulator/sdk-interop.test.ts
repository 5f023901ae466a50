import {
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetUserCommand,
  IAMClient,
  ListMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateTotp, parseOtpauthUri } from '../../electron/core/totp';
import { startEmulator, type StsEmulator } from './index';
import { scenario, scenarioCode, scenarioSeed } from '../../testing/scenario/scenario';

type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

let emulator: StsEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ port: 0, seed: scenarioSeed });
});
afterEach(async () => {
  await emulator.close();
});

const longTerm: Keys = { accessKeyId: scenario.activeKey.id, secretAccessKey: scenario.activeKey.secret };
const sts = (credentials: Keys, extra: { systemClockOffset?: number; maxAttempts?: number } = {}) =>
  new STSClient({ endpoint: emulator.url, region: 'us-east-1', credentials, ...extra });
const iam = (credentials: Keys) => new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials });

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

async function mfaSession(durationSeconds = 86400, windowOffset = 0): Promise<Required<Keys> & { expiration: Date }> {
  const { Credentials } = await sts(longTerm).send(
    new GetSessionTokenCommand({
      DurationSeconds: durationSeconds,
      SerialNumber: scenario.mfaSerial,
      TokenCode: scenarioCode(emulator.now(), windowOffset),
    }),
  );
  return {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretAccessKey!,
    sessionToken: Credentials!.SessionToken!,
    expiration: Credentials!.Expiration!,
  };
}

describe('STS through @aws-sdk/client-sts', () => {
  it('issues realistic MFA session credentials that expire after DurationSeconds', async () => {
    const session = await mfaSession(86400);
    expect(session.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(session.secretAccessKey).toHaveLength(40);
    expect(session.sessionToken.length).toBeGreaterThan(300);
    expect(Math.abs(session.expiration.getTime() - (emulator.now() + 86400_000))).toBeLessThan(2000);
    expect(emulator.callCount('GetSessionToken')).toBe(1);

    const identity = await sts(session).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: '111111111111', Arn: scenario.userArn });
  });

  it('answers ExpiredToken once its own clock passes the expiration', async () => {
    const session = await mfaSession(900);
    emulator.setClockOffset(901_000);
    const error = await errorOf(sts(session, { systemClockOffset: 901_000 }).send(new GetCallerIdentityCommand({})));
    expect(error).toMatchObject({
      name: 'ExpiredToken',
      message: 'The security token included in the request is expired',
    });
  });

  it('accepts a code once: the same code again fails like a wrong code', async () => {
    const code = scenarioCode(emulator.now());
    const request = { SerialNumber: scenario.mfaSerial, TokenCode: code };
    await sts(longTerm).send(new GetSessionTokenCommand(request));
    const reuse = await errorOf(sts(longTerm).send(new GetSessionTokenCommand(request)));
    expect(reuse).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    });
    const older = await errorOf(
      sts(longTerm).send(new GetSessionTokenCommand({ ...request, TokenCode: scenarioCode(emulator.now(), -1) })),
    );
    expect(older.message).toBe(reuse.message);
  });

  it('rejects a wrong serial, a wrong code, and out-of-range values with AWS messages', async () => {
    const wrongSerial = await errorOf(
      sts(longTerm).send(
        new GetSessionTokenCommand({
          SerialNumber: 'arn:aws:iam::111111111111:mfa/Someone',
          TokenCode: scenarioCode(emulator.now()),
        }),
      ),
    );
    expect(wrongSerial.message).toContain('unable to validate MFA code. Please verify your MFA serial number is valid');
    const wrongCode = scenarioCode(emulator.now(), 5);
    expect(
      (
        await errorOf(
          sts(longTerm).send(new GetSessionTokenCommand({ SerialNumber: scenario.mfaSerial, TokenCode: wrongCode })),
        )
      ).name,
    ).toBe('AccessDenied');

    const invalid = await errorOf(
      sts(longTerm).send(
        new GetSessionTokenCommand({ DurationSeconds: 899, SerialNumber: scenario.mfaSerial, TokenCode: '12345' }),
      ),
    );
    expect(invalid).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(invalid.message).toBe(
      "2 validation errors detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900; " +
        "Value '12345' at 'tokenCode' failed to satisfy constraint: Member must have length greater than or equal to 6",
    );
    const tooLong = await errorOf(sts(longTerm).send(new GetSessionTokenCommand({ DurationSeconds: 129601 })));
    expect(tooLong.message).toContain('Member must have value less than or equal to 129600');
  });

  it('refuses GetSessionToken signed with session credentials', async () => {
    const session = await mfaSession();
    const error = await errorOf(sts(session).send(new GetSessionTokenCommand({})));
    expect(error).toMatchObject({
      name: 'AccessDenied',
      message: 'Cannot call GetSessionToken with session credentials',
    });
  });

  it('tells unknown, inactive and wrongly signed keys apart', async () => {
    const unknown = await errorOf(
      sts({ accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(unknown).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    const inactive = await errorOf(
      sts({ accessKeyId: scenario.inactiveKey.id, secretAccessKey: scenario.inactiveKey.secret }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(inactive.name).toBe('InvalidClientTokenId');
    const wrongSecret = await errorOf(
      sts({ ...longTerm, secretAccessKey: 'y'.repeat(40) }).send(new GetCallerIdentityCommand({})),
    );
    expect(wrongSecret).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    const session = await mfaSession();
    const noToken = await errorOf(
      sts({ accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(noToken.name).toBe('InvalidClientTokenId');
  });

  it('rejects requests signed more than 15 minutes off its clock, with the real messages', async () => {
    emulator.setClockOffset(16 * 60_000);
    const late = await errorOf(sts(longTerm, { maxAttempts: 1 }).send(new GetCallerIdentityCommand({})));
    expect(late.name).toBe('SignatureDoesNotMatch');
    expect(late.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
    emulator.setClockOffset(-16 * 60_000);
    const early = await errorOf(sts(longTerm, { maxAttempts: 1 }).send(new GetCallerIdentityCommand({})));
    expect(early.message).toMatch(
      /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/,
    );
    emulator.setClockOffset(14 * 60_000);
    await expect(sts(longTerm).send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
  });

  it('assumes the role with the MFA session, capped at one hour by role chaining', async () => {
    const session = await mfaSession();
    const role = await sts(session).send(
      new AssumeRoleCommand({ RoleArn: scenario.roleArn, RoleSessionName: 'git', DurationSeconds: 3600 }),
    );
    expect(role.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/MyRepositoryContributorRole/git');
    expect(role.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:git$/);
    const roleKeys = {
      accessKeyId: role.Credentials!.AccessKeyId!,
      secretAccessKey: role.Credentials!.SecretAccessKey!,
      sessionToken: role.Credentials!.SessionToken!,
    };
    expect((await sts(roleKeys).send(new GetCallerIdentityCommand({}))).Account).toBe('222222222222');

    const chained = await errorOf(
      sts(session).send(
        new AssumeRoleCommand({ RoleArn: scenario.roleArn, RoleSessionName: 'git', DurationSeconds: 3601 }),
      ),
    );
    expect(chained).toMatchObject({
      name: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    });
  });

  it('denies the role without MFA, and once the MFA is 86400 s old', async () => {
    const { Credentials } = await sts(longTerm).send(new GetSessionTokenCommand({ DurationSeconds: 129600 }));
    const noMfa = {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    };
    const denied = await errorOf(
      sts(noMfa).send(new AssumeRoleCommand({ RoleArn: scenario.roleArn, RoleSessionName: 'git' })),
    );
    expect(denied).toMatchObject({
      name: 'AccessDenied',
      message: `User: ${scenario.userArn} is not authorized to perform: sts:AssumeRole on resource: ${scenario.roleArn}`,
    });

    const session = await mfaSession(129600);
    emulator.setClockOffset(86400_000);
    const old = await errorOf(
      sts(session, { systemClockOffset: 86400_000 }).send(
        new AssumeRoleCommand({ RoleArn: scenario.roleArn, RoleSessionName: 'git' }),
      ),
    );
    expect(old.name).toBe('AccessDenied');
  });

  it('accepts a signature scoped to any region', async () => {
    const client = new STSClient({ endpoint: emulator.url, region: 'eu-west-2', credentials: longTerm });
    expect((await client.send(new GetCallerIdentityCommand({}))).Account).toBe('111111111111');
  });

  it('is found through AWS_ENDPOINT_URL_STS with no endpoint in code', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_STS;
    process.env.AWS_ENDPOINT_URL_STS = emulator.url;
    try {
      const identity = await new STSClient({ region: 'us-east-1', credentials: longTerm }).send(
        new GetCallerIdentityCommand({}),
      );
      expect(identity.Arn).toBe(scenario.userArn);
      expect(emulator.callCount('GetCallerIdentity')).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
      else process.env.AWS_ENDPOINT_URL_STS = saved;
    }
  });
});

describe('IAM through @aws-sdk/client-iam', () => {
  // The SDK names modeled IAM errors CODE + 'Exception'; the wire codes are checked with the AWS CLI.
  it('creates a virtual MFA device whose QR code and seed agree, and enables it with two consecutive codes', async () => {
    const session = await mfaSession();
    const created = await iam(session).send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'Laptop' }));
    const device = created.VirtualMFADevice!;
    expect(device.SerialNumber).toBe('arn:aws:iam::111111111111:mfa/Laptop');
    const seed = Buffer.from(device.Base32StringSeed!).toString('ascii');
    expect(seed).toMatch(/^[A-Z2-7]{64}$/);
    const png = PNG.sync.read(Buffer.from(device.QRCodePNG!));
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(qr?.data).toBe(`otpauth://totp/Laptop@111111111111?secret=${seed}`);
    expect(parseOtpauthUri(qr!.data).secret).toBe(seed);

    const now = emulator.now();
    const notConsecutive = await errorOf(
      iam(session).send(
        new EnableMFADeviceCommand({
          UserName: 'MyRepositoryUser',
          SerialNumber: device.SerialNumber,
          AuthenticationCode1: generateTotp(seed, now),
          AuthenticationCode2: generateTotp(seed, now),
        }),
      ),
    );
    expect(notConsecutive).toMatchObject({ name: 'InvalidAuthenticationCodeException', status: 403 });
    await iam(session).send(
      new EnableMFADeviceCommand({
        UserName: 'MyRepositoryUser',
        SerialNumber: device.SerialNumber,
        AuthenticationCode1: generateTotp(seed, now - 30_000),
        AuthenticationCode2: generateTotp(seed, now),
      }),
    );
    const listed = await iam(session).send(new ListMFADevicesCommand({}));
    expect(listed.MFADevices?.map((d) => d.SerialNumber)).toEqual([
      'arn:aws:iam::111111111111:mfa/Laptop',
      scenario.mfaSerial,
    ]);
  });

  it('answers GetUser, and NoSuchEntity for a user not in the account', async () => {
    const user = await iam(longTerm).send(new GetUserCommand({}));
    expect(user.User).toMatchObject({
      UserName: 'MyRepositoryUser',
      Arn: scenario.userArn,
      UserId: expect.stringMatching(/^AIDA/),
    });
    const missing = await errorOf(iam(longTerm).send(new GetUserCommand({ UserName: 'Nobody' })));
    expect(missing).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  it('keeps GetSessionToken credentials without MFA out of IAM', async () => {
    const { Credentials } = await sts(longTerm).send(new GetSessionTokenCommand({}));
    const keys = {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    };
    expect((await errorOf(iam(keys).send(new ListMFADevicesCommand({})))).name).toBe('AccessDenied');
  });
});

describe('fault injection', () => {
  it('fails the matching action only, as many times as asked, and counts every attempt', async () => {
    emulator.injectFault({ action: 'GetSessionToken', kind: '5xx', times: 2 });
    await sts(longTerm).send(new GetCallerIdentityCommand({}));
    await sts(longTerm, { maxAttempts: 3 }).send(new GetSessionTokenCommand({}));
    expect(emulator.callCount('GetSessionToken')).toBe(3);
    expect(emulator.callCount('GetCallerIdentity')).toBe(1);
  });

  it('throttles, breaks the XML, drops the connection and delays as asked', async () => {
    const once = { maxAttempts: 1 };
    emulator.injectFault({ kind: 'throttle' });
    expect(await errorOf(sts(longTerm, once).send(new GetCallerIdentityCommand({})))).toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
    });
    emulator.injectFault({ kind: 'malformed-xml' });
    expect((await errorOf(sts(longTerm, once).send(new GetCallerIdentityCommand({})))).message).not.toBe('');
    emulator.injectFault({ kind: 'drop-connection' });
    expect((await errorOf(sts(longTerm, once).send(new GetCallerIdentityCommand({})))).message).toMatch(
      /socket hang up|ECONNRESET/,
    );
    emulator.injectFault({ kind: 'delay', ms: 300 });
    const started = Date.now();
    await sts(longTerm, once).send(new GetCallerIdentityCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(emulator.faults.pending).toHaveLength(0);
  });

  it('is driven over HTTP by the admin routes', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${emulator.url}/__emulator/${path}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post('faults', { kind: 'throttle', action: 'AssumeRole' })).status).toBe(200);
    expect(emulator.faults.pending).toMatchObject([{ kind: 'throttle', action: 'AssumeRole', times: 1 }]);
    const bad = await post('faults', { kind: 'explode' });
    expect(bad.status).toBe(400);
    await post('clock', { offsetMs: 5000 });
    expect(emulator.clockOffsetMs).toBe(5000);
    await sts(longTerm).send(new GetCallerIdentityCommand({}));
    expect(await (await fetch(`${emulator.url}/__emulator/calls`)).json()).toEqual({ GetCallerIdentity: 1 });
  });
});
