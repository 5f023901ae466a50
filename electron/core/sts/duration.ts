// STS's duration limits checked before a request is sent: apart from the gateway so that renewal's pre-checks
// (before any code is asked for) load no SDK.
import type { StsFailure } from './outcomes';

export function checkDuration(requested: number, min: number, max: number, why: string): StsFailure | undefined {
  if (Number.isInteger(requested) && requested >= min && requested <= max) return undefined;
  return {
    kind: 'duration-out-of-range',
    category: 'user',
    requested,
    min,
    max,
    message: `The session duration ${requested} s is outside ${min}–${max} s (${why}).`,
  };
}
