// A role profile's credentials for CodeCommit, shared with the AWS CLI through its own assume-role cache
// (~/.aws/cli/cache/<botocore cache key>.json, botocore's JSONFileCache format): a cached entry with enough life
// left is used as is, otherwise the role is assumed with the MFA session's keys and the entry is rewritten, so
// `aws codecommit credential-helper`, `aws --profile ROLE` and we agree on one set of role keys.
// Leaf modules, not the indexes: git's helper runs this on every fetch and must load no zod or SDK.
import type { ProfileModel } from '../profiles';
import { roleCacheKey } from '../profiles/role-cache-key';
import {
  BOTOCORE_ROLE_REFRESH_MS,
  readRoleCacheKeys,
  writeRoleCacheEntry,
  type CachedRoleKeys,
} from '../profiles/role-cache-file';
import { ROLE_CHAINING_MAX_SECONDS } from '../../shared/vocabulary/sts-limits';
import type { StsFailure, StsGateway } from '../sts';
import type { Clock } from '../time/clock';

/** botocore refreshes cached role keys with less than 15 minutes left; ours must outlive that to be shared. */
export const ROLE_KEYS_MIN_REMAINING_MS = BOTOCORE_ROLE_REFRESH_MS;

export type RoleKeys = CachedRoleKeys;

export type RoleKeysResult =
  { ok: true; keys: RoleKeys; cached: boolean } | { ok: false; message: string; failure?: StsFailure };

export interface RoleKeysDeps {
  model: ProfileModel;
  cacheDir: string;
  clock: Clock;
  /** Built only when the cache cannot answer, so a cached answer loads no SDK. */
  gateway: (sessionKeys: { accessKeyId: string; secretAccessKey: string; sessionToken: string }) => Promise<StsGateway>;
}

export async function roleKeysFor(roleProfile: string, deps: RoleKeysDeps): Promise<RoleKeysResult> {
  const { model } = deps;
  const role = model.roles.find((candidate) => candidate.profile === roleProfile);
  const settings = model.profiles.get(roleProfile)?.settings;
  if (!role || !settings) return { ok: false, message: `Profile "${roleProfile}" is not a role profile.` };
  if (role.chainError) return { ok: false, message: role.chainError };
  const cacheKey = roleCacheKey(settings);
  if (cacheKey === undefined) return { ok: false, message: `Profile "${roleProfile}" has no role_arn.` };
  const cached = await readRoleCacheKeys(deps.cacheDir, cacheKey);
  if (cached && cached.expiration.getTime() - deps.clock.now() > ROLE_KEYS_MIN_REMAINING_MS)
    return { ok: true, keys: cached, cached: true };

  const sourceName = role.chain[1];
  const source = sourceName === undefined ? undefined : model.profiles.get(sourceName)?.settings;
  const { aws_access_key_id: id, aws_secret_access_key: secret, aws_session_token: token } = source ?? {};
  if (typeof id !== 'string' || typeof secret !== 'string' || typeof token !== 'string') {
    return { ok: false, message: `The source profile "${sourceName ?? '?'}" of ${roleProfile} holds no session keys.` };
  }
  const gateway = await deps.gateway({ accessKeyId: id, secretAccessKey: secret, sessionToken: token });
  try {
    const duration = Number(
      typeof settings.duration_seconds === 'string' ? settings.duration_seconds : ROLE_CHAINING_MAX_SECONDS,
    );
    const sessionName =
      typeof settings.role_session_name === 'string'
        ? settings.role_session_name
        : `botocore-session-${Math.floor(deps.clock.now() / 1000)}`;
    const result = await gateway.assumeRole({
      roleArn: role.roleArn,
      roleSessionName: sessionName,
      durationSeconds: Math.min(duration, ROLE_CHAINING_MAX_SECONDS),
    });
    if (!result.ok) return { ok: false, message: result.failure.message, failure: result.failure };
    await writeRoleCacheEntry(deps.cacheDir, cacheKey, result.value);
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = result.value;
    return { ok: true, keys: { accessKeyId, secretAccessKey, sessionToken, expiration }, cached: false };
  } finally {
    gateway.close();
  }
}
