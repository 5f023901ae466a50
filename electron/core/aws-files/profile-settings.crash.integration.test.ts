import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAll } from '../../../testing/aws-files/in-place/harness';
import { buildPairWriter, crashAt, killPoints, STRACE } from '../../../testing/aws-files/pair-crash/harness';

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
    for (const firstWrite of [true, false]) {
      it(`${firstWrite ? 'first renewal (takes the backups)' : 'later renewal'}: the next reader always finds keys and expiration of one version, and the next write leaves no junk`, async () => {
        const points = await killPoints(bundle, join(folder, `count-${String(firstWrite)}`), firstWrite);
        expect(points.filter((point) => point.syscall.startsWith('rename')).length).toBeGreaterThanOrEqual(2); // both files
        const results = await runAll(
          points.map(
            (point, index) => () => crashAt(bundle, join(folder, `${String(firstWrite)}-${index}`), point, firstWrite),
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
      });
    }
  },
);
