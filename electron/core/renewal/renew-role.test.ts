// renew() of MFA roles (mfa_serial on the role profile) in-process against the STS emulator.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type StsEmulator } from '../../../tools/sts-emulator';
import { scenario, scenarioCode } from '../../../testing/scenario/scenario';
import { createScenarioLab, TARGET, type ScenarioLab } from '../../../testing/scenario/scenario-lab';
import { mfaRoleArn, mfaRolesFiles, mfaRolesSeed } from '../../../testing/scenario/mfa-roles';
import { countingCodes, labRenewDeps, withinOneWindow } from '../../../testing/scenario/lab-renewal';
import { resolveAwsFileLocations } from '../aws-files';
import { loadProfileModel, roleCachePath } from '../profiles';
import { renew } from './renew';

let emulator: StsEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: mfaRolesSeed });
});
afterEach(() => emulator.close());

const lab = (withSession = false) => createScenarioLab(emulator.url, { files: mfaRolesFiles({ withSession }) });

async function cacheEntryOf(l: ScenarioLab, profile: string) {
  const model = await loadProfileModel(resolveAwsFileLocations(l.env));
  const key = model.roles.find((r) => r.profile === profile)!.mfaRole!.cacheKey;
  const path = roleCachePath(resolveAwsFileLocations(l.env).cliCacheDir, key);
  return { path, mode: (await stat(path)).mode & 0o777, json: JSON.parse(await readFile(path, 'utf8')), model };
}

describe('renew of an MFA role', () => {
  it('assumes the role with SerialNumber and TokenCode and writes botocore’s cache entry (0600)', async () => {
    const l = await lab();
    const before = await l.snapshot();
    const source = countingCodes();
    const outcome = await renew({ target: 'admin', codeSource: source }, labRenewDeps(l));
    expect(outcome).toMatchObject({ kind: 'renewed', target: 'admin' });
    expect(source.asked).toBe(1);
    expect(emulator.callCount('AssumeRole')).toBe(1);
    const entry = await cacheEntryOf(l, 'admin');
    expect(entry.mode).toBe(0o600);
    expect(entry.json.AssumedRoleUser.Arn).toMatch(
      new RegExp(`^arn:aws:sts::${scenario.accounts.repository}:assumed-role/Admin/botocore-session-\\d+$`),
    );
    // duration_seconds = 7200: long-term keys sign, so no role-chaining cap.
    const expires = new Date(entry.json.Credentials.Expiration).getTime();
    expect(expires - Date.now()).toBeGreaterThan(7100_000);
    expect(entry.json.Credentials.Expiration).toMatch(/\+00:00$/);
    expect(entry.model.roles.find((r) => r.profile === 'admin')?.cachedExpiration?.getTime()).toBe(expires);
    expect(await l.snapshot()).toEqual(before);

    const again = await renew({ target: 'admin', codeSource: source }, labRenewDeps(l));
    expect(again).toMatchObject({ kind: 'still-valid', message: expect.stringContaining('still cached until') });
    expect(source.asked).toBe(1);
  });

  it('shares the used-window guard and the device with the MFA session of the same device', async () => {
    const l = await lab(true);
    const source = countingCodes();
    await withinOneWindow();
    expect(await renew({ target: TARGET, codeSource: source }, labRenewDeps(l))).toMatchObject({ kind: 'renewed' });
    const outcome = await renew({ target: 'deploy', codeSource: source }, labRenewDeps(l));
    expect(outcome).toMatchObject({ kind: 'code-already-used' });
    expect(source.asked).toBe(1);
    expect(emulator.callCount('AssumeRole')).toBe(0);
  });

  it('runs one renewal per device at a time: a role and a session renewed at once never both spend a code of one window', async () => {
    const l = await lab(true);
    const source = countingCodes();
    await withinOneWindow();
    const outcomes = await Promise.all([
      renew({ target: 'deploy', codeSource: source }, labRenewDeps(l)),
      renew({ target: TARGET, codeSource: source }, labRenewDeps(l)),
    ]);
    // Whichever gets the device lock first renews; the other finds its window used.
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['code-already-used', 'renewed']);
    expect(source.asked).toBe(1);
  });

  it('checks everything before asking for a code: the chaining cap with a session as signer, the cache folder', async () => {
    const l = await lab(true);
    const config = await readFile(l.configPath, 'utf8');
    await writeFile(
      l.configPath,
      `${config}\n[profile chained]\nrole_arn = ${mfaRoleArn('admin')}\nsource_profile = ${TARGET}\nmfa_serial = ${scenario.mfaSerial}\nduration_seconds = 7200\n`,
    );
    const source = countingCodes();
    expect(await renew({ target: 'chained', codeSource: source }, labRenewDeps(l))).toMatchObject({
      kind: 'duration-out-of-range',
      message: expect.stringContaining('role chaining is capped at 1 hour'),
    });
    // The cache's parent is a file (root ignores modes, so a read-only folder would prove nothing here).
    const cacheDir = resolveAwsFileLocations(l.env).cliCacheDir;
    await mkdir(dirname(dirname(cacheDir)), { recursive: true });
    await writeFile(dirname(cacheDir), 'not a folder');
    expect(await renew({ target: 'admin', codeSource: source }, labRenewDeps(l))).toMatchObject({
      kind: 'file-problem',
      message: expect.stringContaining('no code was asked for or sent'),
    });
    expect(source.asked).toBe(0);
    expect(emulator.callCount('AssumeRole')).toBe(0);
  });

  it('frees the window of a code AWS rejected as wrong', async () => {
    const l = await lab();
    const wrong = countingCodes(() => String((Number(scenarioCode(Date.now())) + 1) % 1_000_000).padStart(6, '0'));
    expect(await renew({ target: 'readonly', codeSource: wrong }, labRenewDeps(l))).toMatchObject({
      kind: 'wrong-code',
    });
    expect(await renew({ target: 'readonly', codeSource: countingCodes() }, labRenewDeps(l))).toMatchObject({
      kind: 'renewed',
    });
  });
});

describe('renew of an MFA role with session-only options', () => {
  it('refuses --source and --duration, which its profile decides', async () => {
    const l = await lab();
    const source = countingCodes();
    for (const extra of [{ source: 'default' }, { durationSeconds: 3600 }])
      expect(await renew({ target: 'admin', codeSource: source, ...extra }, labRenewDeps(l))).toMatchObject({
        kind: 'configuration',
        message: expect.stringContaining('--source and --duration do not apply'),
      });
    expect(source.asked).toBe(0);
  });
});
