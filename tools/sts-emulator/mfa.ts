import { generateTotp, totpWindow, verifyTotp } from '../../electron/core/totp';
import { invalidMfaCode, unknownMfaSerial } from './aws-error';
import type { EmulatorState, MfaDeviceRecord, UserRecord } from './state';

/**
 * Checks a code from `user`'s device `serial` (±1 window) and spends its window: a code already used,
 * or one from before the last used window, fails with the same message as a wrong code — as in AWS.
 */
export function consumeMfaCode(
  state: EmulatorState,
  user: UserRecord,
  serial: string,
  code: string,
  nowMs: number,
): void {
  const device = state.devices.get(serial);
  if (!device || device.accountId !== user.accountId || device.userName !== user.name) throw unknownMfaSerial();
  const window = verifyTotp(device.secret, code, nowMs, 1);
  if (window === null || (device.lastUsedWindow !== undefined && window <= device.lastUsedWindow))
    throw invalidMfaCode();
  device.lastUsedWindow = window;
}

/**
 * EnableMFADevice's check: two codes from consecutive windows, the second within one window of now.
 * Returns the second code's window (spent) or null when they are not consecutive codes of the device.
 */
export function consecutiveCodesWindow(
  device: MfaDeviceRecord,
  code1: string,
  code2: string,
  nowMs: number,
): number | null {
  const now = totpWindow(nowMs);
  for (const second of [now, now - 1, now + 1]) {
    const atMs = (second - 1) * 30_000;
    if (
      atMs >= 0 &&
      generateTotp(device.secret, atMs) === code1 &&
      generateTotp(device.secret, second * 30_000) === code2
    ) {
      return second;
    }
  }
  return null;
}
