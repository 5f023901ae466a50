import { chown, mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prepareAtomicWrite, removeLeftoverTempFiles, renameWithRetry, writeFileAtomic } from './atomic-write';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aws-files-atomic-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function busy(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

describe('renameWithRetry', () => {
  it('retries EBUSY/EPERM on Windows a bounded number of times, then succeeds', async () => {
    const failures = [busy('EBUSY'), busy('EPERM')];
    const waits: number[] = [];
    let calls = 0;
    await renameWithRetry(
      'a',
      'b',
      'win32',
      async () => {
        calls += 1;
        const failure = failures.shift();
        if (failure) throw failure;
      },
      async (ms) => void waits.push(ms),
    );
    expect(calls).toBe(3);
    expect(waits).toEqual([10, 20]);
  });

  it('gives up on Windows after the last delay, and never retries elsewhere', async () => {
    const waits: number[] = [];
    await expect(
      renameWithRetry(
        'a',
        'b',
        'win32',
        async () => {
          throw busy('EBUSY');
        },
        async (ms) => void waits.push(ms),
      ),
    ).rejects.toThrow('EBUSY');
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeLessThan(1_000);
    let calls = 0;
    await expect(
      renameWithRetry('a', 'b', 'linux', async () => {
        calls += 1;
        throw busy('EBUSY');
      }),
    ).rejects.toThrow('EBUSY');
    expect(calls).toBe(1);
  });
});

describe('atomic writes', () => {
  it('give the file exactly the requested mode despite the umask, and leave no temp file', async () => {
    const target = join(folder, 'config');
    // 0666: the usual umask (022) would narrow it to 0644.
    await (await prepareAtomicWrite(target, new TextEncoder().encode('[default]\n'), 0o666)).commit();
    expect((await stat(target)).mode & 0o7777).toBe(0o666);
    expect(await readFile(target, 'utf8')).toBe('[default]\n');
    expect(await readdir(folder)).toEqual(['config']);
  });

  it('leave the old file untouched until commit, and untouched when discarded', async () => {
    const target = join(folder, 'config');
    await writeFile(target, 'old');
    const prepared = await prepareAtomicWrite(target, new TextEncoder().encode('new'), 0o600);
    expect(await readFile(target, 'utf8')).toBe('old');
    await prepared.discard();
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['config']);
  });

  it('tidy only the exact leftover temp names of the given file', async () => {
    const target = join(folder, 'config');
    const names = [
      'config.mfa-tray-tmp-0123456789ab',
      'config2.mfa-tray-tmp-0123456789ab',
      'config.mfa-tray-tmp-notours',
      'config',
    ];
    await Promise.all(names.map((name) => writeFile(join(folder, name), '')));
    await removeLeftoverTempFiles(target);
    expect((await readdir(folder)).sort()).toEqual([
      'config',
      'config.mfa-tray-tmp-notours',
      'config2.mfa-tray-tmp-0123456789ab',
    ]);
  });
});

describe('writeFileAtomic (our own state files)', () => {
  it('replaces the file whole, with exactly the mode asked for, and leaves no temp file', async () => {
    const target = join(folder, 'settings.json');
    await writeFile(target, 'old', { mode: 0o644 });
    await writeFileAtomic(target, '{ "leadTimeMinutes": 5 }\n', 0o600);
    expect(await readFile(target, 'utf8')).toBe('{ "leadTimeMinutes": 5 }\n');
    expect((await stat(target)).mode & 0o7777).toBe(0o600);
    expect(await readdir(folder)).toEqual(['settings.json']);
  });

  it('syncs the file and its folder to disk, unless told the bytes need only outlive our process', async () => {
    const probe = await open(join(folder, 'probe'), 'w');
    const handlePrototype = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    const syncs = vi.spyOn(handlePrototype, 'sync');
    try {
      await writeFileAtomic(join(folder, 'settings.json'), '{}\n', 0o600);
      expect(syncs).toHaveBeenCalledTimes(process.platform === 'win32' ? 1 : 2); // Windows cannot sync a folder
      syncs.mockClear();
      await writeFileAtomic(join(folder, 'used-code.json'), '{}\n', 0o600, { survivesPowerLoss: false });
      expect(syncs).not.toHaveBeenCalled();
      expect(await readFile(join(folder, 'used-code.json'), 'utf8')).toBe('{}\n');
    } finally {
      syncs.mockRestore();
    }
  });

  it('leaves no temp file when the rename fails', async () => {
    const target = join(folder, 'settings.json');
    await mkdir(target);
    await expect(writeFileAtomic(target, '{}\n', 0o600)).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['settings.json']);
  });

  it.runIf(process.getuid?.() === 0)('run as root, keeps the owner of the file it replaces', async () => {
    const target = join(folder, 'settings.json');
    await writeFile(target, 'old');
    await chown(target, 4321, 4321);
    await writeFileAtomic(target, 'new', 0o600);
    expect(await stat(target)).toMatchObject({ uid: 4321, gid: 4321 });
  });
});
