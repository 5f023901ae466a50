import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAll } from '../../../testing/aws-files/in-place/harness';
import { buildPairWriter, crashAt, killPoints, STRACE } from '../../../testing/aws-files/pair-crash/harness';
import { canMakeFolderReadOnly } from '../../../testing/aws-files/read-only-folder';

// scripts/pair-crash.ts repeats this pass until 400 kills.
let folder: string;
let bundle: string;
beforeAll(async () => {
  folder = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'pair-crash-'));
  bundle = await buildPairWriter(folder);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.skipIf(!existsSync(STRACE))(
  'writeProfileSettings killed (SIGKILL) at every step of its two-file write',
  () => {
    const cases = [
      { firstWrite: true, readOnly: false },
      { firstWrite: false, readOnly: false },
      // A folder MFA Tray may not write: both files written in place, journals and copies in the state folder.
      ...(canMakeFolderReadOnly() ? [{ firstWrite: true, readOnly: true }] : []),
    ];
    for (const { firstWrite, readOnly } of cases) {
      const name = `${readOnly ? 'read-only folder, written in place, ' : ''}${firstWrite ? 'first renewal (takes the backups)' : 'later renewal'}`;
      it(`${name}: the next reader always finds keys and expiration of one version, and the next write leaves no junk`, async () => {
        const tag = `${String(firstWrite)}-${String(readOnly)}`;
        const all = await killPoints(bundle, join(folder, `count-${tag}`), firstWrite, readOnly);
        // In place: every write and truncate of the files, half of the other steps (scripts/pair-crash.ts runs all).
        const points = readOnly
          ? all.filter((point, index) => ['pwrite64', 'ftruncate'].includes(point.syscall) || index % 2 === 0)
          : all;
        const landing = readOnly ? 'pwrite64' : 'rename';
        expect(points.filter((point) => point.syscall.startsWith(landing)).length).toBeGreaterThanOrEqual(2); // both files
        const results = await runAll(
          points.map(
            (point, index) => () => crashAt(bundle, join(folder, `${tag}-${index}`), point, firstWrite, readOnly),
          ),
          3,
        );
        expect(results.filter((result) => result.killed).length).toBe(points.length);
        expect(
          results.flatMap((result) =>
            result.problems.map((problem) => `${result.point.syscall} #${result.point.nth}: ${problem}`),
          ),
        ).toEqual([]);
        // The case of the issue was met: killed after the credentials rename, before the config rename.
        expect(results.some((result) => result.leftBehind.keys === 2 && result.leftBehind.expiration === 1)).toBe(true);
        // In place, a kill before the truncate left the credentials file torn, and the next reader put it back.
        if (readOnly) expect(results.some((result) => result.torn)).toBe(true);
      });
    }
  },
);
