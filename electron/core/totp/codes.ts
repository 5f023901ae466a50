import { createGuardrails, generateSync, verifySync } from 'otplib';
import { decodeBase32Secret, InvalidTotpSecretError } from './base32';
import { epochSeconds, TOTP_PERIOD_SECONDS, totpWindow } from './windows';

// AWS virtual MFA devices use the key-URI defaults: SHA-1, 6 digits, 30-second steps (windows.ts).
export const TOTP_DIGITS = 6;

// otplib refuses secrets under 16 bytes; the common 16-character (10-byte) authenticator secrets
// are still valid RFC 4226 keys, so the floor is lowered to what real devices hand out.
export const MIN_SECRET_BYTES = 10;
const guardrails = createGuardrails({ MIN_SECRET_BYTES });

function secretBytes(base32Secret: string): Uint8Array {
  const bytes = decodeBase32Secret(base32Secret);
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new InvalidTotpSecretError(
      `The TOTP secret is too short: ${bytes.length} bytes, at least ${MIN_SECRET_BYTES} are needed.`,
    );
  }
  return bytes;
}

/** The 6-digit code of `base32Secret` at `atMs`. Throws InvalidTotpSecretError for a bad secret. */
export function generateTotp(base32Secret: string, atMs: number): string {
  return generateSync({ secret: secretBytes(base32Secret), epoch: epochSeconds(atMs), guardrails });
}

/**
 * The time step the code belongs to, looking `drift` steps either side of `atMs`, or null when it
 * matches none (a code that is not exactly 6 digits never matches). Throws for a bad secret.
 */
export function verifyTotp(base32Secret: string, code: string, atMs: number, drift = 1): number | null {
  if (!Number.isInteger(drift) || drift < 0) throw new RangeError(`drift must be a whole number >= 0, got ${drift}`);
  const secret = secretBytes(base32Secret);
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    epoch: epochSeconds(atMs),
    epochTolerance: drift * TOTP_PERIOD_SECONDS,
    guardrails,
  });
  return result.valid ? totpWindow(atMs) + result.delta : null;
}
