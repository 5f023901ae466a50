// One renewal per MFA device at a time across processes (tray app + any number of CLI calls):
// a lock file per device in the state folder.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { deviceFileKey } from './device-key';

export class DeviceLockTimeoutError extends Error {
  constructor(
    readonly device: string,
    readonly waitedMs: number,
  ) {
    super(
      `Another MFA Tray renewal for ${device} has held its lock for over ${Math.round(waitedMs / 1000)} s; try again.`,
    );
    this.name = 'DeviceLockTimeoutError';
  }
}

export interface DeviceLockOptions {
  /** Give up waiting after this long (a renewal includes a human typing a code). */
  maxWaitMs?: number;
  /** Called once when another holder makes us wait (a person may be typing a code there). */
  onWait?: () => void;
}

const STALE_MS = 15_000; // a crashed holder's lock is taken over after this; live holders refresh it
const POLL_MS = 50;

/** Runs `task` while holding the cross-process lock of `device`; waits for another holder to finish. */
export async function withDeviceLock<T>(
  stateDir: string,
  device: string,
  task: () => Promise<T>,
  options: DeviceLockOptions = {},
): Promise<T> {
  const maxWaitMs = options.maxWaitMs ?? 10 * 60_000;
  const folder = join(stateDir, 'locks');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const target = join(folder, deviceFileKey(device));
  const started = Date.now();
  let release: (() => Promise<void>) | undefined;
  let waitAnnounced = false;
  while (!release) {
    try {
      release = await lockfile.lock(target, {
        realpath: false,
        stale: STALE_MS,
        lockfilePath: `${target}.lock`,
        // The default throws from a timer and kills the process. A lost lock (machine slept past STALE_MS) only
        // weakens single flight; the used-code record still keeps a code from being sent twice.
        onCompromised: () => undefined,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() - started > maxWaitMs) throw new DeviceLockTimeoutError(device, Date.now() - started);
      if (!waitAnnounced) options.onWait?.();
      waitAnnounced = true;
      // Constant short polls: waiters should notice the release quickly, not after an exponential backoff.
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    return await task();
  } finally {
    await release().catch(() => undefined); // already released (compromised) is not the caller's problem
  }
}
