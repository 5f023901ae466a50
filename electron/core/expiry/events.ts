// What can happen next to the credentials in the profile model, and the state of one expiry at a given time.
import type { ProfileModel } from '../profiles/types';

export const DEFAULT_LEAD_MS = 15 * 60_000;

export type ExpiryEventKind = 'session-expiring' | 'session-expired' | 'role-expired';

export interface ExpiryEvent {
  /** Stable for the same profile, kind and expiry: the scheduler fires each id once. */
  id: string;
  kind: ExpiryEventKind;
  /** The MFA session's target profile, or the role profile. */
  profile: string;
  /** When the event is due (ms since epoch). */
  at: number;
  /** The expiry it is about (ms since epoch). */
  expiresAt: number;
  /** An MFA role (mfa_serial on the role profile): warned about and renewed like a session. */
  mfaRole?: true;
}

export type ExpiryState = 'valid' | 'expiring' | 'expired' | 'never';

/** State of an expiry at `nowMs`: `never` when there is none (never renewed, or unreadable). */
export function expiryState(expiresAt: Date | undefined, nowMs: number, leadMs: number = DEFAULT_LEAD_MS): ExpiryState {
  if (expiresAt === undefined) return 'never';
  const left = expiresAt.getTime() - nowMs;
  if (left <= 0) return 'expired';
  return left <= leadMs ? 'expiring' : 'valid';
}

/** Every event the model implies, earliest first (past ones included: the scheduler decides what is due). */
export function planExpiryEvents(
  model: Pick<ProfileModel, 'mfaSessions' | 'roles'>,
  leadMs: number = DEFAULT_LEAD_MS,
): ExpiryEvent[] {
  const events: ExpiryEvent[] = [];
  const add = (kind: ExpiryEventKind, profile: string, expiresAt: number, at: number, mfaRole = false): void => {
    const event: ExpiryEvent = { id: `${kind}:${profile}:${expiresAt}`, kind, profile, at, expiresAt };
    if (mfaRole) event.mfaRole = true;
    events.push(event);
  };
  for (const session of model.mfaSessions) {
    if (session.expiration === undefined) continue;
    const expiresAt = session.expiration.getTime();
    add('session-expiring', session.target, expiresAt, expiresAt - leadMs);
    add('session-expired', session.target, expiresAt, expiresAt);
  }
  for (const role of model.roles) {
    if (role.cachedExpiration === undefined) continue;
    const expiresAt = role.cachedExpiration.getTime();
    if (role.mfaRole) {
      // Its cache entry is what MFA Tray renews: a warning at the lead time and at expiry, as for a session.
      add('session-expiring', role.profile, expiresAt, expiresAt - leadMs, true);
      add('session-expired', role.profile, expiresAt, expiresAt, true);
    } else add('role-expired', role.profile, expiresAt, expiresAt);
  }
  return events.sort((a, b) => a.at - b.at);
}
