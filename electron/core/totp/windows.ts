// TOTP's 30-second time steps, apart from the code generator (otplib) so that renewal's used-window guard
// loads no hashing library.
export const TOTP_PERIOD_SECONDS = 30;
const PERIOD_MS = TOTP_PERIOD_SECONDS * 1000;

export function epochSeconds(atMs: number): number {
  if (!Number.isFinite(atMs) || atMs < 0) throw new RangeError(`Not a usable time: ${atMs}`);
  return Math.floor(atMs / 1000);
}

/** The 30-second time step (RFC 6238 counter) that contains `atMs`. */
export function totpWindow(atMs: number): number {
  return Math.floor(epochSeconds(atMs) / TOTP_PERIOD_SECONDS);
}

/** Milliseconds until the next time step starts (1..30000). */
export function msUntilNextWindow(atMs: number): number {
  return PERIOD_MS - (atMs % PERIOD_MS);
}
