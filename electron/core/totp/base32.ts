// RFC 4648 base32, decoded here (not by otplib) so that the forms people actually paste — lower case,
// spaces between groups, missing '=' padding — are accepted, and anything else gets a clear message.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export class InvalidTotpSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTotpSecretError';
  }
}

/** Canonical form of a base32 secret: upper case, no spaces, dashes or padding. Throws InvalidTotpSecretError. */
export function normalizeBase32Secret(secret: string): string {
  const compact = secret.replace(/[\s-]/g, '').toUpperCase().replace(/=+$/, '');
  if (compact.length === 0) throw new InvalidTotpSecretError('The TOTP secret is empty.');
  const badIndex = [...compact].findIndex((char) => !ALPHABET.includes(char));
  if (badIndex !== -1) {
    throw new InvalidTotpSecretError(
      `The TOTP secret is not valid base32: character ${badIndex + 1} is not one of A-Z or 2-7.`,
    );
  }
  // 1, 3 or 6 trailing characters cannot come from whole bytes: the secret was cut short or mistyped.
  if ([1, 3, 6].includes(compact.length % 8)) {
    throw new InvalidTotpSecretError(
      `The TOTP secret is not valid base32: ${compact.length} characters cannot encode whole bytes (truncated?).`,
    );
  }
  return compact;
}

export function decodeBase32Secret(secret: string): Uint8Array {
  const compact = normalizeBase32Secret(secret);
  const bytes = new Uint8Array(Math.floor((compact.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of compact) {
    buffer = ((buffer << 5) | ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}
