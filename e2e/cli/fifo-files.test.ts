// A FIFO where an AWS file should be: before the fix `status` and `renew` blocked forever in open().
import { execFileSync } from 'node:child_process';
import { lstat, rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { scenarioCode } from '../../testing/scenario/scenario';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { runCli } from '../../testing/cli/run-cli';
import { createScenarioLab, SOURCE, TARGET } from '../../testing/scenario/scenario-lab';

const emulator = useScenarioEmulator('test');

describe.skipIf(process.platform === 'win32')('mfa-tray with a FIFO as an AWS file', () => {
  for (const file of ['config', 'credentials'] as const) {
    it(
      `status and renew answer at once with a FIFO ${file} file, send no code and leave the FIFO alone`,
      { timeout: 20_000 },
      async () => {
        const lab = await createScenarioLab(emulator().url);
        const path = file === 'config' ? lab.configPath : lab.credentialsPath;
        await rm(path);
        execFileSync('mkfifo', [path]);
        const status = await runCli(['status'], lab.env);
        expect(status.stdout + status.stderr).toMatch(/is a named pipe \(FIFO\), not a file/);
        const renew = await runCli(['renew', TARGET, '--source', SOURCE, '--code', scenarioCode(Date.now())], lab.env);
        expect(renew.stderr).toMatch(/is a named pipe \(FIFO\), not a file/);
        expect(renew.code).toBe(2);
        expect(emulator().callCount('GetSessionToken')).toBe(0);
        expect((await lstat(path)).isFIFO()).toBe(true);
      },
    );
  }
});
