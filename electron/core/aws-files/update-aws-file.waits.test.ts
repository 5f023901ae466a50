import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeInterruptedWrites } from './interrupted-writes';
import { updateAwsFile } from './update-aws-file';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aws-files-waits-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const appendOnce = (text: string) => (text.includes('ours = 1') ? text : `${text}ours = 1\n`);
/** A pid that belonged to a process which has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;

describe('a waiting write says what it waits for', () => {
  it('names the MFA Tray process holding the lock', async () => {
    const path = join(folder, 'config');
    await writeFile(path, '[default]\n');
    await mkdir(`${path}.mfa-tray-lock`);
    const owner = { pid: process.ppid, host: hostname(), token: 'someone-else' };
    await writeFile(join(`${path}.mfa-tray-lock`, 'owner'), JSON.stringify(owner));
    const told: string[] = [];
    await expect(
      updateAwsFile(path, appendOnce, {
        settleMs: 0,
        lock: { timeoutMs: 200 },
        onWait: (message) => told.push(message),
      }),
    ).rejects.toThrow(/locked by another MFA Tray process/);
    expect(told).toEqual([`Waiting for MFA Tray process ${process.ppid} on ${hostname()} to finish writing ${path}…`]);
  });

  it.skipIf(!existsSync('/proc/self/fd'))(
    'names the program writing the file in place, then writes after it',
    async () => {
      const path = join(folder, 'config');
      await writeFile(path, '[default]\n');
      // Holds the file open for writing for 400 ms, then appends its line and closes, as a slow editor would.
      const writer = spawn(process.execPath, [
        '-e',
        `const fs = require('fs'); const fd = fs.openSync(process.argv[1], 'r+'); console.log('open');
       setTimeout(() => { fs.writeSync(fd, 'theirs = 1\\n', 10); fs.closeSync(fd); }, 400);`,
        path,
      ]);
      await new Promise((opened) => writer.stdout.once('data', opened));
      const told: string[] = [];
      await updateAwsFile(path, appendOnce, { settleMs: 0, onWait: (message) => told.push(message) });
      expect(told).toEqual([`Waiting for node (pid ${writer.pid}) to finish writing ${path}…`]);
      expect(await readFile(path, 'utf8')).toBe('[default]\ntheirs = 1\nours = 1\n');
    },
  );
});

describe('completeInterruptedWrites (every model load and write starts with it)', () => {
  it('removes a killed writer’s lock folder and its temp files holding keys; leaves the files and live locks alone', async () => {
    const locations = { config: join(folder, 'config'), credentials: join(folder, 'credentials'), cliCacheDir: '' };
    await writeFile(locations.config, '[default]\n');
    await writeFile(locations.credentials, '[a]\naws_secret_access_key = old\n');
    await mkdir(`${locations.credentials}.mfa-tray-lock`);
    const dead = { pid: deadPid(), host: hostname(), token: 'killed' };
    await writeFile(join(`${locations.credentials}.mfa-tray-lock`, 'owner'), JSON.stringify(dead));
    await writeFile(`${locations.credentials}.mfa-tray-tmp-0123456789ab`, '[a]\naws_secret_access_key = NEW-SECRET\n');
    await writeFile(`${locations.credentials}.mfa-tray-backup.mfa-tray-tmp-ba9876543210`, 'half a backup');
    // The config file's lock belongs to a live process: neither it nor its temp file may go.
    await mkdir(`${locations.config}.mfa-tray-lock`);
    const live = { pid: process.ppid, host: hostname(), token: 'alive' };
    await writeFile(join(`${locations.config}.mfa-tray-lock`, 'owner'), JSON.stringify(live));
    await writeFile(`${locations.config}.mfa-tray-tmp-0123456789ab`, '[default]\n');

    await completeInterruptedWrites(locations);
    expect((await readdir(folder)).sort()).toEqual([
      'config',
      'config.mfa-tray-lock',
      'config.mfa-tray-tmp-0123456789ab',
      'credentials',
    ]);
    expect(await readFile(locations.credentials, 'utf8')).toBe('[a]\naws_secret_access_key = old\n');
  });
});
