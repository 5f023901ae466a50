import { describe, expect, it } from 'vitest';
import { buildOtpauthUri, OtpauthUriError, parseOtpauthUri } from './otpauth-uri';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('parseOtpauthUri', () => {
  it('reads the label, issuer and secret of an AWS-style URI', () => {
    expect(parseOtpauthUri(`otpauth://totp/MyRepositoryUser@111111111111?secret=${SECRET}`)).toEqual({
      secret: SECRET,
      label: 'MyRepositoryUser@111111111111',
    });
    expect(
      parseOtpauthUri(
        `otpauth://totp/Amazon%20Web%20Services:me@111111111111?secret=${SECRET.toLowerCase()}&issuer=Amazon%20Web%20Services`,
      ),
    ).toEqual({ secret: SECRET, label: 'me@111111111111', issuer: 'Amazon Web Services' });
  });

  it('takes the issuer from the label prefix when there is no issuer parameter', () => {
    expect(parseOtpauthUri(`otpauth://totp/ACME:alice?secret=${SECRET}`).issuer).toBe('ACME');
  });

  it('accepts parameters that spell out the AWS defaults', () => {
    const uri = `otpauth://totp/x?secret=${SECRET}&algorithm=SHA1&digits=6&period=30`;
    expect(parseOtpauthUri(uri).secret).toBe(SECRET);
  });

  it.each([
    [`otpauth://totp/x?secret=${SECRET}&algorithm=SHA256`, /algorithm "SHA256".*algorithm=SHA1/],
    [`otpauth://totp/x?secret=${SECRET}&digits=8`, /digits "8".*digits=6/],
    [`otpauth://totp/x?secret=${SECRET}&period=60`, /period "60".*period=30/],
    [`otpauth://hotp/x?secret=${SECRET}&counter=1`, /HOTP/],
    [`otpauth://totp/x?secret=NOT-BASE32!`, /not valid base32/],
    [`otpauth://totp/x?secret=JBSWY3DP`, /too short/],
    ['otpauth://totp/x', /no secret/],
    [`https://example.com/?secret=${SECRET}`, /otpauth:\/\//],
    ['not a uri', /not a URI/],
  ])('rejects %s with a clear message', (uri, message) => {
    expect(() => parseOtpauthUri(uri)).toThrow(OtpauthUriError);
    expect(() => parseOtpauthUri(uri)).toThrow(message);
  });
});

describe('buildOtpauthUri', () => {
  it('builds the URI AWS puts in QR codes and reads back the same', () => {
    const uri = buildOtpauthUri('MyRepositoryUser@111111111111', SECRET);
    expect(uri).toBe(`otpauth://totp/MyRepositoryUser@111111111111?secret=${SECRET}`);
    expect(parseOtpauthUri(uri)).toEqual({ secret: SECRET, label: 'MyRepositoryUser@111111111111' });
  });
});
