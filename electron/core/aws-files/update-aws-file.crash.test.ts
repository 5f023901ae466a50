import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCrashTest } from './crash-test-harness';
import { crashTestVersion, crashTestVersionOf } from './crash-test-versions';
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
  // Sized for the unit suite (each restart costs ~0.2 s); crash-safety.script.ts runs 1,000 writes and kills.
  it('leaves the old or the new version after every kill during 150 writes, never an empty or partial file', async () => {
    const result = await runCrashTest({ folder, writes: 150, meanWritesPerLife: 15 });
    expect(result.writes).toBeGreaterThanOrEqual(150);
    expect(result.kills).toBeGreaterThan(3);

    // The next writer tidies what killed ones left (temp files, lock) and the one backup is version 1.
    await updateAwsFile(result.target, (text) => crashTestVersion(crashTestVersionOf(text) + 1), { settleMs: 0 });
    expect((await readdir(dirname(result.target))).sort()).toEqual(['credentials', 'credentials.mfa-tray-backup']);
    expect(await readFile(`${result.target}.mfa-tray-backup`, 'utf8')).toBe(crashTestVersion(1));
  });
});
