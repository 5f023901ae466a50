export { decodeBase32Secret, encodeBase32, InvalidTotpSecretError, normalizeBase32Secret } from './base32';
export { generateTotp, MIN_SECRET_BYTES, TOTP_DIGITS, verifyTotp } from './codes';
export { msUntilNextWindow, TOTP_PERIOD_SECONDS, totpWindow } from './windows';
export { buildOtpauthUri, OtpauthUriError, parseOtpauthUri } from './otpauth-uri';
export type { OtpauthTotp } from './otpauth-uri';
