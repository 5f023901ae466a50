// The long lost-update race (the unit test runs 10 AWS CLI calls): our writes against real
// `aws configure set` calls on the same files. Run with: npx tsx scripts/aws-cli-race.ts [callsPerFile]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { raceAgainstAwsCli } from '../testing/aws-files/aws-cli-race';

const callsPerFile = Number(process.argv[2] ?? 50);
const folder = await mkdtemp(join(tmpdir(), 'aws-files-race-'));
const started = Date.now();
try {
  const result = await raceAgainstAwsCli(folder, callsPerFile);
  console.log(
    `${result.awsCalls} aws configure set calls, ${result.ourWrites} of our writes, ${result.lost.length} lost updates; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const line of result.lost) console.log(`  lost: ${line}`);
  if (result.lost.length > 0) process.exitCode = 1;
} finally {
  await rm(folder, { recursive: true, force: true });
}
