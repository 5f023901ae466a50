// kill -9 at every step of a renewal's two-file write, repeated until at least [kills] kills (default 400); the
// integration test runs one pass. Also runs the in-place writes of a read-only AWS folder (first and later
// renewal). Run with: npx tsx scripts/pair-crash.ts [kills]
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAll } from '../testing/aws-files/in-place/harness';
import { buildPairWriter, crashAt, killPoints, type PairCrashResult } from '../testing/aws-files/pair-crash/harness';
import { canMakeFolderReadOnly } from '../testing/aws-files/read-only-folder';

const wanted = Number(process.argv[2] ?? 400);
const folder = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'pair-crash-'));
const started = Date.now();
try {
  const bundle = await buildPairWriter(folder);
  const kinds = [
    { kind: 'first', firstWrite: true, readOnly: false },
    { kind: 'later', firstWrite: false, readOnly: false },
    ...(canMakeFolderReadOnly()
      ? [
          { kind: 'first-in-place', firstWrite: true, readOnly: true },
          { kind: 'later-in-place', firstWrite: false, readOnly: true },
        ]
      : []),
  ];
  const points = Object.fromEntries(
    await Promise.all(
      kinds.map(
        async ({ kind, firstWrite, readOnly }) =>
          [kind, await killPoints(bundle, join(folder, `count-${kind}`), firstWrite, readOnly)] as const,
      ),
    ),
  );
  const results: PairCrashResult[] = [];
  for (let pass = 0; results.filter((result) => result.killed).length < wanted; pass += 1) {
    const jobs = kinds.flatMap(({ kind, firstWrite, readOnly }) =>
      (points[kind] ?? []).map(
        (point, index) => () => crashAt(bundle, join(folder, `p${pass}-${kind}-${index}`), point, firstWrite, readOnly),
      ),
    );
    results.push(...(await runAll(jobs, 3)));
  }
  const killed = results.filter((result) => result.killed);
  const states = new Map<string, number>();
  for (const result of killed) {
    const state = `keys v${String(result.leftBehind.keys)} / expiration v${String(result.leftBehind.expiration)}${result.torn ? ' (torn)' : ''}`;
    states.set(state, (states.get(state) ?? 0) + 1);
  }
  const failed = results.filter((result) => result.problems.length > 0);
  console.log(
    `${results.length} runs, ${killed.length} killed at one of ${kinds.map(({ kind }) => `${points[kind]?.length ?? 0} (${kind})`).join(' + ')} steps; ${failed.length} inconsistent; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `  left behind by the kill (before the next reader): ${[...states].map(([state, count]) => `${state}: ${count}`).join('; ')}`,
  );
  for (const result of failed.slice(0, 20))
    console.log(`  ${result.point.syscall} #${result.point.nth}: ${result.problems.join('; ')}`);
  if (failed.length > 0) process.exitCode = 1;
} finally {
  await rm(folder, { recursive: true, force: true });
}
