// Timeouts and bounded retries. A request carrying an MFA code is retried only when AWS certainly never
// processed it (no connection, or throttled): after that, AWS may have consumed the code, and sending it
// again would fail as "already used" and hide what really happened.
import * as timers from 'node:timers/promises';
import { classifyStsError, neverProcessedByAws, type FailureContext } from './classify-error';
import type { StsFailure, StsResult } from './outcomes';

export interface CallPolicy {
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
  maxAttempts: number;
  /** First retry delay; doubles each time, with jitter. */
  retryBaseDelayMs: number;
}

export const DEFAULT_CALL_POLICY: CallPolicy = {
  connectionTimeoutMs: 5_000,
  requestTimeoutMs: 15_000,
  maxAttempts: 3,
  retryBaseDelayMs: 300,
};

function retryable(error: unknown, failure: StsFailure, sendsCode: boolean): boolean {
  if (neverProcessedByAws(error)) return true;
  if (sendsCode) return false;
  return failure.kind === 'timeout' || failure.kind === 'network' || failure.kind === 'service-error';
}

export async function callWithPolicy<T>(
  send: () => Promise<T>,
  context: () => FailureContext,
  policy: CallPolicy,
): Promise<StsResult<T>> {
  let failure: StsFailure | undefined;
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt += 1) {
    try {
      return { ok: true, value: await send() };
    } catch (error) {
      const ctx = context();
      failure = classifyStsError(error, ctx);
      if (attempt === policy.maxAttempts || !retryable(error, failure, ctx.sendsCode)) break;
      const delay = policy.retryBaseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
      await timers.setTimeout(delay);
    }
  }
  return { ok: false, failure: failure as StsFailure };
}
