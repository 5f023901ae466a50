// renewDeviceRoles: one code renews every MFA role of a device (against the STS emulator).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type StsEmulator } from '../../../tools/sts-emulator';
import { scenario } from '../../../testing/scenario/scenario';
import { createScenarioLab, TARGET, type ScenarioLab } from '../../../testing/scenario/scenario-lab';
import { mfaRolesFiles, mfaRolesSeed } from '../../../testing/scenario/mfa-roles';
import { countingCodes, labRenewDeps } from '../../../testing/scenario/lab-renewal';
import { resolveAwsFileLocations } from '../aws-files';
import { loadProfileModel } from '../profiles';
import { renew } from './renew';
import { renewDeviceRoles } from './renew-device-roles';

let emulator: StsEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: mfaRolesSeed });
});
afterEach(() => emulator.close());

async function cachedUntil(lab: ScenarioLab): Promise<Record<string, number | undefined>> {
  const model = await loadProfileModel(resolveAwsFileLocations(lab.env));
  return Object.fromEntries(model.roles.map((r) => [r.profile, r.cachedExpiration?.getTime()]));
}

describe('renewDeviceRoles', () => {
  it('renews three roles with one code: one GetSessionToken in memory, three AssumeRole, chaining cap said', async () => {
    const lab = await createScenarioLab(emulator.url, { files: mfaRolesFiles() });
    const before = await lab.snapshot();
    const source = countingCodes();
    const result = await renewDeviceRoles({ device: scenario.mfaSerial, codeSource: source }, labRenewDeps(lab));
    expect(result.outcome.kind).toBe('renewed');
    expect(source.asked).toBe(1);
    expect([emulator.callCount('GetSessionToken'), emulator.callCount('AssumeRole')]).toEqual([1, 3]);
    expect(result.renewed.map((r) => r.target)).toEqual(['admin', 'deploy', 'readonly']);
    expect(result.renewed[0]).toMatchObject({ cappedFromSeconds: 7200 });
    expect(result.outcome.message).toMatch(
      /^One code renewed 3 roles of arn:aws:iam::111111111111:mfa\/MyRepositoryUser: admin \(until .*; 1 h, not the 7200 s of duration_seconds: role chaining is capped at 1 hour\), deploy \(until .*\), readonly \(until .*\)\.$/,
    );
    const until = await cachedUntil(lab);
    expect(until.admin! - Date.now()).toBeLessThanOrEqual(3600_000);
    expect(until.readonly! - Date.now()).toBeLessThanOrEqual(1800_000);
    // The session lived in memory only: the AWS files are as they were.
    expect(await lab.snapshot()).toEqual(before);

    const again = await renewDeviceRoles({ device: 'admin', codeSource: source }, labRenewDeps(lab));
    expect(again.outcome.kind).toBe('still-valid');
    expect(again.stillValid.map((r) => r.target)).toEqual(['admin', 'deploy', 'readonly']);
    expect(again.renewed).toEqual([]);
  });

  it('uses and renews the session profile of the same device, then needs no code while it is valid', async () => {
    const lab = await createScenarioLab(emulator.url, { files: mfaRolesFiles({ withSession: true }) });
    const source = countingCodes();
    const first = await renewDeviceRoles({ device: scenario.mfaSerial, codeSource: source }, labRenewDeps(lab));
    expect(first.session).toEqual({ target: TARGET, renewed: true });
    expect(first.outcome.message).toMatch(
      /^One code renewed the MFA session "MyRepositoryAssumer" and, with it, 3 roles/,
    );
    const forced = await renewDeviceRoles(
      { device: scenario.mfaSerial, codeSource: source, force: true },
      labRenewDeps(lab),
    );
    expect(forced.session).toEqual({ target: TARGET, renewed: false });
    expect(forced.renewed).toHaveLength(3);
    expect(source.asked).toBe(1);
    expect([emulator.callCount('GetSessionToken'), emulator.callCount('AssumeRole')]).toEqual([1, 6]);
    // The session renewal's window was recorded: a single-role renewal now waits for the next code.
    expect(await renew({ target: 'admin', codeSource: source, force: true }, labRenewDeps(lab))).toMatchObject({
      kind: 'code-already-used',
    });
  });

  it('says when no MFA role uses the device', async () => {
    const lab = await createScenarioLab(emulator.url, { files: mfaRolesFiles() });
    const result = await renewDeviceRoles(
      { device: 'arn:aws:iam::111111111111:mfa/other', codeSource: countingCodes() },
      labRenewDeps(lab),
    );
    expect(result.outcome).toMatchObject({
      kind: 'configuration',
      message: `No MFA role profile (role_arn with mfa_serial) uses the device "arn:aws:iam::111111111111:mfa/other". Devices of MFA roles here: ${scenario.mfaSerial}.`,
    });
  });
});
