// AWS accepts each TOTP code once. Before a code is sent we check (and persist, under the device lock) the
// 30-second window it is sent in; a code AWS rejected as wrong frees its window again, since AWS did not use it.
// AWS answers a used code and a mistyped one the same way; only the very code we sent (same salted digest) is
// called "already used" — and that one is refused before it is sent. Anything else AWS rejects is a wrong code.
import { isSameCode, readUsedCode, usedCodeRecord, writeUsedCode } from '../app-state';
import { msUntilNextWindow, totpWindow } from '../totp';
import type { StsFailure } from '../sts';

/** AWS accepts a code for about one window either side: the same code can come back this many windows later. */
const SAME_CODE_REUSE_WINDOWS = 2;

function waitSeconds(nowMs: number): number {
  return Math.ceil(msUntilNextWindow(nowMs) / 1000);
}

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

function usedFailure(message: string, nowMs: number): StsFailure {
  const retryAfterSeconds = waitSeconds(nowMs);
  return {
    kind: 'code-already-used',
    category: 'user',
    retryAfterSeconds,
    message: `${message} Wait ${retryAfterSeconds} s for the next code.`,
  };
}

/** Refuses before asking for a code when this window already carried one for the device. */
export async function checkWindowFree(
  stateDir: string,
  device: string,
  nowMs: number,
): Promise<StsFailure | undefined> {
  const last = await readUsedCode(stateDir, device);
  if (last && last.window >= totpWindow(nowMs)) {
    return usedFailure(
      `A code for ${device} was already sent at ${clockTime(last.sentAtMs)} UTC, in this 30-second window; AWS accepts each code once.`,
      nowMs,
    );
  }
  return undefined;
}

export interface CodeReservation {
  /** Undo the reservation: AWS definitely did not accept the code. */
  release(): Promise<void>;
}

/** Checks the typed code against the record and reserves its window; a failure means: do not send it. */
export async function reserveCode(
  stateDir: string,
  device: string,
  code: string,
  nowMs: number,
): Promise<CodeReservation | StsFailure> {
  const previous = await readUsedCode(stateDir, device);
  const window = totpWindow(nowMs);
  if (previous && isSameCode(previous, device, code) && window - previous.window <= SAME_CODE_REUSE_WINDOWS) {
    return usedFailure(
      `This code was already sent for ${device} at ${clockTime(previous.sentAtMs)} UTC; AWS accepts each code once.`,
      nowMs,
    );
  }
  if (previous && previous.window >= window) {
    return usedFailure(
      `A code for ${device} was already sent at ${clockTime(previous.sentAtMs)} UTC, in this 30-second window.`,
      nowMs,
    );
  }
  await writeUsedCode(stateDir, device, usedCodeRecord(device, code, window, nowMs));
  return { release: () => writeUsedCode(stateDir, device, previous) };
}
