// One role's entry in the AWS CLI's assume-role cache (~/.aws/cli/cache/<botocore key>.json, botocore's
// JSONFileCache): the one reader and writer of its keys, for CodeCommit's git helper, renewal and credential_process.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { prepareAtomicWrite, writeFileAtomic } from '../aws-files/atomic-write';

/** botocore treats cached role keys with less than 15 minutes left as expired and assumes the role again. */
export const BOTOCORE_ROLE_REFRESH_MS = 15 * 60_000;

export interface CachedRoleKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** What AssumeRole answered, as the entry needs it. */
export interface AssumedRoleEntry extends CachedRoleKeys {
  assumedRoleArn: string;
}

export const roleCachePath = (cacheDir: string, cacheKey: string): string => join(cacheDir, `${cacheKey}.json`);

/** The keys of an entry, or undefined when it is missing, unreadable or incomplete (botocore ignores those too). */
export async function readRoleCacheKeys(cacheDir: string, cacheKey: string): Promise<CachedRoleKeys | undefined> {
  try {
    const parsed = JSON.parse(await readFile(roleCachePath(cacheDir, cacheKey), 'utf8')) as {
      Credentials?: Record<string, unknown>;
    };
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
    return undefined;
  }
}

/** The entry as botocore writes it: the AssumeRole response, Expiration in ISO-8601 with its offset; 0600, atomic. */
export async function writeRoleCacheEntry(cacheDir: string, cacheKey: string, role: AssumedRoleEntry): Promise<void> {
  // botocore creates the cache folder the same way when it first caches a role.
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(roleCachePath(cacheDir, cacheKey), cacheEntry(role), 0o600);
}

/** Before a code is spent: the folder can be made and takes a temp file of an entry's size (removed at once). */
export async function checkRoleCacheWritable(cacheDir: string, cacheKey: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  const standIn = cacheEntry({
    accessKeyId: 'A'.repeat(20),
    secretAccessKey: 'S'.repeat(40),
    sessionToken: 'T'.repeat(2048),
    expiration: new Date(0),
    assumedRoleArn: 'R'.repeat(256),
  });
  const prepared = await prepareAtomicWrite(
    roleCachePath(cacheDir, cacheKey),
    new TextEncoder().encode(standIn),
    0o600,
  );
  await prepared.discard();
}

function cacheEntry(role: AssumedRoleEntry): string {
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
