// One renewal per MFA device at a time, whatever it renews with the device's code (a session, an MFA role, all
// roles of the device): same-process callers of the same target share one promise, other targets wait and go
// again; other processes wait on the device's lock file in the state folder.
import { DeviceLockTimeoutError, withDeviceLock } from '../app-state';
import type { RenewDeps, RenewOutcome } from './types';

const inFlight = new Map<string, { target: string; promise: Promise<RenewOutcome> }>();

/** Runs `start` unless this device is already renewing: then shares its result (same target) or runs `again` after it. */
export async function onePerDevice(
  device: string,
  target: string,
  start: () => Promise<RenewOutcome>,
  again: () => Promise<RenewOutcome>,
): Promise<RenewOutcome> {
  const running = inFlight.get(device);
  if (running) {
    const shared = await running.promise;
    return running.target === target ? shared : again();
  }
  const promise = start().finally(() => inFlight.delete(device));
  inFlight.set(device, { target, promise });
  return promise;
}

/** `task` under the device's cross-process lock; a lock that cannot be had becomes an outcome, not an exception. */
export async function underDeviceLock(
  deps: RenewDeps,
  device: string,
  task: () => Promise<RenewOutcome>,
): Promise<RenewOutcome> {
  try {
    return await withDeviceLock(deps.stateDir, device, task, {
      maxWaitMs: deps.lockWaitMs,
      onWait: () => deps.onLockWait?.(device),
    });
  } catch (error) {
    if (error instanceof DeviceLockTimeoutError) return { kind: 'busy', category: 'aws', message: error.message };
    const stateProblem = stateDirProblem(error, deps.stateDir);
    if (stateProblem) return stateProblem;
    throw error;
  }
}

/** The lock and the used-code record live in the state folder: failing to write there happens before any code is sent. */
function stateDirProblem(error: unknown, stateDir: string): RenewOutcome | undefined {
  const { code, path } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof path !== 'string' || !path.startsWith(stateDir)) return undefined;
  return {
    kind: 'file-problem',
    category: 'user',
    message: `MFA Tray cannot use its state folder ${stateDir} (${code} on ${path}); no code was sent. Make it a folder you can write, or set MFA_TRAY_STATE_DIR to one.`,
  };
}
