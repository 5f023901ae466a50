import { describe, expect, it } from 'vitest';
import { base64FromDataUrl, secretInputFrom } from './secret-form';

describe('the import form secret', () => {
  it('passes each format on in the contract shape, trimmed', () => {
    expect(secretInputFrom('otpauth-uri', ' otpauth://totp/AWS:me?secret=ABC ', undefined)).toEqual({
      ok: true,
      input: { format: 'otpauth-uri', text: 'otpauth://totp/AWS:me?secret=ABC' },
    });
    expect(secretInputFrom('base32', 'JBSW Y3DP', undefined)).toEqual({
      ok: true,
      input: { format: 'base32', text: 'JBSW Y3DP' },
    });
    expect(secretInputFrom('qr-png', '', 'iVBORw0KGgo=')).toEqual({
      ok: true,
      input: { format: 'qr-png', base64: 'iVBORw0KGgo=' },
    });
  });

  it('explains what is missing or mistyped', () => {
    expect(secretInputFrom('otpauth-uri', 'https://example.com', undefined)).toMatchObject({
      ok: false,
      message: /otpauth:\/\/totp\//,
    });
    expect(secretInputFrom('base32', 'JBSW0189', undefined)).toMatchObject({
      ok: false,
      message: /A–Z and the digits 2–7/,
    });
    expect(secretInputFrom('base32', '', undefined)).toMatchObject({ ok: false });
    expect(secretInputFrom('qr-png', '', undefined)).toMatchObject({ ok: false, message: /PNG file/ });
  });

  it('reads the base64 body of a data URL and refuses anything else', () => {
    expect(base64FromDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('iVBORw0KGgo=');
    expect(() => base64FromDataUrl('data:text/plain,hello')).toThrow(/could not be read/);
  });
});
