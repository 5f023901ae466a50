// Maps the renewal module's outcome onto the contract's RenewResult. Fields are picked one by one, so whatever
// else an outcome carries (credentials on success) can never reach the renderer.
import { RenewOutcomeKindSchema, type RenewOutcomeKind, type RenewResult } from '../shared/ipc-contract';
import type { RenewOutcome } from './ports';

const SUCCESS_KINDS: ReadonlySet<RenewOutcomeKind> = new Set(['renewed', 'still-valid']);

export function toRenewResult(target: string, outcome: RenewOutcome): RenewResult {
  const parsedKind = RenewOutcomeKindSchema.safeParse(outcome.kind);
  const kind: RenewOutcomeKind = parsedKind.success ? parsedKind.data : 'unknown';
  return {
    ok: SUCCESS_KINDS.has(kind),
    kind,
    message: outcome.message,
    target,
    ...(outcome.expiration && !Number.isNaN(outcome.expiration.getTime()) && { expiration: outcome.expiration.toISOString() }),
    ...(outcome.retryAfterSeconds !== undefined && outcome.retryAfterSeconds >= 0 && { retryAfterSeconds: outcome.retryAfterSeconds }),
    ...(outcome.clockOffsetSeconds !== undefined && { clockOffsetSeconds: outcome.clockOffsetSeconds }),
  };
}

/** A renewal that threw instead of returning an outcome: the message stays generic (details go to the log). */
export function unexpectedRenewFailure(target: string): RenewResult {
  return { ok: false, kind: 'unknown', message: `Renewing ${target} failed unexpectedly; the log in MFA Tray's data folder has the details.`, target };
}
