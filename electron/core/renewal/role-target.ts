// What makes a profile an MFA role target and when its cached keys are still good: apart from resolve-role so that
// the CLI's git helper and credential_process ask it without loading the STS client.
import type { ProfileModel } from '../profiles';
import { BOTOCORE_ROLE_REFRESH_MS } from '../profiles/role-cache-file';

/** A role profile with mfa_serial of its own: renewed with AssumeRole (not GetSessionToken). */
export function isMfaRoleTarget(model: ProfileModel, target: string): boolean {
  const settings = model.profiles.get(target)?.settings ?? {};
  return model.roles.some((role) => role.profile === target) && typeof settings.mfa_serial === 'string';
}

/** botocore's test for cached role keys: usable while more than 15 minutes are left. */
export function roleKeysFresh(expiration: Date | undefined, nowMs: number): expiration is Date {
  return expiration !== undefined && expiration.getTime() - nowMs > BOTOCORE_ROLE_REFRESH_MS;
}
