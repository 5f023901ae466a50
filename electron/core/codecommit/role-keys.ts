// A role profile's credentials for CodeCommit, shared with the AWS CLI through its own assume-role cache
// (~/.aws/cli/cache/<botocore cache key>.json, botocore's JSONFileCache format): a cached entry with enough life
// left is used as is, otherwise the role is assumed with the MFA session's keys and the entry is rewritten, so
// `aws codecommit credential-helper`, `aws --profile ROLE` and we agree on one set of role keys.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../aws-files';
import type { ProfileModel } from '../profiles';
import { roleCacheKey } from '../profiles/role-cache-key';
import { ROLE_CHAINING_MAX_SECONDS } from '../../shared/vocabulary/sts-limits';
import type { AssumedRole, StsFailure, StsGateway } from '../sts';
import type { Clock } from '../time/clock';

/** botocore refreshes cached role keys with less than 15 minutes left; ours must outlive that to be shared. */
export const ROLE_KEYS_MIN_REMAINING_MS = 15 * 60_000;

export interface RoleKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

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
  const cachePath = join(deps.cacheDir, `${cacheKey}.json`);
  const cached = await readCachedKeys(cachePath);
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
    // botocore creates the cache folder the same way when it first caches a role.
    await mkdir(deps.cacheDir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(cachePath, cacheEntry(result.value), 0o600);
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = result.value;
    return { ok: true, keys: { accessKeyId, secretAccessKey, sessionToken, expiration }, cached: false };
  } finally {
    gateway.close();
  }
}

/** The entry as botocore writes it: the AssumeRole response, Expiration in ISO-8601 with its offset. */
function cacheEntry(role: AssumedRole): string {
  return JSON.stringify({
    Credentials: {
      AccessKeyId: role.accessKeyId,
      SecretAccessKey: role.secretAccessKey,
      SessionToken: role.sessionToken,
      Expiration: role.expiration.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    },
    AssumedRoleUser: { Arn: role.assumedRoleArn },
  });
}

async function readCachedKeys(path: string): Promise<RoleKeys | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { Credentials?: Record<string, unknown> };
    const c = parsed.Credentials ?? {};
    const expiration = typeof c.Expiration === 'string' ? new Date(c.Expiration) : undefined;
    if (
      typeof c.AccessKeyId !== 'string' ||
      typeof c.SecretAccessKey !== 'string' ||
      typeof c.SessionToken !== 'string'
    )
      return undefined;
    if (!expiration || Number.isNaN(expiration.getTime())) return undefined;
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration };
  } catch {
    // Missing, unreadable or not JSON: botocore would ignore it too and assume the role again.
    return undefined;
  }
}
