// How renewal outcomes say when something expires.
import { formatClock, formatSpan } from '../../shared/time-format';

export function describeUntil(expiration: Date, nowMs: number): string {
  return `${formatClock(expiration, nowMs)} (in ${formatSpan(expiration.getTime() - nowMs)})`;
}
