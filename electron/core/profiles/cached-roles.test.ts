import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCachedRoleCredentials } from './cached-roles';

const SECRET = 'cachedSecretValue/EXAMPLE';
const TOKEN = 'cachedSessionToken/EXAMPLE';

function cacheEntry(expiration: string, arn?: string): string {
  return JSON.stringify({
    Credentials: { AccessKeyId: 'ASIACACHED', SecretAccessKey: SECRET, SessionToken: TOKEN, Expiration: expiration },
    ...(arn ? { AssumedRoleUser: { AssumedRoleId: 'AROA:x', Arn: arn } } : {}),
    ResponseMetadata: { RequestId: 'r' },
  });
}

describe('readCachedRoleCredentials', () => {
  it('keeps cache key, assumed-role ARN and expiry of each entry, and nothing secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-cache-'));
    const arn = 'arn:aws:sts::222222222222:assumed-role/Contributor/botocore-session-1';
    writeFileSync(join(dir, 'aaa.json'), cacheEntry('2030-01-01T01:00:00UTC', arn));
    writeFileSync(join(dir, 'bbb.json'), cacheEntry('2030-01-01T02:00:00+00:00'));
    writeFileSync(join(dir, 'broken.json'), '{"Credentials": ');
    writeFileSync(join(dir, 'sso-token.json'), JSON.stringify({ accessToken: 'x', expiresAt: '2030-01-01T00:00:00Z' }));
    writeFileSync(join(dir, 'notes.txt'), cacheEntry('2030-01-01T01:00:00Z'));
    mkdirSync(join(dir, 'folder.json'));

    const entries = await readCachedRoleCredentials(dir);
    const sorted = entries.sort((a, b) => a.cacheKey.localeCompare(b.cacheKey));
    expect(sorted).toEqual([
      { cacheKey: 'aaa', assumedRoleArn: arn, expiration: new Date('2030-01-01T01:00:00Z') },
      { cacheKey: 'bbb', expiration: new Date('2030-01-01T02:00:00Z') },
    ]);
    const kept = JSON.stringify(entries);
    expect(kept).not.toContain(SECRET);
    expect(kept).not.toContain(TOKEN);
  });

  it('treats a missing cache folder as an empty cache', async () => {
    expect(await readCachedRoleCredentials(join(tmpdir(), 'no-such-cache-folder-xyz'))).toEqual([]);
  });
});
