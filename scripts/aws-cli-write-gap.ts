// How long the real `aws configure set` keeps what it read before writing it back: from opening the file to read it
// to opening it again to write (O_TRUNC). A writer that read our old file writes over our renamed one within that
// gap, and the settle after our rename (settle-time.ts, which grows with the processors' load) is what must outlast it.
// Measured with strace (which slows each traced call, so the gaps come out longer than untraced), idle and with the
// processors oversubscribed by busy loops; each gap is set against the settle a write would have waited at that
// moment. Run with: npx tsx scripts/aws-cli-write-gap.ts [runs] [busyLoops]
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { settleTimeMs } from '../electron/core/aws-files/settle-time';
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

interface Sample {
  gapMs: number;
  settleMs: number;
}

async function measure(folder: string, label: string): Promise<Sample[]> {
  const config = join(folder, 'config');
  const traceFile = join(folder, 'trace');
  await writeFile(config, '[profile gap]\nregion = eu-west-1\n', { mode: 0o600 });
  const env = { ...process.env, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(folder, 'credentials') };
  const samples: Sample[] = [];
  for (let index = 0; index < runs; index += 1) {
    const args = ['-f', '-ttt', '-o', traceFile, '-e', 'trace=openat', '-P', config, AWS_CLI];
    const aws = run(STRACE, [...args, 'configure', 'set', `key_${index}`, `value_${index}`, '--profile', 'gap'], {
      env,
    });
    // While the AWS CLI starts: the load a write of ours would see beside it.
    const settleMs = settleTimeMs();
    await aws;
    samples.push({ gapMs: gapOf(await readFile(traceFile, 'utf8'), config), settleMs });
  }
  const gaps = samples.map((sample) => sample.gapMs).sort((a, b) => a - b);
  const settles = samples.map((sample) => sample.settleMs);
  const at = (share: number) => gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * share))]!.toFixed(2);
  const outlasted = samples.filter((sample) => sample.gapMs >= sample.settleMs).length;
  console.log(
    `${label}: gap median ${at(0.5)} ms, 90th ${at(0.9)} ms, largest ${at(1)} ms; settle ${Math.min(...settles)}–${Math.max(...settles)} ms; ` +
      `${outlasted} of ${runs} gaps outlasted the settle`,
  );
  return samples;
}

const folder = await mkdtemp(join(tmpdir(), 'aws-cli-gap-'));
try {
  const idle = await measure(folder, 'idle machine');
  const loops = Array.from({ length: busyLoops }, () => spawn(process.execPath, ['-e', 'for (;;);']));
  let busy: Sample[];
  try {
    busy = await measure(folder, `${busyLoops} busy loops on ${availableParallelism()} processors`);
  } finally {
    for (const loop of loops) loop.kill();
  }
  if ([...idle, ...busy].some((sample) => sample.gapMs >= sample.settleMs)) process.exitCode = 1;
} finally {
  await rm(folder, { recursive: true, force: true });
}
