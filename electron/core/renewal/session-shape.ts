// A renewal leaves the target in the shape the tool that made it expects:
// - aws-mfa also writes `aws_security_token`, which botocore reads *before* `aws_session_token`
//   (credentials.py: TOKENS = ['aws_security_token', 'aws_session_token']): it gets the new token too;
// - `expiration` is updated where it already lives (aws-mfa and awsume keep it in the credentials file, which
//   wins over the config file for botocore and for us), in the format it already has: aws-mfa parses exactly
//   '%Y-%m-%d %H:%M:%S' (UTC), awsume (`manager = awsume`) writes local time the same way; else ISO-8601 UTC;
// - an aws-mfa `--assume-role` session holds role credentials: GetSessionToken would silently turn it into an
//   IAM-user session, so it is refused before any code is asked for.
import { naiveStampZone, type Profile } from '../profiles';
import type { RenewOutcome } from './types';

export type StampFormat = 'iso-utc' | 'naive-utc' | 'naive-local';

export interface SessionShape {
  /** aws_security_token is in the credentials file: it gets the new token too. */
  securityToken: boolean;
  expirationFile: 'config' | 'credentials';
  expirationFormat: StampFormat;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

const NAIVE_STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function text(profile: Profile | undefined, key: string): string | undefined {
  const value = profile?.settings[key];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** The target's shape, or a configuration outcome when renewing it with GetSessionToken would change what it is. */
export function sessionShape(target: Profile | undefined, name: string): SessionShape | RenewOutcome {
  if (text(target, 'assumed_role')?.toLowerCase() === 'true') {
    const role = text(target, 'assumed_role_arn');
    return {
      kind: 'configuration',
      category: 'user',
      message: `Profile "${name}" holds aws-mfa role credentials (assumed_role = True${role ? `, ${role}` : ''}); MFA Tray renews sessions with GetSessionToken and would turn it into an IAM-user session. Renew it with \`aws-mfa --assume-role ...\`, or define the role as a profile with role_arn and source_profile = ${name}. No code was asked for.`,
    };
  }
  const stamp = text(target, 'expiration');
  const naive = stamp !== undefined && NAIVE_STAMP.test(stamp);
  return {
    securityToken: target?.origin.aws_security_token === 'credentials',
    expirationFile: stamp !== undefined && target?.origin.expiration === 'credentials' ? 'credentials' : 'config',
    expirationFormat: !naive
      ? 'iso-utc'
      : target && naiveStampZone(target.settings) === 'local'
        ? 'naive-local'
        : 'naive-utc',
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The stamp in `format`: ISO as `aws sts get-session-token` prints it, or Python's '%Y-%m-%d %H:%M:%S'. */
export function formatStamp(date: Date, format: StampFormat): string {
  if (format === 'iso-utc') return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const local = format === 'naive-local';
  const parts = local
    ? [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()]
    : [
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
        date.getUTCHours(),
        date.getUTCMinutes(),
        date.getUTCSeconds(),
      ];
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** What the renewal writes, and which of those keys go to the credentials file besides the usual three. */
export function sessionValues(
  shape: SessionShape,
  credentials: IssuedCredentials,
): { values: Record<string, string>; credentialsFileKeys: string[] } {
  return {
    values: {
      aws_access_key_id: credentials.accessKeyId,
      aws_secret_access_key: credentials.secretAccessKey,
      aws_session_token: credentials.sessionToken,
      ...(shape.securityToken && { aws_security_token: credentials.sessionToken }),
      expiration: formatStamp(credentials.expiration, shape.expirationFormat),
    },
    credentialsFileKeys: shape.expirationFile === 'credentials' ? ['expiration'] : [],
  };
}

/** Stand-ins as long as real STS answers (session tokens run to about 1 KB; allow twice that) for the pre-flight check. */
export function standInCredentials(expiration: Date): IssuedCredentials {
  return {
    accessKeyId: 'ASIA' + 'X'.repeat(16),
    secretAccessKey: 'x'.repeat(40),
    sessionToken: 'x'.repeat(2048),
    expiration,
  };
}
