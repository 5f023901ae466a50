// The shell lines that put one profile's keys into a terminal's environment, in the shapes of
// `aws configure export-credentials --format env|powershell`. Built in main and written straight to the
// clipboard: the renderer never sees them.
import type { Profile } from '../core/profiles/types';

export type ExportFormat = 'env' | 'powershell';

const VARIABLES = [
  ['AWS_ACCESS_KEY_ID', 'aws_access_key_id'],
  ['AWS_SECRET_ACCESS_KEY', 'aws_secret_access_key'],
  ['AWS_SESSION_TOKEN', 'aws_session_token'],
] as const;

export class ExportLinesError extends Error {}

export function exportFormatFor(platform: NodeJS.Platform): ExportFormat {
  return platform === 'win32' ? 'powershell' : 'env';
}

/** Throws ExportLinesError (secret-free message) when the profile holds no usable key pair. */
export function buildExportLines(profile: Profile, format: ExportFormat, expiration?: Date): string {
  const values: Array<[string, string]> = [];
  for (const [variable, key] of VARIABLES) {
    const value =
      profile.settings[key] ?? (key === 'aws_session_token' ? profile.settings.aws_security_token : undefined);
    if (typeof value === 'string' && value !== '') values.push([variable, value]);
  }
  const names = values.map(([variable]) => variable);
  if (!names.includes('AWS_ACCESS_KEY_ID') || !names.includes('AWS_SECRET_ACCESS_KEY')) {
    const hint =
      profile.kind === 'role'
        ? ' It is a role profile: its keys come from AssumeRole; use `aws configure export-credentials --profile ' +
          profile.name +
          '`.'
        : '';
    throw new ExportLinesError(`Profile ${profile.name} holds no access key pair.${hint}`);
  }
  if (expiration) values.push(['AWS_CREDENTIAL_EXPIRATION', expiration.toISOString()]);
  return values.map(([variable, value]) => line(format, variable, value)).join('\n') + '\n';
}

function line(format: ExportFormat, variable: string, value: string): string {
  if (format === 'powershell') return `$Env:${variable}="${value}"`;
  // Keys and tokens are base64-ish, but quote anyway so a stray character cannot break the shell line.
  return `export ${variable}='${value.replaceAll("'", `'\\''`)}'`;
}
