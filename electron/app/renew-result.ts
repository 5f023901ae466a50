// Maps the renewal module's outcome onto the contract's RenewResult. Fields are picked one by one, so whatever
// else an outcome carries can never reach the renderer.
import type { RenewOutcome } from '../core/renewal';
import type { RenewOutcomeKind, RenewResult } from '../shared/contract';

/** Every renewal outcome kind has its contract kind here: a new kind in the core fails the typecheck until mapped. */
const CONTRACT_KIND: { readonly [K in RenewOutcome['kind']]: RenewOutcomeKind } = {
  renewed: 'renewed',
  'still-valid': 'still-valid',
  configuration: 'configuration',
  'file-problem': 'file-problem',
  cancelled: 'cancelled',
  busy: 'busy',
  'wrong-code': 'wrong-code',
  'code-already-used': 'code-already-used',
  'wrong-serial': 'wrong-serial',
  'invalid-key': 'invalid-key',
  'wrong-secret': 'wrong-secret',
  'expired-session-keys': 'expired-session-keys',
  'session-keys-as-source': 'session-keys-as-source',
  'duration-out-of-range': 'duration-out-of-range',
  'clock-skew': 'clock-skew',
  throttled: 'throttled',
  timeout: 'timeout',
  network: 'network',
  'malformed-response': 'malformed-response',
  'invalid-code-format': 'invalid-code-format',
  'invalid-parameter': 'invalid-parameter',
  'access-denied': 'access-denied',
  'service-error': 'service-error',
  unexpected: 'unknown',
};

export function toRenewResult(target: string, outcome: RenewOutcome): RenewResult {
  const kind = CONTRACT_KIND[outcome.kind];
  return {
    ok: outcome.category === 'ok',
    kind,
    message: outcome.message,
    target,
    ...('expiration' in outcome &&
      !Number.isNaN(outcome.expiration.getTime()) && { expiration: outcome.expiration.toISOString() }),
    ...('retryAfterSeconds' in outcome &&
      outcome.retryAfterSeconds !== undefined &&
      outcome.retryAfterSeconds >= 0 && { retryAfterSeconds: outcome.retryAfterSeconds }),
    ...('clockOffsetSeconds' in outcome &&
      outcome.clockOffsetSeconds !== undefined && { clockOffsetSeconds: outcome.clockOffsetSeconds }),
  };
}

/** A renewal that threw instead of returning an outcome: the message stays generic (details go to the log). */
export function unexpectedRenewFailure(target: string): RenewResult {
  return {
    ok: false,
    kind: 'unknown',
    message: `Renewing ${target} failed unexpectedly; the log in MFA Tray's data folder has the details.`,
    target,
  };
}

/** A second submission while the first renewal of the same target is still running. */
export function renewalAlreadyRunning(target: string): RenewResult {
  return { ok: false, kind: 'unknown', message: `A renewal of ${target} is already running.`, target };
}
