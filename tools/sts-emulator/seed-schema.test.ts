import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeedFile, parseSeed, SeedError } from './seed-schema';
import { scenarioSeed } from '../../testing/scenario/scenario';

const user = (overrides: Record<string, unknown> = {}) => ({
  name: 'Alice',
  accessKeys: [{ id: 'AKIAAAAAAAAAAAAAAAAA', secret: 'secret-secret-secret' }],
  mfaDevices: [{ serial: 'arn:aws:iam::111111111111:mfa/Alice', secret: 'JV4VEZLQN5ZWS5DPOJ4VK43FOIWXGY3F' }],
  ...overrides,
});

describe('parseSeed', () => {
  it('accepts the scenario seed and fills defaults', () => {
    const role = scenarioSeed.accounts[1]!.roles[0]!;
    expect(role).toMatchObject({ name: 'MyRepositoryContributorRole', path: '/', maxSessionDuration: 3600 });
    expect(role.trust).toEqual({ accounts: ['111111111111'], mfaRequired: true, maxMfaAgeSeconds: 86400 });
    expect(
      parseSeed({ accounts: [{ id: '111111111111', users: [user()] }] }).accounts[0]!.users[0]!.accessKeys[0]!.status,
    ).toBe('Active');
  });

  it('lists every problem with its path, without echoing secrets', () => {
    const bad = {
      accounts: [
        {
          id: '1111',
          users: [
            user({ mfaDevices: [{ serial: 'arn:aws:iam::111111111111:mfa/Alice', secret: 'NOT*BASE32*SECRET' }] }),
            user(),
          ],
          roles: [{ name: 'R', maxSessionDuration: 60, trust: { accounts: [] } }],
        },
      ],
    };
    let message = '';
    try {
      parseSeed(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(SeedError);
      message = (error as Error).message;
    }
    expect(message).toContain('accounts.0.id: an AWS account id is 12 digits');
    expect(message).toContain('accounts.0.users.0.mfaDevices.0.secret: The TOTP secret is not valid base32');
    expect(message).toContain('accounts.0.users.1.name: duplicate user Alice');
    expect(message).toContain('accounts.0.users.1.accessKeys.0.id: duplicate access key');
    expect(message).toContain('accounts.0.roles.0.maxSessionDuration');
    expect(message).toContain('accounts.0.roles.0.trust.accounts: a role must trust at least one account');
    expect(message).not.toContain('NOT*BASE32*SECRET');
    expect(message).not.toContain('secret-secret-secret');
  });

  it('refuses an MFA device that belongs to another account', () => {
    const seed = { accounts: [{ id: '222222222222', users: [user()] }] };
    expect(() => parseSeed(seed)).toThrow(/MFA device must belong to account 222222222222/);
  });
});

describe('loadSeedFile', () => {
  it('names the file when it is missing or not JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seed-'));
    try {
      await expect(loadSeedFile(join(dir, 'none.json'))).rejects.toThrow(/Cannot read seed file .*none\.json: ENOENT/);
      await writeFile(join(dir, 'bad.json'), '{ nope');
      await expect(loadSeedFile(join(dir, 'bad.json'))).rejects.toThrow(/bad\.json is not JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
