// How long a write waits after its rename for an in-place writer that read the file before it (`aws configure set`
// reads, edits and opens the path again to write): its write lands in our file within that gap, and the settle must
// outlast it. The gap stretches when the processors are oversubscribed, so the wait does too.
import { readdirSync, readFileSync } from 'node:fs';
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
 * BASE_SETTLE_MS times how many runnable threads (this one included) share each processor right now, from
 * /proc/loadavg (else the one-minute load average): a writer given a fifth of a processor takes five times as long
 * to write back.
 */
export function settleTimeMs(runnable = runnableNow(), processors = availableParallelism()): number {
  const factor = Math.min(MAX_LOAD_FACTOR, Math.max(1, runnable / Math.max(1, processors)));
  return Math.round(BASE_SETTLE_MS * factor);
}

/** The wait after a rename for late outside writers; none for 0. */
export function settleWait(settleMs: number): Promise<void> {
  return settleMs > 0 ? timers.setTimeout(settleMs) : Promise.resolve();
}

/**
 * "0.52 0.58 0.59 3/467 12345": the fourth field counts the threads running or ready to run at this moment, less the
 * others of this process (the thread pool finishing our other file's write): they are not running while we wait.
 */
function runnableNow(): number {
  try {
    const running = Number(readFileSync('/proc/loadavg', 'latin1').split(' ')[3]?.split('/')[0]);
    if (Number.isFinite(running)) return Math.max(1, running - ourOtherRunningThreads());
  } catch {
    // no /proc (macOS, Windows): the average below
  }
  return loadavg()[0] ?? 0;
}

/** This process's threads other than the calling one that are running or ready to run (state R in their stat). */
export function ourOtherRunningThreads(): number {
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return 0; // not listable here: the machine's count stands as read, rather than being dropped for the average
  }
  let running = 0;
  for (const task of tasks) {
    try {
      // "12345 (node) R 1 …": the state follows the name, which may itself hold spaces and parentheses.
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'latin1');
      if (stat[stat.lastIndexOf(')') + 2] === 'R') running += 1;
    } catch {
      // the thread ended meanwhile
    }
  }
  return Math.max(0, running - 1); // the calling thread, running as it reads
}
