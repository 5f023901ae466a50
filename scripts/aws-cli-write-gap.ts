// How long the real `aws configure set` keeps what it read before writing it back: from opening the file to read it
// to opening it again to write (O_TRUNC). A writer that read our old file writes over our renamed one within that
// gap, and updateAwsFile's settle after the rename (DEFAULT_SETTLE_MS) is what must outlast it. Measured with strace
// (which slows each traced call, so the gaps come out longer than untraced), idle and with both cores
// oversubscribed by busy loops. Run with: npx tsx scripts/aws-cli-write-gap.ts [runs] [busyLoops]
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_SETTLE_MS } from '../electron/core/aws-files/update-aws-file';
import { AWS_CLI } from '../testing/aws-files/aws-cli-race';
import { STRACE } from '../testing/aws-files/in-place/harness';

const run = promisify(execFile);
const runs = Number(process.argv[2] ?? 30);
const busyLoops = Number(process.argv[3] ?? availableParallelism() * 2);

/** Milliseconds from the last read-open of `file` to its write-open, from `strace -ttt` output. */
function gapOf(trace: string, file: string): number {
  let readAt: number | undefined;
  for (const line of trace.split('\n')) {
    const [, stamp, call] = /^\d+\s+(\d+\.\d+)\s+(.*)$/.exec(line) ?? [];
    if (stamp === undefined || call === undefined || !call.startsWith(`openat(AT_FDCWD, "${file}"`)) continue;
    if (call.includes('O_TRUNC')) {
      if (readAt === undefined) break;
      return (Number(stamp) - readAt) * 1000;
    }
    readAt = Number(stamp);
  }
  throw new Error(`no read followed by a write of ${file} in the trace`);
}

async function measure(folder: string, label: string): Promise<number[]> {
  const config = join(folder, 'config');
  const traceFile = join(folder, 'trace');
  await writeFile(config, '[profile gap]\nregion = eu-west-1\n', { mode: 0o600 });
  const env = { ...process.env, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(folder, 'credentials') };
  const gaps: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const args = ['-f', '-ttt', '-o', traceFile, '-e', 'trace=openat', '-P', config, AWS_CLI];
    await run(STRACE, [...args, 'configure', 'set', `key_${index}`, `value_${index}`, '--profile', 'gap'], { env });
    gaps.push(gapOf(await readFile(traceFile, 'utf8'), config));
  }
  gaps.sort((a, b) => a - b);
  const at = (share: number) => gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * share))]!.toFixed(2);
  console.log(`${label}: median ${at(0.5)} ms, 90th ${at(0.9)} ms, largest ${at(1)} ms (${runs} runs)`);
  return gaps;
}

const folder = await mkdtemp(join(tmpdir(), 'aws-cli-gap-'));
try {
  const idle = await measure(folder, 'idle machine');
  const loops = Array.from({ length: busyLoops }, () => spawn(process.execPath, ['-e', 'for (;;);']));
  let busy: number[];
  try {
    busy = await measure(folder, `${busyLoops} busy loops on ${availableParallelism()} cores`);
  } finally {
    for (const loop of loops) loop.kill();
  }
  const largest = Math.max(...idle, ...busy);
  console.log(
    `settle after our rename: ${DEFAULT_SETTLE_MS} ms, ${(DEFAULT_SETTLE_MS / largest).toFixed(1)}× the largest gap`,
  );
  if (largest >= DEFAULT_SETTLE_MS) process.exitCode = 1;
} finally {
  await rm(folder, { recursive: true, force: true });
}
