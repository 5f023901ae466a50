import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as timers from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireFileLock, lockDirFor, LockLostError, LockTimeoutError } from './file-lock';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aws-files-lock-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('acquireFileLock', () => {
  it('lets one holder in at a time and leaves nothing behind after release', async () => {
    const target = join(folder, 'credentials');
    const order: string[] = [];
    const worker = async (name: string) => {
      const lock = await acquireFileLock(target);
      order.push(`${name} in`);
      await timers.setTimeout(5);
      order.push(`${name} out`);
      await lock.release();
    };
    await Promise.all(['a', 'b', 'c', 'd'].map(worker));
    for (let index = 0; index < order.length; index += 2) {
      expect(order[index]?.replace(' in', '')).toBe(order[index + 1]?.replace(' out', ''));
    }
    expect(await readdir(folder)).toEqual([]);
  });

  it('times out while a live process holds the lock', async () => {
    const target = join(folder, 'config');
    const held = await acquireFileLock(target);
    await expect(acquireFileLock(target, { timeoutMs: 100 })).rejects.toBeInstanceOf(LockTimeoutError);
    await held.release();
  });

  it('takes over at once from a holder that was killed', async () => {
    const target = join(folder, 'config');
    await lockFolderOf(lockDirFor(target), await deadPid());
    const started = Date.now();
    const lock = await acquireFileLock(target, { timeoutMs: 2_000 });
    expect(Date.now() - started).toBeLessThan(500);
    await lock.assertHeld();
    await lock.release();
  });

  it('takes over from a holder on another host only once its lock went stale', async () => {
    const target = join(folder, 'config');
    await mkdir(lockDirFor(target));
    await writeFile(join(lockDirFor(target), 'owner'), JSON.stringify({ pid: 1, host: 'elsewhere', token: 'remote' }));
    await expect(acquireFileLock(target, { timeoutMs: 100, staleMs: 60_000 })).rejects.toBeInstanceOf(LockTimeoutError);
    const old = new Date(Date.now() - 120_000);
    await utimes(lockDirFor(target), old, old);
    const lock = await acquireFileLock(target, { timeoutMs: 1_000, staleMs: 60_000 });
    await lock.release();
  });

  it('recovers from a holder killed between creating the lock folder and naming itself', async () => {
    const target = join(folder, 'config');
    await mkdir(lockDirFor(target));
    const old = new Date(Date.now() - 5_000);
    await utimes(lockDirFor(target), old, old);
    const lock = await acquireFileLock(target, { timeoutMs: 1_000 });
    await lock.release();
  });

  it('tells a holder whose lock was taken over', async () => {
    const target = join(folder, 'config');
    const lock = await acquireFileLock(target);
    await writeFile(join(lockDirFor(target), 'owner'), JSON.stringify({ pid: process.pid, host: 'x', token: 'other' }));
    await expect(lock.assertHeld()).rejects.toBeInstanceOf(LockLostError);
    await lock.release();
  });

  it('removes the stale locks a remover killed between moving them aside and removing them left behind', async () => {
    const target = join(folder, 'credentials');
    const grave = (hex: string) => `${lockDirFor(target)}.stale-${hex}`;
    await lockFolderOf(grave('000000000001'), await deadPid()); // a killed holder's: stale
    await lockFolderOf(grave('000000000002'), process.pid); // a live holder's, moved by mistake: its remover's
    await lockFolderOf(grave('000000000003'), process.pid); // the same, abandoned long ago
    const old = new Date(Date.now() - 120_000);
    await utimes(grave('000000000003'), old, old);
    await lockFolderOf(`${join(folder, 'config')}.mfa-tray-lock.stale-000000000004`, await deadPid()); // another file's
    const lock = await acquireFileLock(target);
    await lock.release();
    expect((await readdir(folder)).sort()).toEqual([
      'config.mfa-tray-lock.stale-000000000004',
      'credentials.mfa-tray-lock.stale-000000000002',
    ]);
  });
});

/** A process that is surely dead: spawned, exited, reaped. */
function deadPid(): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('exit', () => done(child.pid ?? -1));
  });
}

/** A lock folder as a holder on this host leaves it: the folder and its owner file. */
async function lockFolderOf(path: string, pid: number): Promise<void> {
  await mkdir(path);
  await writeFile(join(path, 'owner'), JSON.stringify({ pid, host: hostname(), token: `t${pid}` }));
}
