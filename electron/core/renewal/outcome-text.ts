// How renewal outcomes say when something expires.
import { formatClock, formatSpan } from '../../shared/time-format';

/** ISO-8601 UTC without milliseconds, as `aws sts get-session-token` prints it. */
export function formatExpiration(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function describeUntil(expiration: Date, nowMs: number): string {
  return `${formatClock(expiration, nowMs)} (in ${formatSpan(expiration.getTime() - nowMs)})`;
}
