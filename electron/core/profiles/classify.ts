// Which kind of credentials a profile gives, in the order botocore's credential chain tries them
// (credentials.create_credential_resolver): assume-role, web identity, SSO, the credentials file's static keys,
// credential_process, then the config file's static keys.
import type { FileRole } from '../aws-files/file-problem';
import type { ProfileKind, SettingValue } from './types';

type Settings = Readonly<Record<string, SettingValue>>;

export function hasSetting(settings: Settings, key: string): boolean {
  return typeof settings[key] === 'string';
}

export function stringSetting(settings: Settings, key: string): string | undefined {
  const value = settings[key];
  return typeof value === 'string' ? value : undefined;
}

/** botocore's _has_static_credentials: either half of a key pair counts. */
export function hasStaticCredentials(settings: Settings): boolean {
  return hasSetting(settings, 'aws_access_key_id') || hasSetting(settings, 'aws_secret_access_key');
}

export function hasSessionToken(settings: Settings): boolean {
  return hasSetting(settings, 'aws_session_token') || hasSetting(settings, 'aws_security_token');
}

/** AssumeRoleProvider._has_assume_role_config_vars. */
export function isAssumeRoleProfile(settings: Settings): boolean {
  return hasSetting(settings, 'role_arn') && !hasSetting(settings, 'web_identity_token_file');
}

/** Kind from the settings alone; pairing can later turn a credential-less profile into an MFA session target. */
export function classifyProfile(settings: Settings, origin: Readonly<Record<string, FileRole>>): ProfileKind {
  if (isAssumeRoleProfile(settings)) return 'role';
  if (hasSetting(settings, 'web_identity_token_file')) return 'other';
  if (hasSetting(settings, 'sso_session') || hasSetting(settings, 'sso_start_url')) return 'sso';
  if (staticKeysIn(settings, origin, 'credentials')) return keyKind(settings);
  if (hasSetting(settings, 'credential_process')) return 'credential-process';
  if (staticKeysIn(settings, origin, 'config')) return keyKind(settings);
  // Renewal writes `expiration` before (or without) keys being readable: still the session's profile.
  if (hasSetting(settings, 'expiration') || hasSessionToken(settings)) return 'mfa-session';
  return 'other';
}

function staticKeysIn(settings: Settings, origin: Readonly<Record<string, FileRole>>, file: FileRole): boolean {
  return (
    (hasSetting(settings, 'aws_access_key_id') && origin.aws_access_key_id === file) ||
    (hasSetting(settings, 'aws_secret_access_key') && origin.aws_secret_access_key === file)
  );
}

function keyKind(settings: Settings): ProfileKind {
  return hasSessionToken(settings) || hasSetting(settings, 'expiration') ? 'mfa-session' : 'long-term';
}
