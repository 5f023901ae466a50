// What the /proc scan for in-place writers costs: one updateAwsFile with the scan (two scans once the backup exists:
// before the snapshot, and after the rename for the replaced inode and ours) side by side with the same write told
// nobody writes the file, and one scan alone, with the number of processes and descriptors it walked on this machine.
import { readdirSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findOpenWriters } from '../electron/core/aws-files/open-writers';
import { updateAwsFile } from '../electron/core/aws-files/update-aws-file';

const ROUNDS = 40;

async function medianMs(work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(ROUNDS / 2)] as number;
}

function descriptorsVisible(): { processes: number; descriptors: number } {
  let processes = 0;
  let descriptors = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      descriptors += readdirSync(`/proc/${name}/fd`).length;
      processes += 1;
    } catch {
      // not ours to look at
    }
  }
  return { processes, descriptors };
}

export async function run(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'writers-bench-'));
  try {
    const path = join(folder, 'config');
    writeFileSync(path, '[default]\nregion = eu-west-1\n'.repeat(1));
    const stats = statSync(path);
    const file = { dev: stats.dev, ino: stats.ino, realPath: path };
    if (findOpenWriters([file]) === undefined) {
      console.log('no /proc here: the scan is skipped (the mtime heuristics cost one stat per check)');
      return;
    }
    let n = 0;
    const edit = () => (text: string) => text.replace(/region = .*/, `region = r${(n += 1)}`);
    const scan = await medianMs(() => findOpenWriters([file]));
    const withScan = await medianMs(() => updateAwsFile(path, edit(), { settleMs: 0 }));
    const without = await medianMs(() => updateAwsFile(path, edit(), { settleMs: 0, findWriters: () => [] }));
    const { processes, descriptors } = descriptorsVisible();
    console.log(`one scan of ${processes} processes / ${descriptors} descriptors: ${scan.toFixed(2)} ms`);
    console.log(
      `updateAwsFile with the scan ${withScan.toFixed(2)} ms vs without ${without.toFixed(2)} ms: ratio ${(withScan / without).toFixed(2)} (settle wait 0; renewals add 50 ms of settle anyway)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
