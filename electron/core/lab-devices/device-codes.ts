// Codes of a stored lab device: the current one for the device view, and a renewal code source. With the
// built-in device a renewal never sends a used window's code: it waits for the next window instead.
import * as timers from 'node:timers/promises';
import { readUsedCode } from '../app-state';
import {
  CodeEntryCancelled,
  renew,
  type CodeSource,
  type RenewDeps,
  type RenewOutcome,
  type RenewRequest,
} from '../renewal';
import { systemClock } from '../time/clock';
import { generateTotp, msUntilNextWindow, totpWindow } from '../totp';
import type { LabDeviceStore } from './device-store';
import { LabDeviceError } from './lab-device-error';

export interface LabCodeView {
  serial: string;
  currentCode: string;
  /** Whole seconds left in the code's window, 1..30. */
  secondsLeft: number;
  /** A renewal already sent a code from this window. */
  windowUsed: boolean;
}

/** The secret of a device that is ready to give codes. Throws LabDeviceError. */
async function readySecret(store: LabDeviceStore, serial: string): Promise<string> {
  const record = await store.get(serial);
  if (!record) throw new LabDeviceError('not-found', `MFA Tray holds no lab device ${serial}.`);
  if (record.state !== 'ready') {
    throw new LabDeviceError(
      'not-found',
      `The lab device ${serial} was created but never enabled in IAM: finish enabling it, or remove it.`,
    );
  }
  return store.secretOf(serial);
}

/** The 6-digit code of `serial` at `nowMs` — never the secret. Throws LabDeviceError. */
export async function labDeviceCode(store: LabDeviceStore, serial: string, nowMs: number): Promise<string> {
  return generateTotp(await readySecret(store, serial), nowMs);
}

export async function labCodeView(
  store: LabDeviceStore,
  stateDir: string,
  serial: string,
  nowMs: number,
): Promise<LabCodeView> {
  const currentCode = await labDeviceCode(store, serial, nowMs);
  const used = await readUsedCode(stateDir, serial);
  return {
    serial,
    currentCode,
    secondsLeft: Math.max(1, Math.ceil(msUntilNextWindow(nowMs) / 1000)),
    windowUsed: used !== undefined && used.window >= totpWindow(nowMs),
  };
}

/** Renewal's code source for a stored device; a device MFA Tray cannot give codes for ends as 'cancelled'. */
export function labDeviceCodeSource(code: (serial: string) => Promise<string>): CodeSource {
  return {
    async getCode(request) {
      try {
        return await code(request.device);
      } catch (error) {
        if (error instanceof LabDeviceError) throw new CodeEntryCancelled(error.message);
        throw error;
      }
    },
  };
}

export type Sleep = (ms: number) => Promise<void>;

/**
 * Renews with the lab device's code. When this window already carried a code for the device (the renewal's
 * used-window guard says so before any code is made), waits for the next window and renews once more.
 */
export async function renewWithLabCodes(
  request: Omit<RenewRequest, 'codeSource'>,
  codeSource: CodeSource,
  deps: RenewDeps,
  sleep: Sleep = timers.setTimeout,
): Promise<RenewOutcome> {
  const first = await renew({ ...request, codeSource }, deps);
  if (first.kind !== 'code-already-used') return first;
  const clock = deps.clock ?? systemClock;
  // +50 ms: land safely inside the next window, not on its edge.
  await sleep(msUntilNextWindow(clock.now()) + 50);
  return renew({ ...request, codeSource }, deps);
}
