import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { buildOtpauthUri } from '../totp';
import { readSecretInput } from './secret-input';

const SEED = 'JV4VEZLQN5ZWS5DPOJ4VK43FOIWXGY3FNZQXE2LPFVWWMYJNONSWKZBNNNSXSIJB';

describe('readSecretInput', () => {
  it('reads an otpauth URI and a spaced lower-case Base32 seed', () => {
    expect(readSecretInput({ format: 'otpauth-uri', text: buildOtpauthUri('lab@111111111111', SEED) })).toEqual({
      secret: SEED,
      label: 'lab@111111111111',
    });
    expect(readSecretInput({ format: 'base32', text: SEED.toLowerCase().replace(/(.{4})/g, '$1 ') })).toEqual({
      secret: SEED,
    });
  });

  it('decodes the QR PNG the AWS console shows', async () => {
    const png = await QRCode.toBuffer(buildOtpauthUri('lab@111111111111', SEED), { type: 'png' });
    expect(readSecretInput({ format: 'qr-png', base64: png.toString('base64') })).toEqual({
      secret: SEED,
      label: 'lab@111111111111',
    });
  });

  it.each([
    [{ format: 'otpauth-uri' as const, text: `otpauth://totp/x?secret=${SEED}&digits=8` }, /digits=6/],
    [{ format: 'otpauth-uri' as const, text: `otpauth://totp/x?secret=${SEED}&algorithm=SHA256` }, /algorithm=SHA1/],
    [{ format: 'base32' as const, text: 'JBSWY3DP' }, /too short/],
    [{ format: 'qr-png' as const, base64: Buffer.from('not a png').toString('base64') }, /not a readable PNG/],
  ])('refuses %o with a clear message', (input, message) => {
    expect(() => readSecretInput(input)).toThrow(message);
  });

  it('says so when an image has no QR code, or a QR code that is not an MFA device', async () => {
    const blank = new PNG({ width: 40, height: 40 });
    blank.data.fill(255);
    expect(() => readSecretInput({ format: 'qr-png', base64: PNG.sync.write(blank).toString('base64') })).toThrow(
      /No QR code/,
    );
    const other = await QRCode.toBuffer('https://example.com', { type: 'png' });
    expect(() => readSecretInput({ format: 'qr-png', base64: other.toString('base64') })).toThrow(
      /not an MFA device QR code/,
    );
  });
});
