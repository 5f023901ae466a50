// How long a write waits after its rename for an in-place writer that read the file before it (`aws configure set`
// reads, edits and opens the path again to write): its write lands in our file within that gap, and the settle must
// outlast it. The gap stretches when the processors are oversubscribed, so the wait does too.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import * as timers from 'node:timers/promises';

/**
 * On a machine with a processor to spare: `aws configure set` writes back what it read about 1 ms later, 10 ms at
 * most (strace timestamps, scripts/aws-cli-write-gap.ts).
 */
export const BASE_SETTLE_MS = 20;
/** Runnable processes per processor beyond which the wait stops growing (100 ms); gaps up to 57 ms were seen at 5×. */
const MAX_LOAD_FACTOR = 5;

/**
 * BASE_SETTLE_MS times how many runnable processes (ours included) share each processor right now, from /proc/loadavg
 * (else the one-minute load average): a writer given a fifth of a processor takes five times as long to write back.
 */
export function settleTimeMs(runnable = runnableNow(), processors = availableParallelism()): number {
  const factor = Math.min(MAX_LOAD_FACTOR, Math.max(1, runnable / Math.max(1, processors)));
  return Math.round(BASE_SETTLE_MS * factor);
}

/** The wait after a rename for late outside writers; none for 0. */
export function settleWait(settleMs: number): Promise<void> {
  return settleMs > 0 ? timers.setTimeout(settleMs) : Promise.resolve();
}

/** "0.52 0.58 0.59 3/467 12345": the fourth field counts the processes running or ready to run at this moment. */
function runnableNow(): number {
  try {
    const running = Number(readFileSync('/proc/loadavg', 'latin1').split(' ')[3]?.split('/')[0]);
    if (Number.isFinite(running)) return running;
  } catch {
    // no /proc (macOS, Windows): the average below
  }
  return loadavg()[0] ?? 0;
}
