// Text from the AWS files reaches the renderer in problem and error messages and in the review diff, and a line of a
// credentials file can be a pasted secret. The ini reader no longer quotes lines; this stays as the second guard.
export const MASK = '********';

/** Secret keys are 40 characters, session tokens hundreds: no name or ARN part we show is this long unbroken. */
const SECRET_LIKE = /[A-Za-z0-9/+=]{32,}/g;

/** Replaces every occurrence of the given secrets (shorter than 8 characters they could match anything). */
export function maskKnownSecrets(text: string, knownSecrets: readonly string[]): string {
  let out = text;
  for (const secret of knownSecrets) if (secret.length >= 8) out = out.split(secret).join(MASK);
  return out;
}

export function maskSecrets(text: string): string {
  return text.replace(SECRET_LIKE, MASK);
}
