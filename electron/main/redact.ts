// Removes anything that looks like a secret before text reaches a log file: values of secret-named fields,
// AWS secret access keys, session tokens, base32 TOTP seeds, otpauth URIs and MFA codes next to their name.
const SECRET_FIELD = /secret|token|password|passphrase|seed|otp|^code$|privatekey|credentials?$/i;
export const REDACTED = '[redacted]';

const PATTERNS: RegExp[] = [
  // otpauth://totp/...?secret=... (the whole URI: label and issuer are harmless, but the secret rides inside).
  /otpauth:\/\/[^\s"']+/gi,
  // key = value / key: value / "key":"value" pairs whose name says secret, in ini, JSON or env-line form.
  /((?:aws_secret_access_key|aws_session_token|aws_security_token|secret_?access_?key|session_?token|secret|token|code|seed)["']?\s*[=:]\s*["']?)[^\s"',}]+/gi,
  // Session tokens: long base64 runs.
  /[A-Za-z0-9+/]{100,}={0,2}/g,
  // Secret access keys: exactly 40 base64 characters, not part of a longer run.
  /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g,
  // Base32 TOTP seeds (AWS hands out 64 upper-case characters); 24 and up leaves 20-character key IDs readable.
  /(?<![A-Z2-7])[A-Z2-7]{24,}={0,6}(?![A-Z2-7])/g,
];

export function redactText(text: string): string {
  let result = text;
  for (const pattern of PATTERNS) {
    result = result.replace(pattern, (match, prefix?: unknown) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return result;
}

/** A JSON-safe copy with secret-named fields replaced and every string redacted. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[too deep]';
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        SECRET_FIELD.test(key) ? REDACTED : redactValue(item, depth + 1),
      ]),
    );
  }
  return value;
}
