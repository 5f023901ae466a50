// The profile model: what the AWS CLI sees in ~/.aws, plus MFA pairs, role chains and cached role expiry.
export type * from './types';
export { buildProfileModel, type ProfileModelInput } from './build-model';
export { loadProfileModel } from './load-model';
export { PAIRING_KEY, DURATION_KEY } from './mfa-pairing';
export { naiveStampZone, parseExpiration } from './expiration';
export { roleCacheKey } from './role-cache-key';
export { SECRET_KEYS, REDACTED, redactSettings } from './secrets';
export {
  BOTOCORE_ROLE_REFRESH_MS,
  checkRoleCacheWritable,
  readRoleCacheKeys,
  roleCachePath,
  writeRoleCacheEntry,
  type AssumedRoleEntry,
  type CachedRoleKeys,
} from './role-cache-file';
export { roleLayout, type RoleLayout } from './mfa-roles';
