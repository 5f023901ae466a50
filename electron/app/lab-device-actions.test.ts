// The labDevice* operations through the IPC dispatcher, with the real lab-device service and the STS emulator:
// the token dialog's "use lab device" renews, codes reach the clipboard through main, no response holds the secret.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type StsEmulator } from '../../tools/sts-emulator';
import { scenario, SCENARIO_SEED_FILE } from '../../testing/scenario/scenario';
import { createScenarioLab, TARGET, type ScenarioLab } from '../../testing/scenario/scenario-lab';
import { invokeContract } from '../shared/contract';
import { resolveAwsFileLocations } from '../core/aws-files';
import { createLabDeviceService, NO_SECRET_STORE } from '../core/lab-devices';
import { secretForms } from '../../testing/lab-devices/secret-scan';
import { testCipher } from '../../testing/lab-devices/test-cipher';
import { loadProfileModel } from '../core/profiles';
import { createAppService } from './app-service';
import { fakeWorld } from '../../testing/app/fixtures';
import { createIpcHandlers } from './ipc-handlers';
import { createIpcDispatcher } from './ipc-dispatcher';

const trusted = { trusted: true, senderId: 1 } as const;
let emulator: StsEmulator;
let lab: ScenarioLab;
beforeEach(async () => {
  emulator = await startEmulator({ seed: SCENARIO_SEED_FILE });
  lab = await createScenarioLab(emulator.url);
});
afterEach(() => emulator.close());

function setup(withService = true) {
  const locations = resolveAwsFileLocations(lab.env);
  const labDevices = createLabDeviceService({
    stateDir: lab.stateDir,
    locations,
    env: lab.env,
    clock: { now: Date.now },
    cipher: testCipher(),
  });
  const world = fakeWorld(
    lab.stateDir,
    { profiles: new Map(), ssoSessions: new Map(), mfaSessions: [], roles: [], problems: [] },
    Date.now(),
  );
  const deps = {
    ...world.deps,
    locations,
    clock: { now: Date.now },
    core: {
      ...world.deps.core,
      loadProfileModel: () => loadProfileModel(locations),
      isLabDevice: labDevices.isLabDevice,
    },
  };
  const noStore = createLabDeviceService({
    stateDir: lab.stateDir,
    locations,
    env: {},
    clock: { now: Date.now },
    cipher: NO_SECRET_STORE,
  });
  const service = createAppService({ ...deps, labDevices: withService ? labDevices : noStore });
  const dispatcher = createIpcDispatcher(createIpcHandlers(service, world.windows), world.deps.log);
  const responses: string[] = [];
  const call = async (name: keyof typeof invokeContract, payload?: unknown) => {
    const response = await dispatcher.dispatch(invokeContract[name].channel, trusted, payload);
    responses.push(JSON.stringify(response));
    return response as Record<string, unknown>;
  };
  return { world, service, call, responses };
}

describe('lab device operations over IPC', () => {
  it('import, list, code, copy, renew with the device, remove — and no response holds the secret', async () => {
    const { world, service, call, responses } = setup();
    expect(
      await call('labDeviceImport', {
        serial: scenario.mfaSerial,
        input: {
          format: 'otpauth-uri',
          text: `otpauth://totp/MyRepositoryUser@111111111111?secret=${scenario.mfaSecret}`,
        },
      }),
    ).toMatchObject({ ok: true, kind: 'stored' });
    expect(await call('labDeviceList')).toMatchObject({
      store: { kind: 'keychain' },
      devices: [
        { serial: scenario.mfaSerial, state: 'ready', label: 'MyRepositoryUser@111111111111', sessions: [TARGET] },
      ],
    });
    expect((await service.state()).sessions).toEqual([expect.objectContaining({ target: TARGET, labDevice: true })]);
    const code = await call('labDeviceCode', { serial: scenario.mfaSerial });
    expect(code).toMatchObject({ currentCode: expect.stringMatching(/^\d{6}$/), windowUsed: false });
    expect(await call('labDeviceCopyCode', { serial: scenario.mfaSerial })).toMatchObject({ ok: true });
    expect(world.record.clipboard).toEqual([expect.stringMatching(/^\d{6}$/)]);
    expect(await call('labDeviceRenew', { target: TARGET })).toMatchObject({
      ok: true,
      kind: 'renewed',
      target: TARGET,
    });
    expect(await call('labDeviceCode', { serial: scenario.mfaSerial })).toMatchObject({ windowUsed: true });
    expect(await call('labDeviceRemove', { serial: scenario.mfaSerial })).toMatchObject({ ok: true, kind: 'removed' });
    expect((await service.state()).sessions[0]).toMatchObject({ labDevice: false });
    for (const form of secretForms(scenario.mfaSecret)) expect(responses.join('\n')).not.toContain(form);
    for (const entry of world.record.logs)
      for (const form of secretForms(scenario.mfaSecret)) expect(JSON.stringify(entry)).not.toContain(form);
  });

  it('with no secret store the app holds nothing and says why', async () => {
    const { call } = setup(false);
    expect(await call('labDeviceList')).toMatchObject({
      store: { kind: 'unavailable', message: expect.stringMatching(/cannot hold lab device secrets/) },
      devices: [],
    });
    expect(
      await call('labDeviceImport', {
        serial: scenario.mfaSerial,
        input: { format: 'base32', text: scenario.mfaSecret },
      }),
    ).toMatchObject({ ok: false, kind: 'no-secret-store' });
    expect(await call('labDeviceRenew', { target: TARGET })).toMatchObject({ ok: false, kind: 'cancelled' });
    expect(emulator.callCount('GetSessionToken')).toBe(0);
  });
});
