// AWS files with `count` profiles in the scenario's shape (long-term keys, MFA session, two roles per user),
// spread over accounts, for the dashboard's scale test and bench/renderer.bench.ts.
export function manyProfiles(count: number, nowMs: number): { config: string; credentials: string } {
  const config: string[] = [];
  const credentials: string[] = [];
  for (let user = 0; user * 4 < count; user++) {
    const account = String(100000000000 + user);
    const expiration = new Date(nowMs + ((user % 48) - 4) * 1800_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const key = `AKIA${String(user).padStart(16, '0')}`;
    config.push(
      `[profile Keys${user}]`,
      `mfa_serial = arn:aws:iam::${account}:mfa/user${user}`,
      '',
      `[profile Session${user}]`,
      `mfa_tray_source_profile = Keys${user}`,
      `expiration = ${expiration}`,
      '',
      `[profile Deploy${user}]`,
      `role_arn = arn:aws:iam::${account}:role/Deploy`,
      `source_profile = Session${user}`,
      'region = eu-west-1',
      '',
      `[profile Read${user}]`,
      `role_arn = arn:aws:iam::${account}:role/Read`,
      `source_profile = Session${user}`,
      '',
    );
    credentials.push(`[Keys${user}]`, `aws_access_key_id = ${key}`, `aws_secret_access_key = ${'x'.repeat(40)}`, '');
  }
  return { config: config.join('\n'), credentials: credentials.join('\n') };
}
