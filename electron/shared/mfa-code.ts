// What counts as an MFA code wherever one is typed (the dialog's field, the CLI's prompt): six digits, in any
// grouping people paste ("123 456", "123-456").

export const CODE_LENGTH = 6;

/** The input without the separators people group codes with; `extra` tells whether anything but digits remains. */
export function withoutSeparators(raw: string): { text: string; digits: string; extra: boolean } {
  const text = raw.replace(/[\s\-–.]/g, '');
  const digits = text.replace(/\D/g, '');
  return { text, digits, extra: digits.length !== text.length };
}

/** Why a typed line is not a code (undefined when it is one), for a prompt that asks again. */
export function codeProblem(raw: string): string | undefined {
  const { digits, extra } = withoutSeparators(raw);
  if (extra) return `Only digits, please: the code is ${CODE_LENGTH} digits from your authenticator.`;
  if (digits.length !== CODE_LENGTH)
    return `That was ${digits.length} digit${digits.length === 1 ? '' : 's'}; the code has ${CODE_LENGTH}.`;
  return undefined;
}
