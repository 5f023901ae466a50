// The files other MFA tools leave behind, byte for byte, so tests can renew them and check that those tools (and
// botocore) still read them. Both tools write with Python's configparser (`[section]`, `key = value` lines, a
// blank line after every section, the whole file rewritten) and keep the session in the *credentials* file:
// - broamski/aws-mfa (awsmfa/__init__.py, get_credentials): `[NAME-long-term]` holds aws_access_key_id,
//   aws_secret_access_key and aws_mfa_device; `[NAME]` gets assumed_role = False|True (+ assumed_role_arn),
//   the key pair, aws_session_token AND aws_security_token (same token, "to support boto and boto3"), and
//   expiration = Expiration.strftime('%Y-%m-%d %H:%M:%S') — UTC, no zone; it reads it back with strptime.
// - trek10inc/awsume (`awsume SOURCE -o NAME`, app.py export_data): `[NAME]` gets manager = awsume (its mark
//   for profiles it may overwrite), the key pair, aws_session_token, region and expiration in local time, no zone.
import { scenario } from '../scenario/scenario';

export interface IssuedSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** Python's str(datetime) without microseconds: `YYYY-MM-DD HH:MM:SS`, from UTC or local fields. */
export function pythonStamp(date: Date, zone: 'utc' | 'local'): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return zone === 'utc'
    ? `${date.getUTCFullYear()}-${p(date.getUTCMonth() + 1)}-${p(date.getUTCDate())} ${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())}`
    : `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
}

function section(name: string, entries: Array<[string, string]>): string {
  return `[${name}]\n${entries.map(([k, v]) => `${k} = ${v}\n`).join('')}\n`;
}

/** aws-mfa's credentials file after `aws-mfa --profile NAME` (or `--assume-role ARN`) ran once. */
export function awsMfaCredentials(
  name: string,
  session: IssuedSession,
  expiration: Date,
  assumedRoleArn?: string,
): string {
  return (
    section(`${name}-long-term`, [
      ['aws_access_key_id', scenario.activeKey.id],
      ['aws_secret_access_key', scenario.activeKey.secret],
      ['aws_mfa_device', scenario.mfaSerial],
    ]) +
    section(name, [
      ['assumed_role', assumedRoleArn ? 'True' : 'False'],
      ...(assumedRoleArn ? [['assumed_role_arn', assumedRoleArn] as [string, string]] : []),
      ['aws_access_key_id', session.accessKeyId],
      ['aws_secret_access_key', session.secretAccessKey],
      ['aws_session_token', session.sessionToken],
      ['aws_security_token', session.sessionToken],
      ['expiration', pythonStamp(expiration, 'utc')],
    ])
  );
}

/** awsume's credentials file after `awsume SOURCE -o NAME`, SOURCE's long-term keys in the same file. */
export function awsumeCredentials(source: string, name: string, session: IssuedSession, expiration: Date): string {
  return (
    section(source, [
      ['aws_access_key_id', scenario.activeKey.id],
      ['aws_secret_access_key', scenario.activeKey.secret],
    ]) +
    section(name, [
      ['manager', 'awsume'],
      ['aws_access_key_id', session.accessKeyId],
      ['aws_secret_access_key', session.secretAccessKey],
      ['aws_session_token', session.sessionToken],
      ['region', scenario.region],
      ['expiration', pythonStamp(expiration, 'local')],
    ])
  );
}

/** The config file awsume reads the source's device from. */
export function awsumeConfig(source: string): string {
  return `[profile ${source}]\nmfa_serial = ${scenario.mfaSerial}\nregion = ${scenario.region}\n`;
}
