import { createHash, randomBytes } from 'node:crypto';

// Shapes of AWS identifiers: 4-letter prefix + 16 upper-case base32-ish characters.
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function idFromBytes(prefix: string, bytes: Uint8Array, length: number): string {
  let id = prefix;
  for (let i = 0; i < length; i++) id += ID_ALPHABET[bytes[i]! % 32];
  return id;
}

/** ASIA... access key id of temporary credentials. */
export const randomSessionAccessKeyId = (): string => idFromBytes('ASIA', randomBytes(16), 16);

/** Stable unique ids (AIDA for users, AROA for roles) derived from the ARN, so runs are reproducible. */
export const stableUniqueId = (prefix: 'AIDA' | 'AROA', arn: string): string =>
  idFromBytes(prefix, createHash('sha256').update(arn).digest(), 17);

export const randomRequestId = (): string => crypto.randomUUID();

/** ISO-8601 without milliseconds, as STS writes Expiration. */
export const isoSeconds = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** SigV4's basic format, 20240101T000000Z. */
export const amzDate = (ms: number): string => isoSeconds(ms).replace(/[-:]/g, '');
