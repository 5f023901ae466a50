import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardStateSchema } from '../shared/contract';
import { createAppService, type ServiceEvent } from './app-service';
import {
  fakeWorld,
  LONG_TERM_SECRET,
  renewedOutcome,
  scenarioModel,
  SECRET_ACCESS_KEY,
  SESSION_TOKEN,
} from '../../testing/app/fixtures';
import { createIpcHandlers } from './ipc-handlers';
import { mfaRolesModel } from '../../testing/scenario/mfa-roles';
import { scenario } from '../../testing/scenario/scenario';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const caller = { senderId: 7 };
let stateDir: string;

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'mfa-tray-service-'));
});
afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

describe('createAppService', () => {
  it('builds the dashboard state from the model, the settings and the clock', async () => {
    const world = fakeWorld(stateDir, scenarioModel(new Date(NOW + 10 * 60_000)), NOW);
    const service = createAppService(world.deps);
    const state = await service.state();
    expect(DashboardStateSchema.parse(state)).toEqual(state);
    expect(state.now).toBe('2025-03-01T12:00:00.000Z');
    expect(state.sessions).toEqual([
      expect.objectContaining({
        target: 'MyRepositoryAssumer',
        source: 'FetchMfaCredentials',
        state: 'expiring',
        durationSeconds: 86400,
        notificationsEnabled: true,
      }),
    ]);
    expect(state.roles[0]).toMatchObject({
      profile: 'MyRepositoryContributor',
      chain: ['MyRepositoryContributor', 'MyRepositoryAssumer'],
    });
    expect(state.profileCount).toBe(3);
    world.setNow(NOW + 11 * 60_000);
    expect((await service.state()).sessions[0]?.state).toBe('expired');
  });

  it('pushes the new state when the AWS files change', async () => {
    const world = fakeWorld(stateDir, scenarioModel(), NOW);
    const service = createAppService(world.deps);
    const events: ServiceEvent[] = [];
    service.subscribe((event) => events.push(event));
    expect((await service.start()).sessions[0]?.state).toBe('never');
    world.setModel(scenarioModel(new Date(NOW + 5 * 3600_000)));
    world.fireFileChange();
    await vi.waitFor(() => expect(events.length).toBeGreaterThan(0));
    expect(events[0]).toMatchObject({ name: 'stateChanged', payload: { sessions: [{ state: 'valid' }] } });
    service.close();
    expect(world.watcherClosed()).toBe(true);
  });

  it('renews through the renewal port, shows renewing meanwhile and pushes the result', async () => {
    const world = fakeWorld(stateDir, scenarioModel(), NOW);
    const service = createAppService(world.deps);
    await service.start();
    const states: string[] = [];
    service.subscribe((event) => event.name === 'stateChanged' && states.push(event.payload.sessions[0]?.state ?? ''));
    world.setRenew(async () => {
      world.setModel(scenarioModel(new Date(NOW + 86400_000)));
      return {
        ...renewedOutcome('MyRepositoryAssumer', new Date(NOW + 86400_000)),
        message: 'Renewed until tomorrow.',
      };
    });
    const result = await service.renew({ target: 'MyRepositoryAssumer', code: '123456', durationSeconds: 3600 });
    expect(result).toEqual({
      ok: true,
      kind: 'renewed',
      message: 'Renewed until tomorrow.',
      target: 'MyRepositoryAssumer',
      expiration: '2025-03-02T12:00:00.000Z',
    });
    expect(world.record.renewRequests).toEqual([
      { target: 'MyRepositoryAssumer', code: '123456', durationSeconds: 3600 },
    ]);
    expect(states).toEqual(['renewing', 'valid']);
  });

  it("maps failed outcomes, STS's unexpected failure, and a renewal that throws, to secret-free results", async () => {
    const world = fakeWorld(stateDir, scenarioModel(), NOW);
    const service = createAppService(world.deps);
    world.setRenew(async () => ({
      kind: 'code-already-used',
      category: 'user',
      message: 'That code was just used.',
      retryAfterSeconds: 12,
    }));
    expect(await service.renew({ target: 'MyRepositoryAssumer', code: '123456' })).toEqual({
      ok: false,
      kind: 'code-already-used',
      message: 'That code was just used.',
      target: 'MyRepositoryAssumer',
      retryAfterSeconds: 12,
    });
    world.setRenew(async () => ({
      kind: 'unexpected',
      category: 'aws',
      message: 'Something new.',
      code: 'BrandNewError',
    }));
    expect((await service.renew({ target: 'MyRepositoryAssumer', code: '123456' })).kind).toBe('unknown');
    world.setRenew(async () => {
      throw new Error(`boom ${SECRET_ACCESS_KEY}`);
    });
    const thrown = await service.renew({ target: 'MyRepositoryAssumer', code: '123456' });
    expect(thrown).toMatchObject({ ok: false, kind: 'unknown' });
    expect(JSON.stringify(thrown)).not.toContain(SECRET_ACCESS_KEY);
  });

  it('refuses a second renewal of the same session while one is running', async () => {
    const world = fakeWorld(stateDir, scenarioModel(), NOW);
    const service = createAppService(world.deps);
    let release: () => void = () => undefined;
    world.setRenew(
      () =>
        new Promise(
          (resolve) => (release = () => resolve(renewedOutcome('MyRepositoryAssumer', new Date(NOW + 3600_000)))),
        ),
    );
    const first = service.renew({ target: 'MyRepositoryAssumer', code: '123456' });
    await vi.waitFor(() => expect(world.record.renewRequests).toHaveLength(1));
    const second = await service.renew({ target: 'MyRepositoryAssumer', code: '654321' });
    expect(second).toMatchObject({ ok: false, message: 'A renewal of MyRepositoryAssumer is already running.' });
    release();
    expect((await first).ok).toBe(true);
    expect(world.record.renewRequests).toHaveLength(1);
  });

  it('opens the token dialog with the session context and pushes it', async () => {
    const world = fakeWorld(stateDir, scenarioModel(), NOW);
    const service = createAppService(world.deps);
    const events: ServiceEvent[] = [];
    service.subscribe((event) => events.push(event));
    expect(await service.openTokenDialog('MyRepositoryAssumer')).toMatchObject({ ok: true });
    const expected = {
      target: 'MyRepositoryAssumer',
      source: 'FetchMfaCredentials',
      device: 'arn:aws:iam::111111111111:mfa/MyRepositoryUser',
      durationSeconds: 86400,
      labDevice: false,
    };
    expect(world.record.dialogs).toEqual([expected]);
    expect(events).toEqual([{ name: 'tokenDialogRequested', payload: expected }]);
    expect(await service.tokenDialogContext('MyRepositoryAssumer')).toEqual(expected);
    expect(await service.openTokenDialog('Nobody')).toMatchObject({ ok: false });
    await expect(service.tokenDialogContext('Nobody')).rejects.toThrow('Nobody is not an MFA session');
  });

  it('keeps the last token dialog request for a dialog window that loads after the push', async () => {
    const world = fakeWorld(stateDir, scenarioModel(), NOW);
    const service = createAppService(world.deps);
    expect(service.requestedTokenDialog()).toBeNull();
    await service.openTokenDialog('MyRepositoryAssumer');
    expect(service.requestedTokenDialog()).toMatchObject({
      target: 'MyRepositoryAssumer',
      source: 'FetchMfaCredentials',
    });
  });

  it('writes export lines to the clipboard and never returns them', async () => {
    const world = fakeWorld(stateDir, scenarioModel(new Date(NOW + 3600_000)), NOW);
    const service = createAppService(world.deps);
    const result = await service.copyExportLines('MyRepositoryAssumer');
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain(SECRET_ACCESS_KEY);
    expect(world.record.clipboard).toEqual([
      `export AWS_ACCESS_KEY_ID='ASIAIOSFODNN7EXAMPLE'\nexport AWS_SECRET_ACCESS_KEY='${SECRET_ACCESS_KEY}'\nexport AWS_SESSION_TOKEN='${SESSION_TOKEN}'\nexport AWS_CREDENTIAL_EXPIRATION='2025-03-01T13:00:00.000Z'\n`,
    ]);
    expect(await service.copyExportLines('MyRepositoryContributor')).toMatchObject({
      ok: false,
      message: expect.stringContaining('role profile'),
    });
    expect(await service.copyExportLines('Missing')).toEqual({
      ok: false,
      message: 'There is no profile named Missing.',
    });
    expect(world.record.clipboard).toHaveLength(1);
    expect(JSON.stringify(world.record.logs)).not.toContain(LONG_TERM_SECRET);
  });

  it('persists settings as JSON in the state folder, applies start-at-login and pushes the new state', async () => {
    const world = fakeWorld(stateDir, scenarioModel(new Date(NOW + 30 * 60_000)), NOW);
    const service = createAppService(world.deps);
    await service.start();
    const events: ServiceEvent[] = [];
    service.subscribe((event) => events.push(event));
    const updated = await service.updateSettings({ leadTimeMinutes: 45, startAtLogin: true });
    expect(updated).toMatchObject({ leadTimeMinutes: 45, startAtLogin: true });
    expect(JSON.parse(await readFile(join(stateDir, 'settings.json'), 'utf8'))).toEqual(updated);
    expect(world.record.startAtLogin).toEqual([true]);
    expect(events[0]).toMatchObject({
      name: 'stateChanged',
      payload: { sessions: [{ state: 'expiring' }], settings: { leadTimeMinutes: 45 } },
    });
    const reopened = createAppService(world.deps);
    expect(await reopened.settings()).toEqual(updated);
  });

  it('saves nothing when the login item cannot be registered, and says why', async () => {
    const world = fakeWorld(stateDir, scenarioModel(), NOW);
    world.deps.shell.setStartAtLogin = async () => {
      throw new Error('EACCES: ~/.config/autostart is read-only');
    };
    const service = createAppService(world.deps);
    await service.start();
    await expect(service.updateSettings({ startAtLogin: true })).rejects.toThrow(/read-only/);
    expect((await service.settings()).startAtLogin).toBe(false);
    await expect(readFile(join(stateDir, 'settings.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('takes the login item back when the settings file cannot be written', async () => {
    const world = fakeWorld(stateDir, scenarioModel(), NOW);
    const service = createAppService(world.deps);
    await service.start();
    // A folder where settings.json belongs: the atomic rename onto it fails.
    await mkdir(join(stateDir, 'settings.json', 'blocker'), { recursive: true });
    await expect(service.updateSettings({ startAtLogin: true })).rejects.toThrow();
    expect(world.record.startAtLogin).toEqual([true, false]);
  });

  it('forwards window requests to the shell; the IPC adapter closes exactly the sender', async () => {
    const world = fakeWorld(stateDir, scenarioModel(), NOW);
    const service = createAppService(world.deps);
    const handlers = createIpcHandlers(service, world.windows);
    expect(await handlers.closeWindow(undefined, caller)).toEqual({ ok: true, message: 'Closed.' });
    expect(await handlers.closeWindow(undefined, { senderId: 0 })).toMatchObject({ ok: false });
    service.openDashboard();
    service.openWizard();
    expect(await service.openProfilesFolder()).toEqual({ ok: true, message: 'Opened /home/dev/.aws.' });
    expect(world.record).toMatchObject({
      hidden: [caller, { senderId: 0 }],
      dashboards: 1,
      wizards: 1,
      openedPaths: ['/home/dev/.aws'],
    });
  });

  it('a program without a terminal gets the dialog, naming it, and its answer once the dialog renewed', async () => {
    const world = fakeWorld(stateDir, scenarioModel(new Date(NOW - 60_000)), NOW);
    const service = createAppService(world.deps);
    const events: ServiceEvent[] = [];
    service.subscribe((event) => events.push(event));
    await service.start();
    const progress: unknown[] = [];
    const asked = service.requestRenewalFor({ program: 'git', folder: '~/src/myRepository' }, 'MyRepositoryAssumer', {
      progress: (message) => progress.push(message),
    });
    await vi.waitFor(() => expect(world.record.dialogs).toHaveLength(1));
    const requestedBy = { caller: 'git in ~/src/myRepository', others: 0 };
    expect(world.record.dialogs[0]).toMatchObject({ target: 'MyRepositoryAssumer', requestedBy });
    expect(service.requestedTokenDialog()).toMatchObject({ requestedBy });
    expect(await service.tokenDialogContext('MyRepositoryAssumer')).toMatchObject({ requestedBy });
    expect(progress).toEqual([{ kind: 'waiting', waitSeconds: 120, joined: false }]);
    // The dialog's Renew: the service re-reads the files after it, and the waiting program hears "renewed".
    world.setRenew(async (request) => {
      world.setModel(scenarioModel(new Date(NOW + 3_600_000)));
      return renewedOutcome(request.target, new Date(NOW + 3_600_000));
    });
    await service.renew({ target: 'MyRepositoryAssumer', code: '123456', force: true });
    expect(await asked).toMatchObject({ kind: 'renewed' });
    expect(service.requestedTokenDialog()).not.toHaveProperty('requestedBy');
    expect(events.filter((event) => event.name === 'tokenDialogRequested')).toHaveLength(1);
  });
});

describe('MFA roles in the app service', () => {
  it('opens the token dialog for one MFA role and for all roles of its device, and renews them with one code', async () => {
    const world = fakeWorld(stateDir, mfaRolesModel(), NOW);
    const service = createAppService(world.deps);
    const state = await service.start();
    expect(state.roles.map((r) => [r.profile, r.layout, r.state, r.device])).toEqual([
      ['admin', 'mfa-on-role', 'never', scenario.mfaSerial],
      ['deploy', 'mfa-on-role', 'never', scenario.mfaSerial],
      ['readonly', 'mfa-on-role', 'never', scenario.mfaSerial],
    ]);

    expect(await service.openTokenDialog('admin')).toMatchObject({ ok: true });
    expect(world.record.dialogs.at(-1)).toEqual({
      kind: 'mfa-role',
      target: 'admin',
      source: 'default',
      device: scenario.mfaSerial,
      durationSeconds: 7200,
      labDevice: false,
    });
    expect(await service.openDeviceRolesDialog(scenario.mfaSerial)).toMatchObject({
      ok: true,
      message: expect.stringContaining('admin, deploy, readonly'),
    });
    // One MFA session for all: role chaining caps each role at 1 hour.
    expect(world.record.dialogs.at(-1)).toMatchObject({
      kind: 'device-roles',
      target: 'admin',
      roles: ['admin', 'deploy', 'readonly'],
      durationSeconds: 3600,
    });
    expect(await service.openDeviceRolesDialog('arn:aws:iam::111111111111:mfa/nobody')).toMatchObject({ ok: false });

    // Renewing all roles of the device shows each of them renewing meanwhile, not only the first.
    const renewingRoles: string[][] = [];
    service.subscribe((event) => {
      if (event.name === 'stateChanged')
        renewingRoles.push(event.payload.roles.filter((r) => r.state === 'renewing').map((r) => r.profile));
    });
    const handlers = createIpcHandlers(service, world.windows);
    await handlers.renew({ target: 'admin', code: '123456', allRolesOf: scenario.mfaSerial, force: true }, caller);
    expect(world.record.renewRequests.at(-1)).toMatchObject({ allRolesOf: scenario.mfaSerial, code: '123456' });
    expect(renewingRoles[0]).toEqual(['admin', 'deploy', 'readonly']);
    expect(renewingRoles.at(-1)).toEqual([]);
    service.close();
  });
});
