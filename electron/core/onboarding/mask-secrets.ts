// Problem messages from the ini reader quote the offending line, and in a credentials file that line can be a
// pasted secret. Anything that reaches the renderer from the files passes through here first.
export const MASK = '********';

/** Secret keys are 40 characters, session tokens hundreds: no name or ARN part we show is this long unbroken. */
const SECRET_LIKE = /[A-Za-z0-9/+=]{32,}/g;

export function maskSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) if (secret.length >= 8) out = out.split(secret).join(MASK);
  return out.replace(SECRET_LIKE, MASK);
}
