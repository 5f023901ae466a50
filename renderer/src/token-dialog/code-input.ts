// What the one code field accepts: digits typed or pasted in any grouping ("123 456", "123-456").

export const CODE_LENGTH = 6;

/** Keeps the digits, at most six; returns what was dropped so the field can say why. */
export function normalizeCode(raw: string): { code: string; rejected: boolean } {
  const withoutSeparators = raw.replace(/[\s\-–.]/g, '');
  const digits = withoutSeparators.replace(/\D/g, '');
  return { code: digits.slice(0, CODE_LENGTH), rejected: digits.length !== withoutSeparators.length };
}

export function isCompleteCode(code: string): boolean {
  return code.length === CODE_LENGTH && /^\d+$/.test(code);
}
