// AWS accepts each TOTP code once. Before a code is sent we check (and persist, under the device lock) the
// 30-second window it is sent in; a code AWS rejected as wrong frees its window again, since AWS did not use it.
// AWS answers a used code and a mistyped one the same way; only the very code we sent (same salted digest) is
// called "already used" — and that one is refused before it is sent. Anything else AWS rejects is a wrong code.
import { isSameCode, readUsedCode, usedCodeRecord, writeUsedCode } from '../app-state';
import { msUntilNextWindow, totpWindow } from '../totp/windows';
import type { StsFailure } from '../sts';
import { formatSpan } from '../../shared/time-format';

/** AWS accepts a code for about one window either side: the same code can come back this many windows later. */
const SAME_CODE_REUSE_WINDOWS = 2;

function waitSeconds(nowMs: number): number {
  return Math.ceil(msUntilNextWindow(nowMs) / 1000);
}

/** When the earlier code went out, as time ago: the 30-second window is what matters, not the clock. */
function sentAgo(sentAtMs: number, nowMs: number): string {
  return `${formatSpan(nowMs - sentAtMs, { precision: 'second' })} ago`;
}

function usedFailure(message: string, nowMs: number): StsFailure {
  const retryAfterSeconds = waitSeconds(nowMs);
  return {
    kind: 'code-already-used',
    category: 'user',
    retryAfterSeconds,
    message: `${message} Wait ${formatSpan(retryAfterSeconds * 1000, { precision: 'second' })} for the next code.`,
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
      `A code for ${device} was already sent ${sentAgo(last.sentAtMs, nowMs)}, in this 30-second window; AWS accepts each code once.`,
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
      `This code was already sent for ${device} ${sentAgo(previous.sentAtMs, nowMs)}; AWS accepts each code once.`,
      nowMs,
    );
  }
  if (previous && previous.window >= window) {
    return usedFailure(
      `A code for ${device} was already sent ${sentAgo(previous.sentAtMs, nowMs)}, in this 30-second window.`,
      nowMs,
    );
  }
  await writeUsedCode(stateDir, device, usedCodeRecord(device, code, window, nowMs));
  return { release: () => writeUsedCode(stateDir, device, previous) };
}
