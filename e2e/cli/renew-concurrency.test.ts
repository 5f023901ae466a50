// Twenty `mfa-tray renew` processes at once for one MFA device: one GetSessionToken, every process succeeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startEmulator, type StsEmulator } from '../../tools/sts-emulator';
import { scenarioCode } from '../../tools/sts-emulator/test-support';
import { ensureCliBuilt } from './build-cli';
import { runCli } from './run-cli';
import { createScenarioLab, TARGET } from './scenario-lab';

let emulator: StsEmulator;
beforeAll(async () => {
  await ensureCliBuilt();
  emulator = await startEmulator({ seed: join(__dirname, '../../tools/sts-emulator/scenario-seed.json') });
}, 120_000);
afterAll(() => emulator.close());

describe('concurrent renewals of one device', () => {
  it('20 simultaneous processes make exactly one GetSessionToken call and all succeed', { timeout: 120_000 }, async () => {
    const lab = await createScenarioLab(emulator.url);
    const code = scenarioCode(Date.now());
    const results = await Promise.all(Array.from({ length: 20 }, () => runCli(['renew', TARGET, '--code', code], lab.env)));
    expect(results.map((r) => r.stderr).filter(Boolean)).toEqual([]);
    expect(results.map((r) => r.code)).toEqual(Array(20).fill(0));
    expect(emulator.callCount('GetSessionToken')).toBe(1);
    // One of them renewed; the others waited for it and report its result.
    expect(results.filter((r) => /concurrent renewal/.test(r.stdout))).toHaveLength(19);
    const expirations = new Set(results.map((r) => /valid until (\S+Z)/.exec(r.stdout)?.[1]));
    expect(expirations.size).toBe(1);
  });
});
