// Which MFA session a command line names, and whether its keys in the AWS files are still good to use:
// shared by credential-process and git-credential, which both renew on the terminal when they are not.
import type { ProfileModel } from '../../core/profiles';
// Leaf files, not the indexes: none loads the STS client or zod (git's helper reads them on every fetch).
import { readRoleCacheKeys } from '../../core/profiles/role-cache-file';
import { formatExpiration, targetExpiration } from '../../core/renewal/session-expiration';
import { isMfaRoleTarget, roleKeysFresh } from '../../core/renewal/role-target';
import { isStillValid } from '../../core/renewal/validity';

export interface ProcessCredentials {
  Version: 1;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

/** The session profile named (or an MFA role profile), or the one a named source profile renews. */
export function sessionTarget(model: ProfileModel, profile: string): string {
  if (model.mfaSessions.some((s) => s.target === profile) || isMfaRoleTarget(model, profile)) return profile;
  const bySource = model.mfaSessions.filter((s) => s.source === profile);
  return bySource.length === 1 && bySource[0] ? bySource[0].target : profile;
}

/** Why `profile` has no MFA session keys to hand out, or undefined when it names a session MFA Tray renews. */
export function notASession(model: ProfileModel, profile: string, target: string): string | undefined {
  if (model.mfaSessions.some((s) => s.target === target) || isMfaRoleTarget(model, target)) return undefined;
  const sessions = [
    ...model.mfaSessions.map((s) => s.target),
    ...model.roles.filter((r) => r.mfaRole).map((r) => r.profile),
  ]
    .map((name) => `"${name}"`)
    .join(', ');
  const hint = sessions ? ` MFA sessions here: ${sessions}.` : ' No profile here is paired with an MFA device.';
  const existing = model.profiles.get(profile);
  if (!existing) return `There is no profile "${profile}" in the AWS config or credentials file.${hint}`;
  return `Profile "${profile}" is a ${existing.kind} profile, not an MFA session that MFA Tray renews.${hint}`;
}

/** What a helper saw when it found the target's keys unusable: renewal shares any renewal made since (renew's `seen`). */
export function seenSession(model: ProfileModel, target: string): { expiration?: Date } {
  const expiration = targetExpiration(model, target);
  return expiration ? { expiration } : {};
}

/** The target's keys when all three are there and the session is still valid (core/renewal's margin); else undefined. */
export function validCredentials(model: ProfileModel, target: string, nowMs: number): ProcessCredentials | undefined {
  const settings = model.profiles.get(target)?.settings ?? {};
  const expiration = targetExpiration(model, target);
  const { aws_access_key_id: id, aws_secret_access_key: secret, aws_session_token: token } = settings;
  if (!isStillValid(expiration, nowMs)) return undefined;
  if (typeof id !== 'string' || typeof secret !== 'string' || typeof token !== 'string' || !id || !secret || !token)
    return undefined;
  return {
    Version: 1,
    AccessKeyId: id,
    SecretAccessKey: secret,
    SessionToken: token,
    Expiration: formatExpiration(expiration),
  };
}

/**
 * The keys to hand out for `target`: an MFA role's from the AWS CLI's cache entry (while botocore would use it:
 * over 15 minutes left), a session's from the AWS files; undefined when they are missing or due.
 */
export async function targetCredentials(
  model: ProfileModel,
  target: string,
  cacheDir: string,
  nowMs: number,
): Promise<ProcessCredentials | undefined> {
  const mfaRole = model.roles.find((r) => r.profile === target)?.mfaRole;
  if (!mfaRole || !isMfaRoleTarget(model, target)) return validCredentials(model, target, nowMs);
  const keys = await readRoleCacheKeys(cacheDir, mfaRole.cacheKey);
  if (!keys || !roleKeysFresh(keys.expiration, nowMs)) return undefined;
  return {
    Version: 1,
    AccessKeyId: keys.accessKeyId,
    SecretAccessKey: keys.secretAccessKey,
    SessionToken: keys.sessionToken,
    Expiration: formatExpiration(keys.expiration),
  };
}
