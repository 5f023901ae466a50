import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCrashTest } from '../../../testing/aws-files/crash/harness';
import { crashTestVersion, crashTestVersionOf } from '../../../testing/aws-files/crash/versions';
import { updateAwsFile } from './update-aws-file';

let folder: string;
beforeEach(async () => {
  // tmpfs when there is one: fsync costs nothing there, and SIGKILL (unlike power loss) does not care.
  folder = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'aws-files-crash-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('updateAwsFile under SIGKILL', () => {
  // scripts/crash-safety.ts kills far more often (a kill every ~1.2 writes) for a longer soak.
  it('leaves the old or the new version after every kill during 1,000 writes, never an empty or partial file', async () => {
    const result = await runCrashTest({ folder, writes: 1000, meanWritesPerLife: 10 });
    expect(result.writes).toBeGreaterThanOrEqual(1000);
    expect(result.kills).toBeGreaterThan(50);

    // The next writer tidies what killed ones left (temp files, lock) and the one backup is version 1.
    await updateAwsFile(result.target, (text) => crashTestVersion(crashTestVersionOf(text) + 1), { settleMs: 0 });
    expect((await readdir(dirname(result.target))).sort()).toEqual(['credentials', 'credentials.mfa-tray-backup']);
    expect(await readFile(`${result.target}.mfa-tray-backup`, 'utf8')).toBe(crashTestVersion(1));
  });
});
