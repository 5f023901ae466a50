// When each lab device's shown code runs out: the view keeps one clock (ticking only while visible) and fetches
// a device's code again once its 30-s window has ended. Pure, so the schedule is unit-tested.
import type { LabDeviceCodeView } from '../../../electron/shared/contract';

/** A code as shown, or why none is shown; both know when to ask again (local clock, ms). */
export type ShownCode =
  | { kind: 'code'; code: string; windowUsed: boolean; endsAt: number }
  | { kind: 'error'; message: string; endsAt: number };

const TOTP_WINDOW_SECONDS = 30;

/** After a failed fetch, wait this long before asking again: never a request per tick. */
export const RETRY_AFTER_ERROR_MS = 30_000;

export function shownCode(view: LabDeviceCodeView, receivedAt: number): ShownCode {
  return {
    kind: 'code',
    code: view.currentCode,
    windowUsed: view.windowUsed,
    endsAt: receivedAt + view.secondsLeft * 1000,
  };
}

export function shownError(message: string, receivedAt: number): ShownCode {
  return { kind: 'error', message, endsAt: receivedAt + RETRY_AFTER_ERROR_MS };
}

/** Whole seconds until the shown code's window ends (0 once it has, never more than a window: the view's clock
 * ticks once a second, so it can lag a code that arrived between ticks). */
export function secondsLeft(shown: ShownCode, now: number): number {
  return Math.min(TOTP_WINDOW_SECONDS, Math.max(0, Math.ceil((shown.endsAt - now) / 1000)));
}

/** The devices whose code must be fetched now: never fetched, or their window (or error pause) is over. */
export function dueSerials(
  serials: readonly string[],
  shown: Readonly<Record<string, ShownCode | undefined>>,
  now: number,
  inFlight: ReadonlySet<string>,
): string[] {
  return serials.filter(
    (serial) => !inFlight.has(serial) && (shown[serial] === undefined || now >= shown[serial].endsAt),
  );
}
