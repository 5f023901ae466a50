// The full crash-safety run (the unit test runs a shorter one): 1,000 SIGKILLs during writes.
// Run with: npx tsx scripts/crash-safety.ts [kills]
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCrashTest } from '../testing/aws-files/crash/harness';

const wantedKills = Number(process.argv[2] ?? 1_000);
const folder = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'aws-files-crash-'));
const started = Date.now();
try {
  // One write per life on average: about as many kills as writes, most of them in the middle of a write.
  const result = await runCrashTest({ folder, writes: wantedKills, meanWritesPerLife: 1 });
  console.log(
    `${result.writes} writes, ${result.kills} SIGKILLs (${result.killsAfterRename} right after the rename landed), ` +
      `file always complete: old or new version; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}
