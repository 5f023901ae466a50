// One renewal per MFA device at a time across processes (tray app + any number of CLI calls):
// a lock folder per device in the state folder, taken as the AWS files are (file-lock.ts).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileLock } from '../aws-files/file-lock';
import { acquireFileLock, LockTimeoutError } from '../aws-files/file-lock';
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

/** Holders on this host are judged by their pid at once; this bounds a holder on another host sharing the folder. */
const STALE_MS = 15_000;

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
  const { onWait } = options;
  let lock: FileLock;
  try {
    // The AWS files' lock: a holder killed mid-renewal (a CLI waiting for its code) frees the device at once.
    lock = await acquireFileLock(join(folder, deviceFileKey(device)), {
      timeoutMs: maxWaitMs,
      staleMs: STALE_MS,
      ...(onWait && { onWait: () => onWait() }),
    });
  } catch (error) {
    if (error instanceof LockTimeoutError) throw new DeviceLockTimeoutError(device, maxWaitMs);
    throw error;
  }
  try {
    return await task();
  } finally {
    await lock.release();
  }
}
