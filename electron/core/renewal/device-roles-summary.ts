// What "renew all roles of this device" says: which roles the one code renewed (with the role-chaining cap where it
// cut a role's duration_seconds), which were still cached, which failed and why.
import { formatClock } from '../../shared/time-format';
import type { DeviceRolesResult } from './renew-device-roles';
import type { RenewOutcome } from './types';

export function rolesSummary(device: string, result: Omit<DeviceRolesResult, 'outcome'>, nowMs: number): RenewOutcome {
  const until = (date: Date) => formatClock(date, nowMs);
  const lines: string[] = [];
  if (result.renewed.length > 0) {
    const how = result.session
      ? result.session.renewed
        ? `One code renewed the MFA session "${result.session.target}" and, with it,`
        : `The MFA session "${result.session.target}" (still valid, no code needed) renewed`
      : 'One code renewed';
    lines.push(
      `${how} ${result.renewed.length} role${result.renewed.length === 1 ? '' : 's'} of ${device}: ${result.renewed
        .map(
          (r) =>
            `${r.target} (until ${until(r.expiration)}${r.cappedFromSeconds ? `; 1 h, not the ${r.cappedFromSeconds} s of duration_seconds: role chaining is capped at 1 hour` : ''})`,
        )
        .join(', ')}.`,
    );
  }
  if (result.stillValid.length > 0)
    lines.push(
      `Still cached, left alone: ${result.stillValid.map((r) => `${r.target} (until ${until(r.expiration)})`).join(', ')}.`,
    );
  for (const failed of result.failed) lines.push(`Not renewed: ${failed.target}: ${failed.message}`);
  const message = lines.join('\n');
  if (result.failed.length > 0) return { kind: 'configuration', category: 'user', message };
  if (result.renewed.length === 0) {
    const first = result.stillValid[0]!;
    return { kind: 'still-valid', category: 'ok', target: first.target, expiration: first.expiration, message };
  }
  const soonest = result.renewed.reduce((a, b) => (a.expiration <= b.expiration ? a : b));
  return {
    kind: 'renewed',
    category: 'ok',
    target: soonest.target,
    expiration: soonest.expiration,
    sharedWithConcurrentRenewal: false,
    message,
  };
}
