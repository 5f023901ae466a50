// Every IPC channel of the contract, called once through the real preload from our window with valid input (it
// resolves), and once from a frame of that window showing something else (refused, nothing changes).
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as z from 'zod';
import { invokeContract, type InvokeName } from '../../electron/shared/contract';
import { REPO_ROOT } from '../../testing/electron-fake/harness';
import { scenario } from '../../testing/scenario/scenario';
import { scenarioConfig, SCENARIO_CREDENTIALS } from '../../testing/scenario/scenario-files';
import { expect, test, trayReady } from './app-fixtures';

type Requests = { [K in InvokeName]: z.input<(typeof invokeContract)[K]['request']> };
const target = scenario.profiles.target;
// One valid request per operation; a new operation fails the typecheck until it is added here.
const VALID: Requests = {
  getState: undefined,
  getTokenDialogContext: { target },
  getRequestedTokenDialog: undefined,
  openTokenDialog: { target },
  openDeviceRolesDialog: { serial: scenario.mfaSerial },
  closeWindow: undefined,
  openDashboard: undefined,
  openWizard: undefined,
  copyExportLines: { profile: target },
  openProfilesFolder: undefined,
  getSettings: undefined,
  updateSettings: { leadTimeMinutes: 20 },
  wizardStart: undefined,
  wizardImportTeamFile: { text: '{}' },
  wizardSetKeys: { source: 'typed', accessKeyId: scenario.activeKey.id, secretAccessKey: scenario.activeKey.secret },
  wizardCheckRoles: { targetProfile: target, roles: [{ profile: scenario.profiles.role, roleArn: scenario.roleArn }] },
  wizardPreview: {
    sourceProfile: scenario.profiles.source,
    targetProfile: target,
    mfaSerial: scenario.mfaSerial,
    durationSeconds: 3600,
    keys: 'keep',
    roles: [],
  },
  wizardApply: {
    plan: {
      sourceProfile: scenario.profiles.source,
      targetProfile: target,
      mfaSerial: scenario.mfaSerial,
      durationSeconds: 3600,
      keys: 'keep',
      roles: [],
    },
  },
  wizardPickFolder: undefined,
  wizardSetUpRepository: {
    name: 'my-repository',
    region: 'eu-west-1',
    roleProfile: scenario.profiles.role,
    parentFolder: '/nonexistent-parent',
    sourceProfile: scenario.profiles.source,
    targetProfile: target,
  },
  wizardDiscard: undefined,
  labDeviceList: undefined,
  labDeviceImport: { serial: scenario.mfaSerial, input: { format: 'base32', text: scenario.mfaSecret } },
  labDeviceCode: { serial: scenario.mfaSerial },
  labDeviceCopyCode: { serial: scenario.mfaSerial },
  labDeviceFinish: { serial: scenario.mfaSerial },
  labDeviceRenew: { target },
  // After the renewal: it makes the new device the source profile's mfa_serial.
  labDeviceCreate: { sourceProfile: scenario.profiles.source, deviceName: 'harness-lab' },
  labDeviceRemove: { serial: scenario.mfaSerial },
  renew: { target, code: '000000' },
};

type Outcome = { ok: true; value: unknown } | { ok: false; message: string };
/** Runs in a page: each operation of `window.mfaTray` once, in order; what each resolved or rejected with. */
async function callAll([names, requests]: readonly [readonly string[], Requests]): Promise<Record<string, Outcome>> {
  const bridge = (window as unknown as { mfaTray: Record<string, (request?: unknown) => Promise<unknown>> }).mfaTray;
  const outcomes: Record<string, Outcome> = {};
  for (const name of names) {
    try {
      outcomes[name] = { ok: true, value: await bridge[name]!((requests as Record<string, unknown>)[name]) };
    } catch (error) {
      outcomes[name] = { ok: false, message: (error as Error).message };
    }
  }
  return outcomes;
}

test('every channel answers our window through the preload and refuses a foreign frame', async ({ machine }) => {
  // labDeviceRenew may wait for the next 30-second window (each code works once): up to half a minute by design.
  test.setTimeout(90_000);
  const m = await machine({ config: scenarioConfig('2020-01-01T00:00:00Z'), credentials: SCENARIO_CREDENTIALS });
  const app = m.launch();
  await trayReady(app);
  // In the table's order (each lab device call needs the one before).
  const names = Object.keys(VALID) as InvokeName[];
  expect(names.sort()).toEqual(Object.keys(invokeContract).sort());
  names.splice(0, names.length, ...(Object.keys(VALID) as InvokeName[]));
  expect((await app.snapshot()).ipcChannels.sort()).toEqual(names.map((name) => invokeContract[name].channel).sort());

  // A foreign frame first: a page elsewhere on disk that looks like ours, in the dashboard's webContents.
  await app.clickTrayMenuItem('Open MFA Tray');
  const dashboard = await app.shown('dashboard');
  const dashboardId = [...app.windows.values()].find((window) => window.page === dashboard)!.facts.webContentsId;
  const settingsBefore = await readFile(join(m.stateDir, 'settings.json'), 'utf8').catch(() => '');
  const credentialsBefore = await readFile(m.files.credentials, 'utf8');
  const elsewhere = await mkdtemp(join(tmpdir(), 'mfa-tray-foreign-'));
  await writeFile(join(elsewhere, 'index.html'), '<!doctype html><title>not ours</title>');
  const foreign = await app.foreignFrame(
    `${pathToFileURL(join(elsewhere, 'index.html')).href}#/dashboard`,
    dashboardId,
    join(REPO_ROOT, 'dist', 'preload', 'preload.cjs'),
  );
  const refused = await foreign.evaluate(callAll, [names, VALID] as const);
  for (const name of names)
    expect(refused[name], name).toEqual({
      ok: false,
      message: `Error invoking remote method '${invokeContract[name].channel}': IpcRejectedError: Rejected: the sender is not an MFA Tray window.`,
    });
  expect(await readFile(join(m.stateDir, 'settings.json'), 'utf8').catch(() => '')).toBe(settingsBefore);
  expect(await readFile(m.files.credentials, 'utf8')).toBe(credentialsBefore);
  expect((await app.snapshot()).clipboardWrites).toBe(0);

  // Our window: every call resolves with a response main validated against the contract.
  const answered = await dashboard.evaluate(callAll, [names, VALID] as const);
  for (const name of names) expect(answered[name], name).toMatchObject({ ok: true });
  expect(answered.labDeviceRenew).toMatchObject({ ok: true, value: { ok: true, kind: 'renewed' } });
  expect(answered.getSettings).toMatchObject({ ok: true, value: { leadTimeMinutes: 15 } });
  expect(JSON.parse(await readFile(join(m.stateDir, 'settings.json'), 'utf8'))).toMatchObject({ leadTimeMinutes: 20 });
  expect((await app.snapshot()).clipboardWrites).toBeGreaterThanOrEqual(1);
  expect((await app.snapshot()).openedPaths).toEqual([join(m.home, '.aws')]);
});
