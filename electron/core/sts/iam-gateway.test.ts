// The IAM calls of onboarding and lab devices, against the STS/IAM emulator with the scenario seed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type StsEmulator } from '../../../tools/sts-emulator';
import { scenario, SCENARIO_SEED_FILE } from '../../../testing/scenario/scenario';
import { generateTotp } from '../totp';
import { createIamGateway } from './iam-gateway';

let emulator: StsEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: SCENARIO_SEED_FILE });
});
afterEach(() => emulator.close());

const gateway = (keys = { accessKeyId: scenario.activeKey.id, secretAccessKey: scenario.activeKey.secret }) =>
  createIamGateway({ keys, env: { AWS_ENDPOINT_URL: emulator.url }, policy: { retryBaseDelayMs: 1 } });

describe('IAM gateway', () => {
  it('reads the user and its MFA devices', async () => {
    const iam = gateway();
    expect(await iam.getUser()).toMatchObject({
      ok: true,
      value: { userName: 'MyRepositoryUser', arn: scenario.userArn },
    });
    expect(await iam.listMfaDevices()).toMatchObject({
      ok: true,
      value: [{ serialNumber: scenario.mfaSerial, userName: 'MyRepositoryUser' }],
    });
    iam.close();
  });

  it('creates a virtual device and enables it with two consecutive codes', async () => {
    const iam = gateway();
    const created = await iam.createVirtualMfaDevice('LabDevice');
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.serialNumber).toBe('arn:aws:iam::111111111111:mfa/LabDevice');
    expect(created.value.qrCodePng.length).toBeGreaterThan(0);
    const now = Date.now();
    const wrong = await iam.enableMfaDevice({
      userName: 'MyRepositoryUser',
      serialNumber: created.value.serialNumber,
      code1: '000000',
      code2: '000001',
    });
    expect(wrong.ok || wrong.failure.kind).toBe('wrong-code');
    const enabled = await iam.enableMfaDevice({
      userName: 'MyRepositoryUser',
      serialNumber: created.value.serialNumber,
      code1: generateTotp(created.value.base32Seed, now - 30_000),
      code2: generateTotp(created.value.base32Seed, now),
    });
    expect(enabled).toEqual({ ok: true, value: undefined });
    const devices = await iam.listMfaDevices();
    expect(devices.ok && devices.value.map((d) => d.serialNumber)).toContain(created.value.serialNumber);
  });

  it('gives the same typed outcome for an unknown key as STS does', async () => {
    const result = await gateway({ accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x'.repeat(40) }).getUser();
    expect(result.ok || result.failure.kind).toBe('invalid-key');
  });
});
