// What the one code field accepts: digits typed or pasted in any grouping ("123 456", "123-456"), as the CLI's
// prompt does (electron/shared/mfa-code.ts).
import { CODE_LENGTH, withoutSeparators } from '../../../electron/shared/mfa-code';

export { CODE_LENGTH };

/** Keeps the digits, at most six; returns what was dropped so the field can say why. */
export function normalizeCode(raw: string): { code: string; rejected: boolean } {
  const { digits, extra } = withoutSeparators(raw);
  return { code: digits.slice(0, CODE_LENGTH), rejected: extra };
}

export function isCompleteCode(code: string): boolean {
  return code.length === CODE_LENGTH && /^\d+$/.test(code);
}
