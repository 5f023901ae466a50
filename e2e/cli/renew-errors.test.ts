// Every error outcome of `mfa-tray renew`, produced by the STS emulator (or our own checks before calling it):
// the message the user reads, the exit code, and that neither AWS file changed.
import { describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../tools/sts-emulator';
import { scenario, scenarioCode } from '../../testing/scenario/scenario';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { runCli } from '../../testing/cli/run-cli';
import { createScenarioLab, SOURCE, TARGET, type LabOptions } from '../../testing/scenario/scenario-lab';

const emulator = useScenarioEmulator('test');

const USER_ERROR = 2;
const AWS_ERROR = 3;

interface ErrorCase {
  name: string;
  lab?: LabOptions;
  fault?: FaultSpec;
  setup?: () => void;
  args?: (code: string) => string[];
  exit: number;
  message: RegExp;
  /** GetSessionToken requests the emulator received. */
  calls: number;
}

const wrongCode = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

const cases: ErrorCase[] = [
  {
    name: 'wrong code',
    args: (c) => ['--code', wrongCode(c)],
    exit: USER_ERROR,
    message: /AWS rejected the MFA code for arn:aws:iam::111111111111:mfa\/MyRepositoryUser/,
    calls: 1,
  },
  {
    name: 'wrong device serial',
    lab: { mfaSerial: 'arn:aws:iam::111111111111:mfa/SomeoneElse' },
    exit: USER_ERROR,
    message: /does not know the MFA device arn:aws:iam::111111111111:mfa\/SomeoneElse.*Check mfa_serial/,
    calls: 1,
  },
  {
    name: 'inactive access key',
    lab: { accessKeyId: scenario.inactiveKey.id, secretAccessKey: scenario.inactiveKey.secret },
    exit: USER_ERROR,
    message: new RegExp(`does not recognise access key ${scenario.inactiveKey.id}`),
    calls: 1,
  },
  {
    name: 'unknown access key',
    lab: { accessKeyId: 'AKIAUNKNOWN000000000' },
    exit: USER_ERROR,
    message: /does not recognise access key AKIAUNKNOWN000000000/,
    calls: 1,
  },
  {
    name: 'wrong secret',
    lab: { secretAccessKey: 'not-the-secret-of-this-key-000000000000' },
    exit: USER_ERROR,
    message: /secret access key does not belong to access key AKIAIOSFODNN7EXAMPLE/,
    calls: 1,
  },
  {
    name: 'session keys as source',
    lab: { sessionToken: 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN' },
    exit: USER_ERROR,
    message: /holds temporary session keys; GetSessionToken needs the IAM user's long-term keys/,
    calls: 0,
  },
  {
    name: 'duration out of range (option)',
    args: (c) => ['--code', c, '--duration', '600'],
    exit: USER_ERROR,
    message: /duration 600 s is outside 900–129600 s/,
    calls: 0,
  },
  {
    name: 'duration out of range (profile)',
    lab: { durationSeconds: '200000' },
    exit: USER_ERROR,
    message: /duration 200000 s is outside 900–129600 s/,
    calls: 0,
  },
  {
    name: 'clock skew',
    setup: () => emulator().setClockOffset(20 * 60_000),
    exit: USER_ERROR,
    message: /clocks disagree\. This computer's clock is 20 min behind AWS/,
    calls: 1,
  },
  {
    name: 'throttling',
    fault: { action: 'GetSessionToken', kind: 'throttle', times: 3 },
    exit: AWS_ERROR,
    message: /throttling requests/,
    calls: 3,
  },
  {
    name: 'timeout',
    fault: { action: 'GetSessionToken', kind: 'delay', ms: 4000 },
    args: (c) => ['--code', c, '--timeout', '1'],
    exit: AWS_ERROR,
    message: /did not answer in time\. The code may have been used/,
    calls: 1,
  },
  {
    name: '5xx',
    fault: { action: 'GetSessionToken', kind: '5xx' },
    exit: AWS_ERROR,
    message: /internal error \(HTTP 5\d\d\)\. If it repeats, wait for the next code/,
    calls: 1,
  },
  {
    name: 'malformed XML',
    fault: { action: 'GetSessionToken', kind: 'malformed-xml' },
    exit: AWS_ERROR,
    message: /could not be read/,
    calls: 1,
  },
  {
    name: 'dropped connection',
    fault: { action: 'GetSessionToken', kind: 'drop-connection' },
    exit: AWS_ERROR,
    message: /connection to AWS STS dropped/,
    calls: 1,
  },
];

describe('mfa-tray renew error outcomes', { timeout: 60_000 }, () => {
  for (const c of cases) {
    it(`${c.name}: says what happened, exits ${c.exit}, changes no file`, async () => {
      const lab = await createScenarioLab(emulator().url, c.lab);
      const before = await lab.snapshot();
      if (c.fault) emulator().injectFault(c.fault);
      c.setup?.();
      const code = scenarioCode(Date.now());
      const result = await runCli(
        ['renew', TARGET, '--source', SOURCE, ...(c.args ?? ((x: string) => ['--code', x]))(code)],
        lab.env,
      );
      expect(result.stderr).toMatch(c.message);
      expect(result.stdout).toBe('');
      expect(result.code).toBe(c.exit);
      expect(emulator().callCount('GetSessionToken')).toBe(c.calls);
      expect(await lab.snapshot()).toEqual(before);
    });
  }

  it('reused code: refused before calling AWS, with the seconds to wait', async () => {
    const lab = await createScenarioLab(emulator().url);
    const code = scenarioCode(Date.now());
    expect((await runCli(['renew', TARGET, '--code', code], lab.env)).code).toBe(0);
    const before = await lab.snapshot();
    const again = await runCli(['renew', TARGET, '--code', code, '--force'], lab.env);
    expect(again.stderr).toMatch(/already sent .* AWS accepts each code once\. Wait \d+ s for the next code\./);
    expect(again.code).toBe(USER_ERROR);
    expect(emulator().callCount('GetSessionToken')).toBe(1);
    expect(await lab.snapshot()).toEqual(before);
  });

  it('network down: a closed port is reported as unreachable', async () => {
    const lab = await createScenarioLab('http://127.0.0.1:9');
    const before = await lab.snapshot();
    const result = await runCli(['renew', TARGET, '--code', scenarioCode(Date.now())], lab.env);
    expect(result.stderr).toMatch(/Cannot reach AWS STS \(ECONNREFUSED\)/);
    expect(result.code).toBe(AWS_ERROR);
    expect(await lab.snapshot()).toEqual(before);
  });

  it('bad arguments are user errors', async () => {
    const lab = await createScenarioLab(emulator().url);
    const result = await runCli(['renew', TARGET, '--duration', 'a day'], lab.env);
    expect(result.stderr).toMatch(/--duration must be a whole number of seconds/);
    expect(result.code).toBe(USER_ERROR);
  });
});
