// renew() in-process against the STS emulator with the scenario's files in a temp folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startEmulator, type StsEmulator } from '../../../tools/sts-emulator';
import { SCENARIO_SEED_FILE, scenarioCode } from '../../../testing/scenario/scenario';
import {
  createScenarioLab,
  ROLE_PROFILE,
  SOURCE,
  TARGET,
  type LabOptions,
  type ScenarioLab,
} from '../../../testing/scenario/scenario-lab';
import { countingCodes, labRenewDeps } from '../../../testing/scenario/lab-renewal';
import { renew } from './renew';

// A fresh emulator per test: it remembers used codes, like AWS, and every test uses the current window.
let emulator: StsEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: SCENARIO_SEED_FILE });
});
afterEach(() => emulator.close());

async function lab(options: LabOptions = {}): Promise<ScenarioLab> {
  return createScenarioLab(emulator.url, options);
}

describe('renew', () => {
  it('renews an expired session and changes only the four keys', async () => {
    const l = await lab();
    const before = await l.snapshot();
    const outcome = await renew({ target: TARGET, codeSource: countingCodes() }, labRenewDeps(l));
    expect(outcome).toMatchObject({ kind: 'renewed', sharedWithConcurrentRenewal: false });
    const after = await l.snapshot();
    const stamp = outcome.kind === 'renewed' ? outcome.expiration.toISOString().replace('.000Z', 'Z') : '';
    expect(after.config).toBe(before.config.replace('expiration = 2020-01-01T00:00:00Z', `expiration = ${stamp}`));
    const changed = after.credentials.split('\n').filter((line, i) => line !== before.credentials.split('\n')[i]);
    expect(changed.map((line) => line.split(' = ')[0])).toEqual([
      'aws_access_key_id',
      'aws_secret_access_key',
      'aws_session_token',
    ]);
    // 24 h, from the source's get_session_token_duration_seconds.
    if (outcome.kind === 'renewed') expect(outcome.expiration.getTime() - Date.now()).toBeGreaterThan(86_000_000);
  });

  it('does nothing while the session is valid, unless forced', async () => {
    const l = await lab({ expiration: new Date(Date.now() + 3_600_000).toISOString() });
    const source = countingCodes();
    const outcome = await renew({ target: TARGET, codeSource: source }, labRenewDeps(l));
    expect(outcome).toMatchObject({
      kind: 'still-valid',
      message: expect.stringMatching(/still valid until .* \(in (1 h|59 min)\)/),
    });
    expect(source.asked).toBe(0);
    expect(emulator.callCount('GetSessionToken')).toBe(0);
    expect(await renew({ target: TARGET, codeSource: source, force: true }, labRenewDeps(l))).toMatchObject({
      kind: 'renewed',
    });
  });

  it('a forced renewal that saw the session expired shares a renewal made after it looked, asking for no code', async () => {
    const l = await lab();
    const seen = { expiration: new Date('2020-01-01T00:00:00Z') };
    // Another process renews between the helper's own check and its call to renew (which reads the files again).
    expect(await renew({ target: TARGET, codeSource: countingCodes() }, labRenewDeps(l))).toMatchObject({
      kind: 'renewed',
    });
    const late = countingCodes();
    expect(await renew({ target: TARGET, codeSource: late, force: true, seen }, labRenewDeps(l))).toMatchObject({
      kind: 'renewed',
      sharedWithConcurrentRenewal: true,
    });
    expect(late.asked).toBe(0);
    // Without what it saw, a forced renewal renews again: `renew --force` on a valid session.
    const forced = countingCodes(() => scenarioCode(Date.now() + 30_000));
    expect(
      await renew(
        { target: TARGET, codeSource: forced, force: true },
        { ...labRenewDeps(l), clock: { now: () => Date.now() + 30_000 } },
      ),
    ).toMatchObject({ kind: 'renewed', sharedWithConcurrentRenewal: false });
    expect(forced.asked).toBe(1);
    expect(emulator.callCount('GetSessionToken')).toBe(2);
  });

  it('shares one GetSessionToken among 20 simultaneous in-process renewals', async () => {
    const l = await lab();
    const source = countingCodes();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => renew({ target: TARGET, codeSource: source }, labRenewDeps(l))),
    );
    expect(outcomes.every((o) => o.kind === 'renewed')).toBe(true);
    expect(source.asked).toBe(1);
    expect(emulator.callCount('GetSessionToken')).toBe(1);
  });

  it('never sends a code from a window already used, and says how long to wait', async () => {
    const l = await lab();
    const code = scenarioCode(Date.now());
    expect(await renew({ target: TARGET, codeSource: countingCodes(() => code) }, labRenewDeps(l))).toMatchObject({
      kind: 'renewed',
    });
    const before = await l.snapshot();
    const again = countingCodes(() => code);
    const outcome = await renew({ target: TARGET, codeSource: again, force: true }, labRenewDeps(l));
    expect(outcome).toMatchObject({
      kind: 'code-already-used',
      message: expect.stringMatching(/Wait \d+ s for the next code/),
    });
    expect(again.asked).toBe(0); // refused before asking: the window is spent
    expect(emulator.callCount('GetSessionToken')).toBe(1);
    expect(await l.snapshot()).toEqual(before);
  });

  it('renews without --force a session with 38 s left: within the 2-minute margin it is due, as the helpers see it', async () => {
    const l = await lab({ expiration: new Date(Date.now() + 38_000).toISOString().replace(/\.\d+Z$/, 'Z') });
    expect(await renew({ target: TARGET, codeSource: countingCodes() }, labRenewDeps(l))).toMatchObject({
      kind: 'renewed',
    });
  });

  it('calls a typo right after a renewal a wrong code, not "already used" (only the very code sent is used)', async () => {
    const l = await lab();
    const right = scenarioCode(Date.now());
    expect(await renew({ target: TARGET, codeSource: countingCodes(() => right) }, labRenewDeps(l))).toMatchObject({
      kind: 'renewed',
    });
    // The next 30-second window, with a mistyped code: AWS answers as it does for a used one.
    const typo = right === '000000' ? '111111' : '000000';
    const nextWindow = { now: () => Date.now() + 30_000 };
    const outcome = await renew(
      { target: TARGET, codeSource: countingCodes(() => typo), force: true },
      { ...labRenewDeps(l), clock: nextWindow },
    );
    expect(outcome).toMatchObject({ kind: 'wrong-code', message: expect.not.stringMatching(/already|used/i) });
  });

  it('frees the window after AWS rejects a mistyped code, so the right code still works', async () => {
    const l = await lab();
    const right = scenarioCode(Date.now());
    const wrong = right === '000000' ? '111111' : '000000';
    const before = await l.snapshot();
    expect(await renew({ target: TARGET, codeSource: countingCodes(() => wrong) }, labRenewDeps(l))).toMatchObject({
      kind: 'wrong-code',
    });
    expect(await l.snapshot()).toEqual(before);
    expect(await renew({ target: TARGET, codeSource: countingCodes(() => right) }, labRenewDeps(l))).toMatchObject({
      kind: 'renewed',
    });
  });

  it('checks the duration and the source before asking for a code', async () => {
    for (const [options, kind] of [
      [{ durationSeconds: '200000' }, 'duration-out-of-range'],
      [{ durationSeconds: 'a day' }, 'configuration'],
      [{ sessionToken: 'session-token-of-the-source' }, 'session-keys-as-source'],
    ] as const) {
      const l = await lab(options);
      const source = countingCodes();
      expect(await renew({ target: TARGET, source: SOURCE, codeSource: source }, labRenewDeps(l))).toMatchObject({
        kind,
      });
      expect(source.asked).toBe(0);
    }
    expect(emulator.callCount('GetSessionToken')).toBe(0);
  });

  it('refuses to write session keys over a long-term profile', async () => {
    const l = await lab();
    const outcome = await renew({ target: 'unrelated', source: SOURCE, codeSource: countingCodes() }, labRenewDeps(l));
    expect(outcome).toMatchObject({ kind: 'configuration', message: expect.stringMatching(/long-term profile/) });
  });

  it('refuses before asking for a code while a file has a problem, without quoting secrets', async () => {
    const l = await lab();
    const pasted = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    await appendFile(l.credentialsPath, `${pasted}\n`); // a secret pasted on a line of its own: botocore rejects the file
    const before = await l.snapshot();
    const source = countingCodes();
    const outcome = await renew({ target: TARGET, source: SOURCE, codeSource: source }, labRenewDeps(l));
    expect(outcome).toMatchObject({
      kind: 'file-problem',
      message: expect.stringMatching(/credentials while the AWS CLI cannot read it \(line \d+/),
    });
    expect(outcome.message).not.toContain(pasted);
    expect(source.asked).toBe(0);
    expect(await l.snapshot()).toEqual(before);
  });

  it('says which state folder it cannot use, before asking for a code or calling STS', async () => {
    const l = await lab();
    const notAFolder = join(l.dir, 'state-is-a-file');
    await writeFile(notAFolder, '');
    const source = countingCodes();
    const outcome = await renew({ target: TARGET, codeSource: source }, { ...labRenewDeps(l), stateDir: notAFolder });
    expect(outcome).toMatchObject({
      kind: 'file-problem',
      category: 'user',
      message: expect.stringContaining(`state folder ${notAFolder} (ENOTDIR`),
    });
    expect(source.asked).toBe(0);
    expect(emulator.callCount('GetSessionToken')).toBe(0);
  });

  it("reaches STS through the source profile's endpoint_url when no environment variable names one", async () => {
    const l = await lab();
    const config = await readFile(l.configPath, 'utf8');
    await writeFile(
      l.configPath,
      config.replace(
        'get_session_token_duration_seconds',
        `endpoint_url = ${emulator.url}\nget_session_token_duration_seconds`,
      ),
    );
    const env = { ...l.env, AWS_ENDPOINT_URL_STS: undefined };
    const outcome = await renew({ target: TARGET, codeSource: countingCodes() }, { ...labRenewDeps(l), env });
    expect(outcome).toMatchObject({ kind: 'renewed' });
    expect(emulator.callCount('GetSessionToken')).toBe(1);
  });

  it('points at the MFA session when given its source or a role that uses it', async () => {
    const l = await lab();
    expect(await renew({ target: SOURCE, codeSource: countingCodes() }, labRenewDeps(l))).toMatchObject({
      kind: 'configuration',
      message: `Profile "${SOURCE}" holds the long-term keys that renew "${TARGET}": renew "${TARGET}" instead.`,
    });
    expect(await renew({ target: ROLE_PROFILE, codeSource: countingCodes() }, labRenewDeps(l))).toMatchObject({
      kind: 'configuration',
      message: `Profile "${ROLE_PROFILE}" is a role profile that uses the MFA session "${TARGET}": renew "${TARGET}" instead.`,
    });
  });

  it('names the missing source when the target is unknown', async () => {
    const l = await lab();
    expect(await renew({ target: 'Nobody', codeSource: countingCodes() }, labRenewDeps(l))).toMatchObject({
      kind: 'configuration',
      message: expect.stringMatching(/--source/),
    });
  });
});
