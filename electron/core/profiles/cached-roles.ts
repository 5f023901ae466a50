// Reads the AWS CLI's role-credential cache (~/.aws/cli/cache/*.json, botocore's JSONFileCache). Only the
// file name (the cache key), AssumedRoleUser.Arn and Credentials.Expiration are kept: the keys in these
// files are never copied out.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseExpiration } from './expiration';
import type { CachedRoleCredential } from './types';

/** Cache entries are a few hundred bytes; anything far larger is not one of them. */
const MAX_CACHE_FILE_BYTES = 64 * 1024;

/**
 * Every readable role-credential entry of the cache folder. A missing folder is an empty cache; files the
 * AWS CLI itself would ignore (unreadable, not JSON, SSO token caches without an expiry) are skipped, like
 * botocore skips them.
 */
export async function readCachedRoleCredentials(cacheDir: string): Promise<CachedRoleCredential[]> {
  let names: string[];
  try {
    names = await readdir(cacheDir);
  } catch {
    return [];
  }
  const entries = await Promise.all(
    names
      .filter((name) => name.endsWith('.json'))
      .map((name) => readEntry(join(cacheDir, name), name.slice(0, -'.json'.length))),
  );
  return entries.filter((entry): entry is CachedRoleCredential => entry !== undefined);
}

async function readEntry(path: string, cacheKey: string): Promise<CachedRoleCredential | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_CACHE_FILE_BYTES) return undefined;
    return cachedRoleFromJson(cacheKey, await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The non-secret facts of one cache file's text, or undefined when it holds no expiring credentials. */
function cachedRoleFromJson(cacheKey: string, text: string): CachedRoleCredential | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const expirationText = field(field(parsed, 'Credentials'), 'Expiration');
  const expiration = typeof expirationText === 'string' ? parseExpiration(expirationText) : undefined;
  if (expiration === undefined) return undefined;
  const assumedRoleArn = field(field(parsed, 'AssumedRoleUser'), 'Arn');
  return typeof assumedRoleArn === 'string' ? { cacheKey, assumedRoleArn, expiration } : { cacheKey, expiration };
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}
