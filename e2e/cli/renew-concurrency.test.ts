// Twenty `mfa-tray renew` processes at once for one MFA device: one GetSessionToken, every process succeeds.
import { describe, expect, it } from 'vitest';
import { scenarioCode } from '../../testing/scenario/scenario';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { runCli } from '../../testing/cli/run-cli';
import { createScenarioLab, TARGET } from '../../testing/scenario/scenario-lab';

const emulator = useScenarioEmulator('file');

describe('concurrent renewals of one device', () => {
  it(
    '20 simultaneous processes make exactly one GetSessionToken call and all succeed',
    { timeout: 120_000 },
    async () => {
      const lab = await createScenarioLab(emulator().url);
      const code = scenarioCode(Date.now());
      const results = await Promise.all(
        Array.from({ length: 20 }, () => runCli(['renew', TARGET, '--code', code], lab.env)),
      );
      expect(results.map((r) => r.stderr).filter(Boolean)).toEqual([]);
      expect(emulator().callCount('GetSessionToken')).toBe(1);
      // One renewed; the others waited for it and report its result (exit 0) or, on a busy machine, started only
      // after it had finished and found the session valid (exit 10, nothing done). Never a failure.
      const renewedHere = results.filter((r) => r.code === 0 && /^Renewed /.test(r.stdout));
      const shared = results.filter((r) => r.code === 0 && /concurrent renewal/.test(r.stdout));
      const foundValid = results.filter((r) => r.code === 10 && /still valid/.test(r.stdout));
      expect(renewedHere).toHaveLength(1);
      expect(shared.length + foundValid.length).toBe(19);
      const expirations = new Set(results.map((r) => /valid until (.+) \(in /.exec(r.stdout)?.[1]));
      expect(expirations.size).toBe(1);
    },
  );
});
