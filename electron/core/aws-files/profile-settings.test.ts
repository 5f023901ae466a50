import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import * as timers from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawConfigParse } from '../ini';
import { AWS_CLI } from '../../../testing/aws-files/aws-cli-race';
import { botocoreAvailable, runBotocore } from '../../../testing/botocore';
import { AwsFileError } from './aws-file-error';
import { acquireFileLock } from './file-lock';
import type { AwsFileLocations } from './locations';
import type { WatchedInode } from './open-writers';
import { CREDENTIAL_KEYS, writeProfileSettings } from './profile-settings';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aws-files-profile-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function locationsIn(awsFolder: string): AwsFileLocations {
  return {
    config: join(awsFolder, 'config'),
    credentials: join(awsFolder, 'credentials'),
    cliCacheDir: join(awsFolder, 'cli', 'cache'),
  };
}

async function parsed(locations: AwsFileLocations) {
  return {
    config: rawConfigParse(await readFile(locations.config, 'utf8').catch(() => '')),
    credentials: rawConfigParse(await readFile(locations.credentials, 'utf8').catch(() => '')),
  };
}

const FAST = { settleMs: 0 };

describe('writeProfileSettings', () => {
  it.skipIf(!existsSync(AWS_CLI))('splits keys between the two files exactly as `aws configure set` does', async () => {
    const values = { aws_session_token: 'token', expiration: '2030-01-01T00:00:00Z' };
    const ours = locationsIn(join(folder, 'ours'));
    await writeProfileSettings(ours, 'MyRepositoryAssumer', values, FAST);
    const theirs = locationsIn(join(folder, 'theirs'));
    const env = { ...process.env, AWS_CONFIG_FILE: theirs.config, AWS_SHARED_CREDENTIALS_FILE: theirs.credentials };
    for (const [key, value] of Object.entries(values)) {
      await promisify(execFile)(AWS_CLI, ['configure', 'set', key, value, '--profile', 'MyRepositoryAssumer'], { env });
    }
    expect(await parsed(ours)).toEqual(await parsed(theirs));
    expect((await parsed(ours)).credentials).toEqual({ MyRepositoryAssumer: { aws_session_token: 'token' } });
  });

  it('sends every credential key, the legacy aws_security_token too, to the credentials file; default stays [default]', async () => {
    const locations = locationsIn(folder);
    const values = Object.fromEntries([...CREDENTIAL_KEYS, 'region'].map((key) => [key, `v-${key}`]));
    await writeProfileSettings(locations, 'default', values, FAST);
    const files = await parsed(locations);
    expect(Object.keys(files.credentials.default ?? {}).sort()).toEqual([...CREDENTIAL_KEYS].sort());
    expect(files.config).toEqual({ default: { region: 'v-region' } });
  });

  it('deletes keys given as null and keeps every other line', async () => {
    const locations = locationsIn(folder);
    await writeFile(locations.config, '# mine\n[profile p]\nregion = x\nexpiration = old\n');
    await writeProfileSettings(locations, 'p', { expiration: null }, FAST);
    expect(await readFile(locations.config, 'utf8')).toBe('# mine\n[profile p]\nregion = x\n');
  });

  it('checks both files before writing either: a broken config file leaves the credentials file untouched', async () => {
    const locations = locationsIn(folder);
    await writeFile(locations.credentials, '[p]\naws_access_key_id = OLD\n');
    await writeFile(locations.config, '[profile p]\n[profile p]\n');
    const error = await writeProfileSettings(locations, 'p', { aws_access_key_id: 'NEW', expiration: 'x' }, FAST).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AwsFileError);
    expect((error as AwsFileError).file).toBe(locations.config);
    expect((error as AwsFileError).problems[0]?.line).toBe(2);
    expect(await readFile(locations.credentials, 'utf8')).toBe('[p]\naws_access_key_id = OLD\n');
  });

  it('undoes the credentials write when the config write then fails (no half-renewed profile)', async () => {
    const locations = locationsIn(folder);
    await mkdir(folder, { recursive: true });
    await writeFile(locations.credentials, '[p]\naws_access_key_id = OLD\n# keep me\n');
    await writeFile(locations.config, '[profile p]\nexpiration = old\n');
    // Another process of ours holds the config file's lock for longer than this write will wait.
    const held = await acquireFileLock(locations.config);
    try {
      const attempt = writeProfileSettings(
        locations,
        'p',
        { aws_access_key_id: 'NEW', aws_session_token: 'T', expiration: 'new' },
        { settleMs: 0, lock: { timeoutMs: 150 } },
      );
      await expect(attempt).rejects.toBeInstanceOf(AwsFileError);
    } finally {
      await held.release();
    }
    expect(await readFile(locations.credentials, 'utf8')).toBe('[p]\naws_access_key_id = OLD\n# keep me\n');
    expect(await readFile(locations.config, 'utf8')).toBe('[profile p]\nexpiration = old\n');
  });

  it("runs the caller's whileSettling work once both files are in place, during the wait for late writers", async () => {
    const locations = locationsIn(folder);
    // Files that exist: a new file has no replaced one to watch, and so no settle time.
    await writeFile(locations.credentials, '[p]\naws_access_key_id = OLD\n');
    await writeFile(locations.config, '[profile p]\nexpiration = old\n');
    // In order: the passes over /proc before the renames, the work, and the one pass after the settle.
    const events: string[] = [];
    await writeProfileSettings(
      locations,
      'p',
      { aws_access_key_id: 'NEW', expiration: 'new' },
      {
        settleMs: 300,
        sharedScanWaitMs: 10_000,
        findWriters: () => (events.push('scan'), []),
        whileSettling: () => {
          events.push(`${readFileSync(locations.credentials, 'utf8')}|${readFileSync(locations.config, 'utf8')}`);
        },
      },
    );
    const work = events.filter((event) => event !== 'scan');
    expect(work).toEqual(['[p]\naws_access_key_id = NEW\n|[profile p]\nexpiration = new\n']);
    expect(events.slice(-2)).toEqual([work[0], 'scan']);
  });

  it('asks /proc about both files in one pass before reading them and one after their common settle', async () => {
    const locations = locationsIn(folder);
    await writeProfileSettings(locations, 'p', { aws_access_key_id: 'A', expiration: 'a' }, FAST);
    // The first write over existing files takes their backups, asking before each copy and each rename.
    await writeProfileSettings(locations, 'p', { aws_access_key_id: 'A2', expiration: 'a2' }, FAST);
    const before = { credentials: await stat(locations.credentials), config: await stat(locations.config) };
    const asked: string[][] = [];
    const findWriters = (files: readonly WatchedInode[]) => {
      asked.push(files.map((file) => basename(file.realPath)).sort());
      return [];
    };
    await writeProfileSettings(
      locations,
      'p',
      { aws_access_key_id: 'B', expiration: 'b' },
      // A long wait for the other file's question: on a loaded machine its lock and read can take over 50 ms.
      { settleMs: 20, findWriters, sharedScanWaitMs: 10_000 },
    );
    // Each pass reads every descriptor of every process of the user: on a desktop, over a hundred milliseconds.
    expect(asked).toEqual([
      ['config', 'credentials'],
      ['config', 'config', 'credentials', 'credentials'],
    ]);
    expect((await stat(locations.credentials)).ino).not.toBe(before.credentials.ino);
    expect((await stat(locations.config)).ino).not.toBe(before.config.ino);
    expect(await parsed(locations)).toEqual({
      credentials: { p: { aws_access_key_id: 'B' } },
      config: { 'profile p': { expiration: 'b' } },
    });
  });

  it('never runs whileSettling for a write that fails before its renames', async () => {
    const locations = locationsIn(folder);
    await mkdir(folder, { recursive: true });
    await writeFile(locations.config, '[profile p\n');
    let ran = false;
    const attempt = writeProfileSettings(
      locations,
      'p',
      { aws_access_key_id: 'NEW', expiration: 'new' },
      { ...FAST, whileSettling: () => (ran = true) },
    );
    await expect(attempt).rejects.toBeInstanceOf(AwsFileError);
    expect(ran).toBe(false);
  });

  it('refuses profile names other AWS tools would read differently', async () => {
    for (const name of ['two  words', ' lead', 'trail ', 'a"b', 'tab\there']) {
      await expect(writeProfileSettings(locationsIn(folder), name, { region: 'x' }, FAST)).rejects.toBeInstanceOf(
        AwsFileError,
      );
    }
    expect(existsSync(join(folder, 'config'))).toBe(false);
  });

  it.runIf(botocoreAvailable)(
    'writes a profile name with a space so that botocore reads it in both files',
    async () => {
      const locations = locationsIn(folder);
      const keys = { aws_access_key_id: 'ASIANEW', aws_secret_access_key: 'S' };
      await writeProfileSettings(locations, 'My Session', { ...keys, region: 'eu-west-1' }, FAST);
      expect(await readFile(locations.config, 'utf8')).toBe('[profile "My Session"]\nregion = eu-west-1\n');
      expect(await readFile(locations.credentials, 'utf8')).toBe(
        '[My Session]\naws_access_key_id = ASIANEW\naws_secret_access_key = S\n',
      );
      const read = runBotocore(
        `import json, sys
from botocore.session import Session
s = Session(profile='My Session')
s.set_config_variable('config_file', sys.argv[1])
s.set_config_variable('credentials_file', sys.argv[2])
print(json.dumps({'region': s.get_scoped_config().get('region'), 'key': s.get_credentials().access_key}))`,
        [locations.config, locations.credentials],
      );
      expect(read).toEqual({ region: 'eu-west-1', key: 'ASIANEW' });
    },
  );

  it('puts keys the placement names into the credentials file (where aws-mfa keeps expiration)', async () => {
    const locations = locationsIn(folder);
    await writeProfileSettings(
      locations,
      'p',
      { aws_session_token: 'T', expiration: '2030-01-01 00:00:00' },
      { ...FAST, credentialsFileKeys: ['expiration'] },
    );
    expect(await readFile(locations.credentials, 'utf8')).toBe(
      '[p]\naws_session_token = T\nexpiration = 2030-01-01 00:00:00\n',
    );
    expect(existsSync(locations.config)).toBe(false);
  });

  it('fails with an AwsFileError, never an unhandled rejection, when both files fail to write', async () => {
    // Both files are locked by another holder: each write gives up before its rename, the second one before
    // it ever waits for the first.
    const locations = locationsIn(folder);
    await writeFile(locations.credentials, '[p]\n');
    await writeFile(locations.config, '[profile p]\n');
    const held = [await acquireFileLock(locations.credentials), await acquireFileLock(locations.config)];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(
        writeProfileSettings(
          locations,
          'p',
          { aws_session_token: 'T', expiration: 'x' },
          { ...FAST, lock: { timeoutMs: 100 } },
        ),
      ).rejects.toBeInstanceOf(AwsFileError);
      await timers.setTimeout(50);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await Promise.all(held.map((lock) => lock.release()));
    }
    expect(unhandled).toEqual([]);
  });
});
