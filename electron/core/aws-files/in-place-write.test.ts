import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canMakeFolderReadOnly, makeFolderReadOnly } from '../../../testing/aws-files/read-only-folder';
import { inPlaceAreaFor } from './in-place-write';
import { completeInterruptedWrites } from './interrupted-writes';
import { writeProfileSettings } from './profile-settings';
import { updateAwsFile } from './update-aws-file';
import { checkProfileWritable } from './write-preflight';

const CONFIG = '[default]\nregion = eu-west-1\n\n# ours\n[profile mfa]\nexpiration = 2020-01-01T00:00:00Z\n';
const CREDENTIALS = '[default]\naws_access_key_id = AKIAOLD\naws_secret_access_key = old\n';
const VALUES = {
  aws_access_key_id: 'ASIANEW',
  aws_secret_access_key: 'new-secret',
  aws_session_token: 'new-token',
  expiration: '2030-01-01T00:00:00Z',
};

let folder: string;
let aws: string;
let locations: { config: string; credentials: string; cliCacheDir: string; stateDir: string };
let undoReadOnly: (() => Promise<void>) | undefined;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aws-files-in-place-'));
  aws = join(folder, 'aws');
  await mkdir(aws);
  locations = {
    config: join(aws, 'config'),
    credentials: join(aws, 'credentials'),
    cliCacheDir: join(aws, 'cli', 'cache'),
    stateDir: join(folder, 'state'),
  };
  await writeFile(locations.config, CONFIG, { mode: 0o640 });
  await writeFile(locations.credentials, CREDENTIALS, { mode: 0o600 });
  undoReadOnly = await makeFolderReadOnly(aws);
});
afterEach(async () => {
  await undoReadOnly?.();
  await rm(folder, { recursive: true, force: true });
});

/** Root may mount a small tmpfs here (a container may forbid it). */
function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = execFileSync('/usr/bin/mktemp', ['-d'], { encoding: 'utf8' }).trim();
  const mounted = spawnSync('/usr/bin/mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('/usr/bin/umount', [probe]);
  spawnSync('/usr/bin/rmdir', [probe]);
  return mounted;
}

const area = (path: string) => inPlaceAreaFor(locations.stateDir, path);

describe.skipIf(!canMakeFolderReadOnly())('writing AWS files in a folder MFA Tray may not write', () => {
  it('is checked before a code is sent, and refused without a state folder as before', async () => {
    await expect(checkProfileWritable(locations, 'mfa', VALUES)).resolves.toBeUndefined();
    await expect(checkProfileWritable({ ...locations, stateDir: undefined }, 'mfa', VALUES)).rejects.toThrow(
      /credentials: cannot be saved: its folder .* is read-only to MFA Tray/,
    );
  });

  it('refuses before sending when the state folder cannot take the lock and copies', async () => {
    await writeFile(join(folder, 'state'), 'a file where the state folder should be');
    await expect(checkProfileWritable(locations, 'mfa', VALUES)).rejects.toThrow(
      /credentials: cannot be written in place: MFA Tray's state folder .* cannot be written/,
    );
  });

  it('renews both files in place: same inodes and modes, nothing added beside them, the backups private in the state folder', async () => {
    const inodes = [(await stat(locations.config)).ino, (await stat(locations.credentials)).ino];
    await writeProfileSettings(locations, 'mfa', VALUES);
    expect(await readFile(locations.config, 'utf8')).toBe(CONFIG.replace('2020-01-01T00:00:00Z', VALUES.expiration));
    expect(await readFile(locations.credentials, 'utf8')).toBe(
      `${CREDENTIALS}\n[mfa]\naws_access_key_id = ASIANEW\naws_secret_access_key = new-secret\naws_session_token = new-token\n`,
    );
    expect([(await stat(locations.config)).ino, (await stat(locations.credentials)).ino]).toEqual(inodes);
    expect((await stat(locations.config)).mode & 0o777).toBe(0o640);
    expect((await readdir(aws)).sort()).toEqual(['config', 'credentials']);
    // Only the one-time backups stay: no journal, restore copy, lock or pair record.
    const kept = (await readdir(join(locations.stateDir, 'aws-files'))).sort();
    expect(kept).toEqual(
      [area(locations.config), area(locations.credentials)].map((a) => `${a.stem}.mfa-tray-backup`.split('/').pop()),
    );
    const backup = `${area(locations.credentials).stem}.mfa-tray-backup`;
    expect(await readFile(backup, 'utf8')).toBe(CREDENTIALS);
    expect((await stat(backup)).mode & 0o777).toBe(0o600);
  });

  it.skipIf(!canMountTmpfs())(
    'puts the old bytes back when the disk fills up halfway through the write, and says why',
    async () => {
      const disk = join(folder, 'disk');
      await mkdir(disk);
      execFileSync('/usr/bin/mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
      let undo: (() => Promise<void>) | undefined;
      try {
        const file = join(disk, 'config');
        await writeFile(file, CONFIG);
        // Fill what is left, so the file cannot grow by a page.
        spawnSync('/usr/bin/dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=1024']);
        undo = await makeFolderReadOnly(disk);
        const grow = (text: string) => `${text}[profile big]\nnote = ${'x'.repeat(20_000)}\n`;
        await expect(
          updateAwsFile(file, grow, { stateDir: locations.stateDir, settleMs: 0, role: 'config' }),
        ).rejects.toThrow(/the disk is full/);
        expect(await readFile(file, 'utf8')).toBe(CONFIG);
        expect((await readdir(join(locations.stateDir, 'aws-files'))).filter((n) => !n.endsWith('backup'))).toEqual([]);
      } finally {
        await undo?.();
        execFileSync('/usr/bin/umount', [disk]);
      }
    },
  );

  it('puts a write torn by a kill back at the next start, from the restore copy its journal names', async () => {
    const { journal, restore } = area(locations.credentials);
    const after = `${CREDENTIALS}[mfa]\naws_access_key_id = ASIANEW\n`;
    await mkdir(join(locations.stateDir, 'aws-files'), { recursive: true });
    await writeFile(restore, CREDENTIALS);
    const record = { version: 1, pid: 999_999_999, host: 'gone', path: locations.credentials, after: '' };
    await writeFile(journal, JSON.stringify({ ...record, after: Buffer.from(after).toString('base64') }));
    // Killed after writing the first 20 new bytes over the old ones.
    await writeFile(locations.credentials, after.slice(0, 20) + CREDENTIALS.slice(20));
    await completeInterruptedWrites(locations);
    expect(await readFile(locations.credentials, 'utf8')).toBe(CREDENTIALS);
    expect(await readdir(join(locations.stateDir, 'aws-files'))).toEqual([]);
  });

  it('leaves a file someone else wrote after the killed write alone, and drops the journal', async () => {
    const { journal, restore } = area(locations.credentials);
    await mkdir(join(locations.stateDir, 'aws-files'), { recursive: true });
    await writeFile(restore, CREDENTIALS);
    const after = Buffer.from(`${CREDENTIALS}[mfa]\naws_access_key_id = ASIANEW\n`).toString('base64');
    await writeFile(
      journal,
      JSON.stringify({ version: 1, pid: 999_999_999, host: 'gone', path: locations.credentials, after }),
    );
    const theirs = `${CREDENTIALS}[theirs]\naws_access_key_id = AKIATHEIRS\n`;
    await writeFile(locations.credentials, theirs);
    await completeInterruptedWrites(locations);
    expect(await readFile(locations.credentials, 'utf8')).toBe(theirs);
    expect(await readdir(join(locations.stateDir, 'aws-files'))).toEqual([]);
  });

  it('re-applies its edit on top of a change another program made in place meanwhile', async () => {
    const theirs = `${CONFIG}theirs = 1\n`;
    let calls = 0;
    await updateAwsFile(
      locations.config,
      (text) => {
        calls += 1;
        // Another program rewrites the file in place (truncate, write) after we read it.
        if (calls === 1) writeFileSync(locations.config, theirs);
        return text.includes('ours = 1') ? text : `${text}ours = 1\n`;
      },
      { stateDir: locations.stateDir, settleMs: 0, role: 'config' },
    );
    expect(await readFile(locations.config, 'utf8')).toBe(`${theirs}ours = 1\n`);
    expect(calls).toBe(2);
  });
});
