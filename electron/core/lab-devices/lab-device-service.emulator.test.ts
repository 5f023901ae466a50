// The lab device end to end against the STS/IAM emulator: its codes renew the scenario's session, a device
// created and enabled through IAM renews too, and no file written on the way holds the secret.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type StsEmulator } from '../../../tools/sts-emulator';
import { scenario, SCENARIO_SEED_FILE, scenarioSeed } from '../../../testing/scenario/scenario';
import type { Seed } from '../../../tools/sts-emulator/seed-schema';
import { createScenarioLab, SOURCE, TARGET, type ScenarioLab } from '../../../testing/scenario/scenario-lab';
import { readUsedCode } from '../app-state';
import { resolveAwsFileLocations } from '../aws-files';
import { loadConfig } from '../ini';
import { totpWindow } from '../totp';
import { createLabDeviceService, type LabDeviceService } from './lab-device-service';
import { scanForSecret } from '../../../testing/lab-devices/secret-scan';
import { testCipher, type TestCipher } from '../../../testing/lab-devices/test-cipher';
import { withinOneWindow } from '../../../testing/scenario/lab-renewal';

/** Real time plus an offset that the injected sleep advances: windows turn at once, and SigV4 stays valid. */
const clock = { offset: 0, now: () => Date.now() + clock.offset };
const sleep = async (ms: number) => {
  clock.offset += ms;
};

let emulator: StsEmulator;
async function start(seed: Seed | string = SCENARIO_SEED_FILE) {
  emulator = await startEmulator({ seed, clock });
}
beforeEach(() => {
  clock.offset = 0;
});
afterEach(() => emulator?.close());

interface World {
  lab: ScenarioLab;
  cipher: TestCipher;
  service: LabDeviceService;
}

async function world(kind: TestCipher['kind'] = 'keychain'): Promise<World> {
  const lab = await createScenarioLab(emulator.url);
  const env = { ...lab.env, AWS_ENDPOINT_URL_IAM: emulator.url };
  const cipher = testCipher(kind);
  const service = createLabDeviceService({
    stateDir: lab.stateDir,
    locations: resolveAwsFileLocations(env),
    env,
    clock,
    cipher,
    sleep,
    policy: { retryBaseDelayMs: 1 },
  });
  return { lab, cipher, service };
}

async function mfaSerialOf(lab: ScenarioLab): Promise<string | undefined> {
  const value = loadConfig((await lab.snapshot()).config).profiles[SOURCE]?.mfa_serial;
  return typeof value === 'string' ? value : undefined;
}

describe('lab device with the scenario device imported', () => {
  beforeEach(() => start());

  it('renews the session with the stored device as its code source, and the code view matches', async () => {
    // The code view after the renewal must still be in the renewal's window, to show it used.
    await withinOneWindow(5_000);
    const { lab, service } = await world();
    expect(
      await service.importDevice({
        serial: scenario.mfaSerial,
        input: { format: 'base32', text: scenario.mfaSecret },
        acceptWeakStore: false,
      }),
    ).toMatchObject({
      ok: true,
      kind: 'stored',
      device: { state: 'ready', sessions: [TARGET], note: expect.stringMatching(/^Lab accounts only/) },
    });
    const view = await service.codeView(scenario.mfaSerial);
    expect(view).toMatchObject({ currentCode: expect.stringMatching(/^\d{6}$/), windowUsed: false });
    expect(view.secondsLeft).toBeGreaterThanOrEqual(1);
    expect(await service.renew({ target: TARGET })).toMatchObject({ kind: 'renewed' });
    expect(emulator.callCount('GetSessionToken')).toBe(1);
    expect(await service.codeView(scenario.mfaSerial)).toMatchObject({ windowUsed: true });
    expect(await scanForSecret([lab.dir], scenario.mfaSecret)).toMatchObject({ leaks: [] });
  });

  it('waits for the next window instead of sending a code from a used one', async () => {
    const { service } = await world();
    await service.importDevice({
      serial: scenario.mfaSerial,
      input: { format: 'base32', text: scenario.mfaSecret },
      acceptWeakStore: false,
    });
    expect(await service.renew({ target: TARGET })).toMatchObject({ kind: 'renewed' });
    const firstWindow = totpWindow(clock.now());
    expect(await service.renew({ target: TARGET, force: true })).toMatchObject({ kind: 'renewed' });
    expect(totpWindow(clock.now())).toBe(firstWindow + 1);
    expect(emulator.callCount('GetSessionToken')).toBe(2); // no rejected call: the used code was never sent
  });

  it('renewal with a device MFA Tray does not hold says so, without calling AWS', async () => {
    const { service } = await world();
    expect(await service.renew({ target: TARGET })).toMatchObject({
      kind: 'cancelled',
      message: expect.stringMatching(/holds no lab device/),
    });
    expect(emulator.callCount('GetSessionToken')).toBe(0);
  });
});

describe('creating a lab device through IAM', () => {
  it('creates, enables with two consecutive codes, sets mfa_serial, and then renews with the new device', async () => {
    await start();
    const { lab, service } = await world();
    const outcome = await service.create({ sourceProfile: SOURCE, deviceName: 'LabDevice', acceptWeakStore: false });
    const serial = 'arn:aws:iam::111111111111:mfa/LabDevice';
    expect(outcome).toMatchObject({ ok: true, kind: 'enabled', device: { serial, state: 'ready' } });
    expect(emulator.state.devices.get(serial)?.userName).toBe('MyRepositoryUser');
    expect(await mfaSerialOf(lab)).toBe(serial);
    expect((await readUsedCode(lab.stateDir, serial))?.window).toBe(emulator.state.devices.get(serial)?.lastUsedWindow);
    // The enable spent a window: the first renewal waits for the next one rather than being refused.
    expect(await service.renew({ target: TARGET })).toMatchObject({ kind: 'renewed' });
    expect(emulator.callCount('GetSessionToken')).toBe(1);
    const seed = emulator.state.devices.get(serial)!.secret;
    const scan = await scanForSecret([lab.dir], seed);
    expect(scan.leaks).toEqual([]);
    expect(scan.scanned).toBeGreaterThanOrEqual(4); // config, credentials, lab-devices.json, used-codes record, backups
  });

  it('a name already taken in the account is refused before anything is stored', async () => {
    await start();
    const { service } = await world();
    expect(
      await service.create({ sourceProfile: SOURCE, deviceName: 'MyRepositoryUser', acceptWeakStore: false }),
    ).toMatchObject({
      ok: false,
      kind: 'device-exists',
      message: expect.stringMatching(/already exists.*nothing was created/),
    });
    expect((await service.list()).devices).toEqual([]);
  });

  it('at the IAM limit of 8 devices nothing is created', async () => {
    const seed = structuredClone(scenarioSeed) as Seed;
    const user = seed.accounts[0]!.users![0]!;
    user.mfaDevices = Array.from({ length: 8 }, (_, index) => ({
      serial: `arn:aws:iam::111111111111:mfa/d${index}`,
      secret: scenario.mfaSecret,
    }));
    await start(seed);
    const { service } = await world();
    expect(
      await service.create({ sourceProfile: SOURCE, deviceName: 'LabDevice', acceptWeakStore: false }),
    ).toMatchObject({ ok: false, kind: 'limit-reached' });
    expect(emulator.callCount('CreateVirtualMFADevice')).toBe(0);
  });

  it('codes IAM rejects leave a visible "not enabled" device that can be finished later', async () => {
    await start();
    const { lab, service } = await world();
    emulator.setClockOffset(5 * 60_000); // AWS's clock 5 min ahead: our codes are out of sync
    const outcome = await service.create({ sourceProfile: SOURCE, deviceName: 'LabDevice', acceptWeakStore: false });
    expect(outcome).toMatchObject({
      ok: false,
      kind: 'codes-rejected',
      message: expect.stringMatching(/created but not enabled.*finish enabling it, or remove it/),
    });
    const serial = 'arn:aws:iam::111111111111:mfa/LabDevice';
    expect((await service.list()).devices).toEqual([
      expect.objectContaining({ serial, state: 'not-enabled', note: expect.stringMatching(/not enabled/) }),
    ]);
    expect(await service.isLabDevice(serial)).toBe(false);
    await expect(service.codeView(serial)).rejects.toThrow(/never enabled/);
    expect(await mfaSerialOf(lab)).toBe(scenario.mfaSerial);
    emulator.setClockOffset(0);
    expect(await service.finish(serial)).toMatchObject({ ok: true, kind: 'enabled', device: { state: 'ready' } });
    expect(await mfaSerialOf(lab)).toBe(serial);
  });

  it('a weak store is refused before anything is created in AWS, and accepted when the user says so', async () => {
    await start();
    const { service } = await world('weak');
    expect(
      await service.create({ sourceProfile: SOURCE, deviceName: 'LabDevice', acceptWeakStore: false }),
    ).toMatchObject({ ok: false, kind: 'weak-store-not-accepted' });
    expect(emulator.callCount('CreateVirtualMFADevice')).toBe(0);
    expect(
      await service.create({ sourceProfile: SOURCE, deviceName: 'LabDevice', acceptWeakStore: true }),
    ).toMatchObject({
      ok: true,
      device: { weakStoreAccepted: true, note: expect.stringMatching(/weak store you accepted/) },
    });
  });

  it('profiles without long-term keys are refused with a reason', async () => {
    await start();
    const { service } = await world();
    expect(
      await service.create({ sourceProfile: TARGET, deviceName: 'LabDevice', acceptWeakStore: false }),
    ).toMatchObject({ ok: false, kind: 'configuration', message: expect.stringMatching(/temporary session keys/) });
    expect(
      await service.create({ sourceProfile: 'nope', deviceName: 'LabDevice', acceptWeakStore: false }),
    ).toMatchObject({ ok: false, message: 'There is no profile named nope.' });
  });
});
