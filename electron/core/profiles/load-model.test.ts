import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, rawConfigParse } from '../ini';
import { buildProfileModel } from './build-model';
import { loadProfileModel } from './load-model';
import { roleCacheKey } from './role-cache-key';
import { scenario } from '../../../testing/scenario/scenario';
import { SCENARIO_CREDENTIALS, scenarioConfig } from '../../../testing/scenario/scenario-files';

function awsFolder(config: string | Uint8Array, credentials: string | Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'load-model-'));
  const locations = {
    config: join(dir, 'config'),
    credentials: join(dir, 'credentials'),
    cliCacheDir: join(dir, 'cli', 'cache'),
  };
  writeFileSync(locations.config, config);
  writeFileSync(locations.credentials, credentials);
  return locations;
}

describe('loadProfileModel', () => {
  it('reads the scenario’s files and the CLI’s cached role credentials', async () => {
    const locations = awsFolder(scenarioConfig(), SCENARIO_CREDENTIALS);
    mkdirSync(locations.cliCacheDir, { recursive: true });
    const key = roleCacheKey({ role_arn: scenario.roleArn })!;
    writeFileSync(
      join(locations.cliCacheDir, `${key}.json`),
      JSON.stringify({ Credentials: { SecretAccessKey: 'x', Expiration: '2030-01-01T01:00:00UTC' } }),
    );

    const model = await loadProfileModel(locations);
    expect(model.problems).toEqual([]);
    expect(model.mfaSessions.map((s) => [s.source, s.target, s.pairedBy])).toEqual([
      ['FetchMfaCredentials', 'MyRepositoryAssumer', 'scenario'],
    ]);
    expect(model.roles.map((r) => [r.profile, r.cachedExpiration?.toISOString()])).toEqual([
      ['MyRepositoryContributor', '2030-01-01T01:00:00.000Z'],
    ]);
  });

  it('treats missing files as empty, like botocore', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'load-model-'));
    const model = await loadProfileModel({
      config: join(dir, 'c'),
      credentials: join(dir, 'k'),
      cliCacheDir: join(dir, 'cache'),
    });
    expect([model.profiles.size, model.problems.length]).toEqual([0, 0]);
  });

  it('reports a file botocore would reject with its line, and still reads the other file', async () => {
    const locations = awsFolder(
      '[profile ok]\nregion = eu-west-1\nnot a setting\n',
      new Uint8Array([0x5b, 0x61, 0x5d, 0x0a, 0xff, 0xfe]),
    );
    const model = await loadProfileModel(locations);
    expect(model.profiles.size).toBe(0);
    expect(model.problems).toEqual([
      expect.objectContaining({ file: locations.config, fileRole: 'config', line: 3 }),
      expect.objectContaining({ file: locations.credentials, fileRole: 'credentials' }),
    ]);

    const halfGood = awsFolder(scenarioConfig(), '[broken\n');
    const partial = await loadProfileModel(halfGood);
    expect(partial.profiles.get('MyRepositoryContributor')?.kind).toBe('role');
    expect(partial.problems.map((p) => p.fileRole)).toContain('credentials');
  });

  it('builds the same model from its single parse of each file as from reading the texts separately', async () => {
    const config = `${scenarioConfig()}\n[DEFAULT]\ncli_pager =\n[profile "quoted name"]\ns3 =\n  max_concurrent_requests = 4\n`;
    const locations = awsFolder(config, `${SCENARIO_CREDENTIALS}\n[quoted name]\naws_access_key_id = AKIAQUOTED\n`);
    const loaded = await loadProfileModel(locations);
    const built = buildProfileModel({
      config: loadConfig(config),
      credentials: rawConfigParse(`${SCENARIO_CREDENTIALS}\n[quoted name]\naws_access_key_id = AKIAQUOTED\n`),
      problems: [],
      cachedRoles: [],
      configPath: locations.config,
    });
    expect(loaded).toEqual(built);
    expect(loaded.profiles.get('quoted name')?.settings).toEqual({
      cli_pager: '',
      s3: { max_concurrent_requests: '4' },
      aws_access_key_id: 'AKIAQUOTED',
    });
  });
});
