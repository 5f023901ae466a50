// The profile model: what the AWS CLI would see in ~/.aws, plus what MFA Tray derives from it.
// Shared by renewal, expiry, the CLI and the Electron shell; secrets stay in `settings` and are never
// copied into the derived views (MfaSession, RoleProfile).
import type { FileProblem, FileRole } from '../aws-files/file-problem';

/** A value as botocore resolves it: a string, or a nested map for sub-sections such as `s3 =`. */
export type SettingValue = string | Readonly<Record<string, string>>;

export type ProfileKind =
  | 'long-term' // aws_access_key_id without a session token
  | 'mfa-session' // holds session keys and/or `expiration`, or is the target of a pairing
  | 'role' // role_arn with source_profile or credential_source
  | 'sso' // sso_session / sso_start_url
  | 'credential-process'
  | 'other';

export interface Profile {
  name: string;
  kind: ProfileKind;
  /** Effective settings, botocore's view: credentials file wins over config file for the same key. */
  settings: Readonly<Record<string, SettingValue>>;
  /** Which file each effective key came from. */
  origin: Readonly<Record<string, FileRole>>;
  /** Account ID derived from role_arn, mfa_serial or aws_account_id, when known. */
  accountId?: string;
  /** mfa_serial of this profile or, for a role, of the first profile in its chain that has one. */
  mfaSerial?: string;
}

export interface MfaSession {
  /** Profile holding the long-term keys (`FetchMfaCredentials`, aws-mfa's `NAME-long-term`). */
  source: string;
  /** Profile that receives the session keys (`MyRepositoryAssumer`). */
  target: string;
  /** mfa_serial of the source (or aws-mfa's aws_mfa_device); undefined when none is configured. */
  device?: string;
  /** get_session_token_duration_seconds of the source, when set. */
  durationSeconds?: number;
  /** Parsed `expiration` of the target (ISO-8601, or aws-mfa's `YYYY-MM-DD HH:MM:SS` UTC). */
  expiration?: Date;
  /** The target's `expiration` text when it could not be parsed (also reported in `problems`). */
  unparsedExpiration?: string;
  /** How the pair was found: the explicit key in the target's config section, or a naming convention. */
  pairedBy: 'explicit' | 'source-profile-mfa' | 'aws-mfa-long-term' | 'scenario';
  accountId?: string;
}

export interface RoleProfile {
  profile: string;
  roleArn: string;
  accountId?: string;
  region?: string;
  /** Profiles from this role down to the one holding credentials, e.g. [Contributor, Assumer]. */
  chain: string[];
  /** The MFA session (target profile) at the bottom of the chain, if any. */
  mfaSessionTarget?: string;
  mfaSerial?: string;
  /** Expiry of role credentials the AWS CLI cached in ~/.aws/cli/cache, when present. */
  cachedExpiration?: Date;
  /** Why the chain could not be resolved (cycle, missing profile), when it could not. */
  chainError?: string;
  /** Set when `mfa_serial` is on the role profile itself (AWS's documented MFA layout): MFA Tray renews it. */
  mfaRole?: MfaRole;
}

/**
 * A role whose own profile names the MFA device: botocore sends SerialNumber and a TokenCode it prompts for with
 * every AssumeRole, and caches the result under `cacheKey`. MFA Tray assumes it the same way and writes that entry.
 */
export interface MfaRole {
  /** The role profile's mfa_serial. */
  device: string;
  /** botocore's cache key for this profile: ~/.aws/cli/cache/<cacheKey>.json. */
  cacheKey: string;
  /** Where AssumeRole's signing keys come from: the source profile's keys, or credential_source. */
  signer: MfaRoleSigner;
  /** duration_seconds as botocore reads it (int); absent when unset (AssumeRole's default, 1 h). */
  durationSeconds?: number;
  roleSessionName?: string;
  externalId?: string;
}

export type MfaRoleSigner =
  /** `temporary`: the profile holds session keys, so AssumeRole is role chaining (capped at 1 h). */
  { kind: 'profile'; profile: string; temporary: boolean } | { kind: 'credential-source'; name: string };

/**
 * What MFA Tray keeps of one role-credential file the AWS CLI cached in ~/.aws/cli/cache: never the keys,
 * only what identifies the role and when the credentials expire.
 */
export interface CachedRoleCredential {
  /** File name without `.json`: botocore's cache key (sha1 of the AssumeRole arguments). */
  cacheKey: string;
  /** Role ARN derived from AssumedRoleUser.Arn (`arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION`). */
  assumedRoleArn?: string;
  expiration?: Date;
}

export interface ProfileModel {
  profiles: ReadonlyMap<string, Profile>;
  ssoSessions: ReadonlyMap<string, Readonly<Record<string, SettingValue>>>;
  mfaSessions: readonly MfaSession[];
  roles: readonly RoleProfile[];
  problems: readonly FileProblem[];
}
