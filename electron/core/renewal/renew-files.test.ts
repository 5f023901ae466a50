// renew() and the files it must write: refused before any code when the write cannot succeed, retried while the
// issued session is in memory, and leaving other tools' layouts (aws-mfa, awsume) in the shape those tools expect.
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { startEmulator, type StsEmulator } from '../../../tools/sts-emulator';
import { SCENARIO_SEED_FILE, scenario } from '../../../testing/scenario/scenario';
import { createScenarioLab, SOURCE, TARGET, type ScenarioLab } from '../../../testing/scenario/scenario-lab';
import { awsMfaCredentials, awsumeConfig, awsumeCredentials, pythonStamp } from '../../../testing/interop/other-tools';
import { countingCodes, labRenewDeps } from '../../../testing/scenario/lab-renewal';
import { resolveAwsFileLocations, writeProfileSettings } from '../aws-files';
import { loadProfileModel } from '../profiles';
import { renew } from './renew';
import { targetExpiration } from './session-expiration';
import type { RenewDeps } from './types';

let emulator: StsEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: SCENARIO_SEED_FILE });
});
afterEach(() => emulator.close());

const OLD = scenario.staleSession;
const PAST = new Date(Date.UTC(2020, 0, 2, 3, 4, 5));

describe('renew: nothing is sent when the result cannot be saved', () => {
  it('refuses a read-only (0444) credentials file before asking for a code, as `aws configure set` does', async () => {
    const l = await createScenarioLab(emulator.url);
    await chmod(l.credentialsPath, 0o444);
    const before = await l.snapshot();
    const source = countingCodes();
    const outcome = await renew({ target: TARGET, codeSource: source }, labRenewDeps(l));
    expect(outcome).toMatchObject({
      kind: 'file-problem',
      message: expect.stringMatching(/no code was asked for or sent: .*credentials: is read-only \(mode 0444\)/),
    });
    expect(source.asked).toBe(0);
    expect(emulator.callCount('GetSessionToken')).toBe(0);
    expect(await l.snapshot()).toEqual(before);
  });

  it('retries saving the issued session while it is in memory, and succeeds once the file can be written', async () => {
    const l = await createScenarioLab(emulator.url);
    let attempts = 0;
    const flaky: RenewDeps['writeSettings'] = async (...args) => {
      attempts += 1;
      if (attempts < 3) throw new Error('EIO: i/o error, write');
      return writeProfileSettings(...args);
    };
    const outcome = await renew(
      { target: TARGET, codeSource: countingCodes() },
      labRenewDeps(l, { writeSettings: flaky, saveRetryDelaysMs: [1, 1] }),
    );
    expect(outcome.kind).toBe('renewed');
    expect(attempts).toBe(3);
    expect(emulator.callCount('GetSessionToken')).toBe(1);
  });

  it('says exactly what failed, and never shows the issued keys, when every save attempt fails', async () => {
    const l = await createScenarioLab(emulator.url);
    const written: Record<string, string | null>[] = [];
    const before = await l.snapshot();
    const outcome = await renew(
      { target: TARGET, codeSource: countingCodes() },
      labRenewDeps(l, {
        writeSettings: async (_locations, _profile, values) => {
          written.push(values);
          throw new Error('ENOSPC: no space left on device, write');
        },
        saveRetryDelaysMs: [1, 1],
      }),
    );
    expect(outcome).toMatchObject({
      kind: 'file-problem',
      category: 'user',
      message: expect.stringMatching(/AWS issued the session .* could not be saved after 3 attempts: ENOSPC/),
    });
    expect(written).toHaveLength(3);
    for (const secret of [written[0]!.aws_secret_access_key!, written[0]!.aws_session_token!])
      expect(outcome.message).not.toContain(secret);
    expect(await l.snapshot()).toEqual(before);
  });

  it('names the real cause instead of only "pass --source": no credentials file, or keys without mfa_serial', async () => {
    const l = await createScenarioLab(emulator.url);
    await rm(l.credentialsPath);
    expect(await renew({ target: 'Work', codeSource: countingCodes() }, labRenewDeps(l))).toMatchObject({
      kind: 'configuration',
      message: expect.stringContaining(`there is no credentials file at ${l.credentialsPath}`),
    });
    await writeFile(l.credentialsPath, `[keys]\naws_access_key_id = AKIAX\naws_secret_access_key = s\n`);
    await writeFile(l.configPath, '');
    expect(await renew({ target: 'Work', codeSource: countingCodes() }, labRenewDeps(l))).toMatchObject({
      message: expect.stringContaining('"keys" holds long-term keys but no mfa_serial'),
    });
  });

  it('renews a profile whose name has a space ([profile "My Session"]), as botocore reads it', async () => {
    const l = await createScenarioLab(emulator.url);
    await writeFile(
      l.configPath,
      `${await readFile(l.configPath, 'utf8')}\n[profile "My Session"]\nexpiration = 2020-01-01T00:00:00Z\n`,
    );
    const outcome = await renew({ target: 'My Session', source: SOURCE, codeSource: countingCodes() }, labRenewDeps(l));
    expect(outcome.kind).toBe('renewed');
    const credentials = await readFile(l.credentialsPath, 'utf8');
    expect(credentials).toMatch(/\n\[My Session\]\naws_access_key_id = ASIA/);
    expect(await readFile(l.configPath, 'utf8')).toMatch(/\[profile "My Session"\]\nexpiration = \d{4}-\d\d-\d\dT/);
  });
});

describe("renew: other tools' files keep their shape", () => {
  async function awsMfaLab(assumedRoleArn?: string): Promise<ScenarioLab> {
    const l = await createScenarioLab(emulator.url);
    await writeFile(l.configPath, '');
    await writeFile(l.credentialsPath, awsMfaCredentials('work', OLD, PAST, assumedRoleArn));
    return l;
  }

  it('aws-mfa: sets aws_security_token to the new token and updates its UTC stamp in the credentials file', async () => {
    const l = await awsMfaLab();
    const outcome = await renew({ target: 'work', codeSource: countingCodes() }, labRenewDeps(l));
    expect(outcome.kind).toBe('renewed');
    if (outcome.kind !== 'renewed') return;
    const text = await readFile(l.credentialsPath, 'utf8');
    const token = /aws_session_token = (\S+)/.exec(text.split('[work]')[1]!)![1]!;
    expect(token).not.toBe(OLD.sessionToken);
    expect(text).toContain(`aws_security_token = ${token}\n`);
    expect(text).toContain(`expiration = ${pythonStamp(outcome.expiration, 'utc')}\n`);
    expect(await readFile(l.configPath, 'utf8')).toBe('');
    // What status and credential-process read: the stamp in the credentials file, in the future.
    const model = await loadProfileModel(resolveAwsFileLocations(l.env));
    expect(targetExpiration(model, 'work')?.getTime()).toBe(Math.floor(outcome.expiration.getTime() / 1000) * 1000);
  });

  it('aws-mfa --assume-role: refused before asking for a code, never turned into an IAM-user session', async () => {
    const l = await awsMfaLab(scenario.roleArn);
    const before = await l.snapshot();
    const source = countingCodes();
    expect(await renew({ target: 'work', codeSource: source }, labRenewDeps(l))).toMatchObject({
      kind: 'configuration',
      message: expect.stringMatching(/aws-mfa role credentials \(assumed_role = True, arn:aws:iam::222222222222/),
    });
    expect(source.asked).toBe(0);
    expect(emulator.callCount('GetSessionToken')).toBe(0);
    expect(await l.snapshot()).toEqual(before);
  });

  it('awsume: reads its zone-less stamp as local time and writes the new one in local time', async () => {
    // A zone without DST, far from UTC, so that reading the stamp as UTC would be 5.5 hours off.
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    onTestFinished(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    const l = await createScenarioLab(emulator.url);
    const soon = new Date(Date.now() + 2 * 3_600_000);
    await writeFile(l.configPath, awsumeConfig('base'));
    await writeFile(l.credentialsPath, awsumeCredentials('base', 'out', OLD, soon));
    const model = await loadProfileModel(resolveAwsFileLocations(l.env));
    expect(targetExpiration(model, 'out')?.getTime()).toBe(Math.floor(soon.getTime() / 1000) * 1000);
    const outcome = await renew(
      { target: 'out', source: 'base', codeSource: countingCodes(), force: true },
      labRenewDeps(l),
    );
    expect(outcome.kind).toBe('renewed');
    if (outcome.kind !== 'renewed') return;
    const text = await readFile(l.credentialsPath, 'utf8');
    expect(text).toContain(`expiration = ${pythonStamp(outcome.expiration, 'local')}\n`);
    expect(text).toContain('manager = awsume\n');
  });
});
