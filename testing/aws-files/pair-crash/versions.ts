// What version N of the `mfa` session looks like in both files: keys and expiration that name their version.
export function pairVersionValues(version: number): Record<string, string> {
  return {
    aws_access_key_id: `ASIAVERSION${version}`,
    aws_secret_access_key: `secret-of-version-${version}`,
    aws_session_token: `token-of-version-${version}`,
    expiration: new Date(Date.UTC(2030, 0, 1) + version * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/** The version a key id or an expiration stamp names, or undefined. */
export function versionOfKey(keyId: unknown): number | undefined {
  const match = typeof keyId === 'string' ? /^ASIAVERSION(\d+)$/.exec(keyId) : null;
  return match ? Number(match[1]) : undefined;
}

export function versionOfExpiration(stamp: unknown): number | undefined {
  if (typeof stamp !== 'string') return undefined;
  const minutes = (Date.parse(stamp) - Date.UTC(2030, 0, 1)) / 60_000;
  return Number.isInteger(minutes) ? minutes : undefined;
}
