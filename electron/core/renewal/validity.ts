// The one definition of "still valid", for `renew`, the git helper and credential_process alike: a session with
// less than RENEWAL_MARGIN_MS left is due — renewable without --force, and handed to no caller, since a request
// signed with it could fail half-way (a push, an AssumeRole) a moment later.
export const RENEWAL_MARGIN_MS = 2 * 60_000;

export function isStillValid(expiration: Date | undefined, nowMs: number): expiration is Date {
  return expiration !== undefined && expiration.getTime() - nowMs > RENEWAL_MARGIN_MS;
}
