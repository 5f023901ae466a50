// Problems in the AWS files never quote a whole line, but they may quote a key name, and a pasted token ending
// in '=' reads as a key; write errors come from outside. Renewal outcomes reach terminals, notifications and
// logs, so secret-like runs are masked first.

/**
 * A run of 24+ base64 characters mixing digits, upper and lower case: secret keys are 40 such characters and
 * session tokens hundreds, while profile names, keys and paths (which start with '/') rarely look like that.
 */
const SECRET_LIKE =
  /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+=]*\d)(?=[A-Za-z0-9/+=]*[A-Z])(?=[A-Za-z0-9/+=]*[a-z])[A-Za-z0-9+=][A-Za-z0-9/+=]{23,}/g;

export function maskSecretLike(text: string): string {
  return text.replace(SECRET_LIKE, '********');
}
