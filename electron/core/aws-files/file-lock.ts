// Cross-process lock for one file, shared by our own processes (tray app and CLI at once).
// A directory `<file>.mfa-tray-lock` (mkdir is atomic) holding the owner's pid, host and a token.
// Unlike proper-lockfile, which waits out a stale period of at least 2 s, a holder killed on this host is
// detected at once by its pid; holders elsewhere (shared home folders) are judged by the folder's age,
// which a live holder refreshes.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import * as timers from 'node:timers/promises';
import { isProcessAlive } from './process-alive';

const LOCK_DIR_SUFFIX = '.mfa-tray-lock';
/** A stale lock is moved aside to `<lock>.stale-<12 hex>` before it is removed: a kill in between leaves it there. */
const GRAVE_MARKER = '.stale-';
const OWNER_FILE = 'owner';
const DEFAULT_STALE_MS = 10_000;
/** A grave this old is garbage whatever it holds: a remover puts a lock it moved by mistake back within moments. */
const GRAVE_MAX_AGE_MS = 60_000;
/** A lock folder without an owner file after this long belongs to a process killed right after mkdir. */
const OWNERLESS_GRACE_MS = 1_000;

export interface FileLockOptions {
  /** Give up waiting after this long. */
  timeoutMs?: number;
  /** A holder on another host that stopped refreshing its lock for this long is presumed dead. */
  staleMs?: number;
  /** Told once, in words, when another live process holds the lock and we wait for it. */
  onWait?: (message: string) => void;
}

export interface FileLock {
  /** Throws LockLostError if another process took the lock over (we were presumed dead). */
  assertHeld(): Promise<void>;
  release(): Promise<void>;
}

export class LockTimeoutError extends Error {}
export class LockLostError extends Error {}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

export function lockDirFor(target: string): string {
  return `${target}${LOCK_DIR_SUFFIX}`;
}

export async function acquireFileLock(target: string, options: FileLockOptions = {}): Promise<FileLock> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const lockDir = lockDirFor(target);
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(12).toString('hex') };
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    if (await tryCreate(lockDir, owner)) {
      await removeDeadLockGraves(target, undefined, staleMs);
      return heldLock(lockDir, owner, staleMs);
    }
    if (await removeIfStale(lockDir, staleMs)) continue;
    if (!told && options.onWait !== undefined) {
      told = true;
      const holder = await readOwner(lockDir);
      const who =
        holder === undefined ? 'another MFA Tray process' : `MFA Tray process ${holder.pid} on ${holder.host}`;
      options.onWait(`Waiting for ${who} to finish writing ${target}…`);
    }
    if (Date.now() >= deadline) {
      throw new LockTimeoutError(`${target} is locked by another MFA Tray process (waited ${timeoutMs} ms)`);
    }
    const jittered = wait / 2 + Math.random() * wait;
    await timers.setTimeout(jittered);
  }
}

async function tryCreate(lockDir: string, owner: LockOwner): Promise<boolean> {
  try {
    await mkdir(lockDir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await writeFile(join(lockDir, OWNER_FILE), JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A stale-lock remover put another holder's folder back in place of our still-empty one: theirs now.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    await rmdir(lockDir).catch(() => undefined);
    throw error;
  }
}

function heldLock(lockDir: string, owner: LockOwner, staleMs: number): FileLock {
  // Keep the folder's mtime fresh so holders on other hosts do not take us for dead.
  const refresh = setInterval(
    () => {
      const now = new Date();
      utimes(lockDir, now, now).catch(() => undefined);
    },
    Math.max(staleMs / 3, 100),
  );
  refresh.unref();
  return {
    async assertHeld() {
      const current = await readOwner(lockDir);
      if (current?.token !== owner.token) {
        throw new LockLostError(`the lock ${lockDir} was taken over by another process`);
      }
    },
    async release() {
      clearInterval(refresh);
      const current = await readOwner(lockDir);
      if (current?.token !== owner.token) return;
      await unlink(join(lockDir, OWNER_FILE)).catch(() => undefined);
      await rmdir(lockDir).catch(() => undefined);
    },
  };
}

async function readOwner(lockDir: string): Promise<LockOwner | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(lockDir, OWNER_FILE), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { pid, host, token } = parsed as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof token !== 'string') return undefined;
    return { pid, host, token };
  } catch {
    return undefined; // missing (being written, or its writer was killed) or torn
  }
}

/** A holder killed on this host is dead at once; one elsewhere once it stopped refreshing its folder for staleMs. */
function isStale(owner: LockOwner | undefined, ageMs: number, staleMs: number): boolean {
  if (owner === undefined) return ageMs > OWNERLESS_GRACE_MS;
  return owner.host === hostname() ? !isProcessAlive(owner.pid) : ageMs > staleMs;
}

/**
 * Removes the stale locks of `target` that a remover killed between its move and its removal left aside, judged as
 * a lock is (a grave holding a live holder's lock, moved by mistake, is its remover's to put back, until it is
 * GRAVE_MAX_AGE_MS old). `names`: the folder's listing, when the caller has it. Never throws: tidying is not the
 * caller's task.
 */
export async function removeDeadLockGraves(
  target: string,
  names?: readonly string[],
  staleMs = DEFAULT_STALE_MS,
): Promise<void> {
  const folder = dirname(target);
  const prefix = `${basename(lockDirFor(target))}${GRAVE_MARKER}`;
  try {
    for (const name of names ?? (await readdir(folder))) {
      if (!name.startsWith(prefix) || !/^[0-9a-f]{12}$/.test(name.slice(prefix.length))) continue;
      const grave = join(folder, name);
      const ageMs = Date.now() - (await stat(grave)).mtimeMs;
      if (ageMs > GRAVE_MAX_AGE_MS || isStale(await readOwner(grave), ageMs, staleMs))
        await rm(grave, { recursive: true, force: true });
    }
  } catch {
    // gone meanwhile, or a folder we may not list: the grave waits for the next lock
  }
}

/** True when the lock folder is gone or was removed as stale; the caller then tries again at once. */
async function removeIfStale(lockDir: string, staleMs: number): Promise<boolean> {
  const owner = await readOwner(lockDir);
  let ageMs: number;
  try {
    ageMs = Date.now() - (await stat(lockDir)).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  if (!isStale(owner, ageMs, staleMs)) return false;
  // Move it aside first, then check we moved the lock we judged stale: between our look and the rename,
  // another waiter may have removed it and taken a fresh one, which we must put back.
  const grave = `${lockDir}${GRAVE_MARKER}${randomBytes(6).toString('hex')}`;
  try {
    await rename(lockDir, grave);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    throw error;
  }
  const moved = await readOwner(grave);
  if (moved?.token !== owner?.token) {
    try {
      await rename(grave, lockDir);
      return false;
    } catch {
      // Someone locked in the meantime; the holder we displaced finds out through assertHeld().
    }
  }
  await rm(grave, { recursive: true, force: true });
  return true;
}
