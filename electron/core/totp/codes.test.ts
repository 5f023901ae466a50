import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBase32, InvalidTotpSecretError } from './base32';
import { generateTotp, verifyTotp } from './codes';
import { msUntilNextWindow, totpWindow } from './windows';

// RFC 6238 appendix B, SHA-1 key "12345678901234567890"; AWS codes are the last 6 of the 8 digits.
const RFC_SECRET = encodeBase32(Buffer.from('12345678901234567890', 'ascii'));
const RFC_VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

// Independent RFC 4226 reference with Node's HMAC, for the differential check.
function referenceCode(secret: Buffer, atMs: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 30_000)));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

describe('generateTotp', () => {
  it.each(RFC_VECTORS)('matches the RFC 6238 SHA-1 vector at T=%i', (seconds, eightDigits) => {
    expect(generateTotp(RFC_SECRET, seconds * 1000)).toBe(eightDigits.slice(2));
  });

  it('agrees with an independent HMAC-SHA1 implementation on random secrets and times', () => {
    for (let i = 0; i < 300; i++) {
      const secret = randomBytes(10 + (i % 31));
      const atMs = Math.floor(Math.random() * 4_000_000_000_000);
      expect(generateTotp(encodeBase32(secret), atMs)).toBe(referenceCode(secret, atMs));
    }
  });

  it('accepts lower case, spaced and padded secrets as the same key', () => {
    const spaced = RFC_SECRET.toLowerCase().replace(/(.{4})/g, '$1 ');
    expect(generateTotp(spaced, 59_000)).toBe('287082');
    expect(generateTotp(`${encodeBase32(Buffer.alloc(11, 7))}===`, 0)).toBe(referenceCode(Buffer.alloc(11, 7), 0));
  });

  it('rejects secrets that are not base32 or too short to be a key', () => {
    expect(() => generateTotp('JBSWY3DP!HPK3PXP', 0)).toThrow(/character 9 is not one of A-Z or 2-7/);
    expect(() => generateTotp('JBSWY3DPE', 0)).toThrow(/cannot encode whole bytes/);
    expect(() => generateTotp('JBSWY3DP', 0)).toThrow(InvalidTotpSecretError);
    expect(() => generateTotp('', 0)).toThrow(/empty/);
  });
});

describe('verifyTotp', () => {
  const now = 1_700_000_015_000;

  it('returns the matched window within one step of drift either side', () => {
    const window = totpWindow(now);
    expect(verifyTotp(RFC_SECRET, generateTotp(RFC_SECRET, now), now)).toBe(window);
    expect(verifyTotp(RFC_SECRET, generateTotp(RFC_SECRET, now - 30_000), now)).toBe(window - 1);
    expect(verifyTotp(RFC_SECRET, generateTotp(RFC_SECRET, now + 30_000), now)).toBe(window + 1);
  });

  it('rejects codes two steps away, or any step away when drift is 0', () => {
    expect(verifyTotp(RFC_SECRET, generateTotp(RFC_SECRET, now - 60_000), now)).toBeNull();
    expect(verifyTotp(RFC_SECRET, generateTotp(RFC_SECRET, now + 60_000), now)).toBeNull();
    expect(verifyTotp(RFC_SECRET, generateTotp(RFC_SECRET, now - 30_000), now, 0)).toBeNull();
  });

  it('never matches codes that are not exactly six digits', () => {
    const code = generateTotp(RFC_SECRET, now);
    for (const bad of [code.slice(1), `${code}0`, ` ${code}`, 'abcdef', '']) {
      expect(verifyTotp(RFC_SECRET, bad, now)).toBeNull();
    }
  });
});

describe('time windows', () => {
  it('splits time into 30-second steps and counts down to the next one', () => {
    expect(totpWindow(59_000)).toBe(1);
    expect(totpWindow(60_000)).toBe(2);
    expect(msUntilNextWindow(60_000)).toBe(30_000);
    expect(msUntilNextWindow(89_999)).toBe(1);
  });
});
