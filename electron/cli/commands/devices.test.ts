// `mfa-tray devices` and `renew --device-code` against a real lab-device socket served by the app's core,
// with the scenario's device in the STS emulator.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type StsEmulator } from '../../../tools/sts-emulator';
import { scenario, SCENARIO_SEED_FILE } from '../../../testing/scenario/scenario';
import { createScenarioLab, TARGET, type ScenarioLab } from '../../../testing/scenario/scenario-lab';
import { resolveAwsFileLocations } from '../../core/aws-files';
import {
  createLabDeviceService,
  labSocketHandler,
  renewWithLabCodes,
  startLabSocketServer,
  type LabDeviceService,
  type LabSocketServer,
} from '../../core/lab-devices';
import { secretForms } from '../../../testing/lab-devices/secret-scan';
import { testCipher } from '../../../testing/lab-devices/test-cipher';
import { buildOtpauthUri, generateTotp } from '../../core/totp';
import type { CliIo } from '../output/cli-io';
import {
  appDeviceCodeSource,
  DEVICES_EXIT,
  registerDevicesCommand,
  runDevicesCode,
  runDevicesImport,
  runDevicesList,
  runDevicesRemove,
} from './devices';

let emulator: StsEmulator;
let lab: ScenarioLab;
let service: LabDeviceService;
let server: LabSocketServer | undefined;
const out = { stdout: '', stderr: '' };
let io: CliIo;

beforeEach(async () => {
  emulator = await startEmulator({ seed: SCENARIO_SEED_FILE });
  lab = await createScenarioLab(emulator.url);
  service = createLabDeviceService({
    stateDir: lab.stateDir,
    locations: resolveAwsFileLocations(lab.env),
    env: lab.env,
    clock: { now: Date.now },
    cipher: testCipher(),
  });
  server = await startLabSocketServer(lab.stateDir, labSocketHandler(service));
  out.stdout = '';
  out.stderr = '';
  io = { env: lab.env, stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), clock: { now: Date.now } };
});
afterEach(async () => {
  await server?.close();
  await emulator.close();
});

function expectNoSecretPrinted(): void {
  for (const form of secretForms(scenario.mfaSecret)) expect(`${out.stdout}${out.stderr}`).not.toContain(form);
}

describe('mfa-tray devices', () => {
  it('imports from stdin, lists, prints the current code only, and removes', async () => {
    expect(await runDevicesImport(scenario.mfaSerial, {}, io, undefined, async () => `${scenario.mfaSecret}\n`)).toBe(
      DEVICES_EXIT.ok,
    );
    expect(out.stdout).toMatch(/Stored the lab device .*Lab accounts only/);
    expect(await runDevicesList({}, io)).toBe(DEVICES_EXIT.ok);
    expect(out.stdout).toMatch(/test_keychain/);
    expect(out.stdout).toContain(`${scenario.mfaSerial}  [lab only] ready`);
    out.stdout = '';
    expect(await runDevicesCode(scenario.mfaSerial, io)).toBe(DEVICES_EXIT.ok);
    expect([
      generateTotp(scenario.mfaSecret, Date.now()),
      generateTotp(scenario.mfaSecret, Date.now() - 30_000),
    ]).toContain(out.stdout.trim());
    expect(out.stderr).toMatch(/lab device; valid for \d+ more seconds/);
    expect(await runDevicesRemove(scenario.mfaSerial, io)).toBe(DEVICES_EXIT.ok);
    expect(await runDevicesCode(scenario.mfaSerial, io)).toBe(DEVICES_EXIT.refused);
    expect(out.stderr).toMatch(/holds no lab device/);
    expectNoSecretPrinted();
  });

  it('imports the QR PNG and an otpauth URI from files', async () => {
    const png = join(lab.dir, 'qr.png');
    await writeFile(
      png,
      await QRCode.toBuffer(buildOtpauthUri('MyRepositoryUser@111111111111', scenario.mfaSecret), { type: 'png' }),
    );
    expect(await runDevicesImport(scenario.mfaSerial, { qr: png }, io)).toBe(DEVICES_EXIT.ok);
    const uriFile = join(lab.dir, 'uri.txt');
    await writeFile(uriFile, `${buildOtpauthUri('other@111111111111', scenario.mfaSecret)}\n`);
    expect(
      await runDevicesImport('arn:aws:iam::111111111111:mfa/other', { fromFile: uriFile, label: 'Other' }, io),
    ).toBe(DEVICES_EXIT.ok);
    expect((await service.list()).devices.map((device) => device.label)).toEqual([
      'MyRepositoryUser@111111111111',
      'Other',
    ]);
    expect(await runDevicesImport(scenario.mfaSerial, { fromFile: join(lab.dir, 'missing') }, io)).toBe(
      DEVICES_EXIT.usage,
    );
    expectNoSecretPrinted();
  });

  it('refuses a weak store unless --accept-weak-store, and a bad secret, with exit 1', async () => {
    await server?.close();
    const weak = createLabDeviceService({
      stateDir: lab.stateDir,
      locations: resolveAwsFileLocations(lab.env),
      env: lab.env,
      clock: { now: Date.now },
      cipher: testCipher('weak'),
    });
    server = await startLabSocketServer(lab.stateDir, labSocketHandler(weak));
    const stdin = async () => scenario.mfaSecret;
    expect(await runDevicesImport(scenario.mfaSerial, {}, io, undefined, stdin)).toBe(DEVICES_EXIT.refused);
    expect(out.stderr).toMatch(/weak secret store .*Nothing was stored/);
    expect(await runDevicesImport(scenario.mfaSerial, { acceptWeakStore: true }, io, undefined, stdin)).toBe(
      DEVICES_EXIT.ok,
    );
    expect(
      await runDevicesImport(
        scenario.mfaSerial,
        {},
        io,
        undefined,
        async () => 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=8',
      ),
    ).toBe(DEVICES_EXIT.refused);
    expect(out.stderr).toMatch(/digits=6/);
  });

  it('says clearly when the app is not running (exit 3)', async () => {
    await server?.close();
    server = undefined;
    expect(await runDevicesList({}, io)).toBe(DEVICES_EXIT.appNotRunning);
    expect(out.stderr).toMatch(/MFA Tray is not running .*Start the MFA Tray app/);
  });

  it('has --help for the command and each subcommand', () => {
    const program = new Command('mfa-tray');
    registerDevicesCommand(program);
    const devices = program.commands.find((command) => command.name() === 'devices')!;
    expect(devices.commands.map((command) => command.name())).toEqual(['list', 'code', 'import', 'remove']);
    const help = (name: string) => {
      let text = '';
      const command = devices.commands.find((candidate) => candidate.name() === name)!;
      command.configureOutput({ writeOut: (t) => (text += t) });
      command.outputHelp();
      return text;
    };
    let top = '';
    devices.configureOutput({ writeOut: (t) => (top += t) });
    devices.outputHelp();
    expect(top).toMatch(/TEST AND LAB ACCOUNTS ONLY[\s\S]*3 +the MFA Tray app is not running/);
    expect(help('import')).toMatch(/--qr <png>[\s\S]*--accept-weak-store[\s\S]*first line of stdin/);
    expect(help('code')).toMatch(/never its secret/);
  });
});

describe('renew --device-code', () => {
  it('renews through the app twice in a row, the second time after waiting for the next window', async () => {
    const offset = { ms: 0 };
    const clock = { now: () => Date.now() + offset.ms };
    const deps = { locations: resolveAwsFileLocations(lab.env), stateDir: lab.stateDir, env: lab.env, clock };
    // The app and the CLI share a clock here; sleeping advances both instead of waiting for real.
    await server?.close();
    const shared = createLabDeviceService({ ...deps, cipher: testCipher() });
    await shared.importDevice({
      serial: scenario.mfaSerial,
      input: { format: 'base32', text: scenario.mfaSecret },
      acceptWeakStore: false,
    });
    server = await startLabSocketServer(lab.stateDir, labSocketHandler(shared));
    const sleep = async (ms: number) => {
      offset.ms += ms;
    };
    expect(await renewWithLabCodes({ target: TARGET }, appDeviceCodeSource(lab.env), deps, sleep)).toMatchObject({
      kind: 'renewed',
    });
    expect(
      await renewWithLabCodes({ target: TARGET, force: true }, appDeviceCodeSource(lab.env), deps, sleep),
    ).toMatchObject({ kind: 'renewed' });
    expect(offset.ms).toBeGreaterThan(0);
    expect(emulator.callCount('GetSessionToken')).toBe(2);
  });

  it('ends as cancelled with the reason when the app is not running, without calling AWS', async () => {
    await server?.close();
    server = undefined;
    const deps = { locations: resolveAwsFileLocations(lab.env), stateDir: lab.stateDir, env: lab.env };
    expect(await renewWithLabCodes({ target: TARGET }, appDeviceCodeSource(lab.env), deps)).toMatchObject({
      kind: 'cancelled',
      message: expect.stringMatching(/MFA Tray is not running/),
    });
    expect(emulator.callCount('GetSessionToken')).toBe(0);
  });
});
