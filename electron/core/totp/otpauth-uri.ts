import { errorMessage } from '../../shared/error-message';
import { normalizeBase32Secret } from './base32';
import { MIN_SECRET_BYTES, TOTP_DIGITS } from './codes';
import { TOTP_PERIOD_SECONDS } from './windows';

export class OtpauthUriError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OtpauthUriError';
  }
}

export interface OtpauthTotp {
  /** Base32, normalized (upper case, no spaces or padding). */
  secret: string;
  /** The account part of the label (after an `Issuer:` prefix, if any). */
  label: string;
  issuer?: string;
}

function expectParam(params: URLSearchParams, name: string, allowed: string, normalize: (v: string) => string): void {
  const value = params.get(name);
  if (value !== null && normalize(value) !== allowed) {
    throw new OtpauthUriError(`Unsupported ${name} "${value}": AWS virtual MFA devices use ${name}=${allowed}.`);
  }
}

/**
 * Reads a Key URI (`otpauth://totp/LABEL?secret=...&issuer=...`) as AWS MFA devices use it:
 * only TOTP with SHA-1, 6 digits and a 30-second period is accepted; anything else is refused
 * with a message saying why, since codes computed otherwise would be rejected by AWS.
 */
export function parseOtpauthUri(uri: string): OtpauthTotp {
  let url: URL;
  try {
    url = new URL(uri.trim());
  } catch {
    throw new OtpauthUriError('This is not a URI: expected otpauth://totp/LABEL?secret=...');
  }
  if (url.protocol !== 'otpauth:') {
    throw new OtpauthUriError(`Expected an otpauth:// URI, got "${url.protocol}//".`);
  }
  const type = url.host.toLowerCase();
  if (type === 'hotp') throw new OtpauthUriError('HOTP (counter-based) codes are not supported: AWS MFA uses TOTP.');
  if (type !== 'totp') throw new OtpauthUriError(`Unknown OTP type "${url.host}": expected otpauth://totp/...`);

  const params = url.searchParams;
  const rawSecret = params.get('secret');
  if (rawSecret === null || rawSecret.trim() === '') throw new OtpauthUriError('The URI has no secret parameter.');
  let secret: string;
  try {
    secret = normalizeBase32Secret(rawSecret);
  } catch (error) {
    throw new OtpauthUriError(errorMessage(error));
  }
  if (Math.floor((secret.length * 5) / 8) < MIN_SECRET_BYTES) {
    throw new OtpauthUriError(`The secret is too short: at least ${MIN_SECRET_BYTES} bytes are needed.`);
  }
  expectParam(params, 'algorithm', 'SHA1', (v) => v.toUpperCase().replace('-', ''));
  expectParam(params, 'digits', String(TOTP_DIGITS), (v) => v.trim());
  expectParam(params, 'period', String(TOTP_PERIOD_SECONDS), (v) => v.trim());

  let fullLabel: string;
  try {
    fullLabel = decodeURIComponent(url.pathname.replace(/^\//, ''));
  } catch {
    throw new OtpauthUriError('The label is not valid percent-encoding.');
  }
  const colon = fullLabel.indexOf(':');
  const labelIssuer = colon === -1 ? undefined : fullLabel.slice(0, colon).trim();
  const label = (colon === -1 ? fullLabel : fullLabel.slice(colon + 1)).trim();
  const issuer = params.get('issuer') ?? labelIssuer;
  return issuer ? { secret, label, issuer } : { secret, label };
}

/** The URI AWS puts in a virtual MFA device's QR code: `otpauth://totp/NAME@ACCOUNT?secret=SEED`. */
export function buildOtpauthUri(label: string, base32Secret: string, issuer?: string): string {
  const query = new URLSearchParams({ secret: normalizeBase32Secret(base32Secret) });
  if (issuer) query.set('issuer', issuer);
  return `otpauth://totp/${encodeURIComponent(label).replace(/%40/g, '@')}?${query.toString()}`;
}
