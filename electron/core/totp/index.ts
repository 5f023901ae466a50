export { decodeBase32Secret, encodeBase32, InvalidTotpSecretError, normalizeBase32Secret } from './base32';
export {
  generateTotp,
  MIN_SECRET_BYTES,
  msUntilNextWindow,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  totpWindow,
  verifyTotp,
} from './codes';
export { buildOtpauthUri, OtpauthUriError, parseOtpauthUri } from './otpauth-uri';
export type { OtpauthTotp } from './otpauth-uri';
