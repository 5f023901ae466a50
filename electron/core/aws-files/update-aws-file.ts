// The one way we change a user's AWS file: lock against our other processes, read and validate, apply the
// edit, back up before our first write, write atomically, and re-apply whenever someone else (an unlocked
// in-place writer such as `aws configure set`) changed the file in between, so neither side loses an update.
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileRole } from './file-problem';
import { prepareAtomicWrite, removeLeftoverTempFiles } from './atomic-write';
import { AwsFileError } from './aws-file-error';
import { backupExists, backupPathFor, ensureBackup } from './backup';
import type { FileLockOptions } from './file-lock';
import { acquireFileLock, LockLostError, LockTimeoutError } from './file-lock';
import { checkAwsFileBytes, fileRoleFromName, fileSystemError, readWholeFile } from './read-aws-file';
import { resolveSymlinkTarget, SymlinkLoopError } from './symlink-target';

export interface UpdateAwsFileOptions {
  role?: FileRole;
  lock?: FileLockOptions;
  /**
   * How long to wait after our rename before checking whether an in-place writer that had read the old
   * file wrote over ours (or into the file we replaced). `aws configure set` writes within a millisecond
   * of its read; 0 skips the wait (then only changes seen before our rename are merged).
   */
  settleMs?: number;
  /** Our rename waits for this (e.g. the other file of the same profile committing first); a rejection aborts the write. */
  commitAfter?: Promise<unknown>;
  /** Called once our first rename is done, before the settle wait. */
  onFirstCommit?: () => void;
}

export interface UpdateAwsFileResult {
  changed: boolean;
  /** Set when this call took the one-time backup. */
  backupPath?: string;
}

const NEW_FILE_MODE = 0o600;
const NEW_FOLDER_MODE = 0o700;
const DEFAULT_SETTLE_MS = 50;
/** Each round is caused by someone else's write; this many in a row means the file is being rewritten constantly. */
const MAX_ROUNDS = 20;

interface Snapshot {
  exists: boolean;
  bytes: Uint8Array;
  text: string;
  mode: number;
  owner?: { uid: number; gid: number };
  ino: number;
  /** Stays open to see writes that land in this inode after we replaced it. */
  handle?: FileHandle;
}

/**
 * Applies `edit` to the file's current text and writes the result safely. `edit` may run more than once
 * (on newer text, when someone else wrote in between) and must be idempotent: applied to its own result it
 * changes nothing, as `set key = value` edits are.
 */
export async function updateAwsFile(
  path: string,
  edit: (current: string) => string,
  options: UpdateAwsFileOptions = {},
): Promise<UpdateAwsFileResult> {
  const role = options.role ?? fileRoleFromName(path);
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  let target: string;
  try {
    target = await resolveSymlinkTarget(path);
    await mkdir(dirname(target), { recursive: true, mode: NEW_FOLDER_MODE });
  } catch (error) {
    if (error instanceof SymlinkLoopError) throw AwsFileError.wholeFile(path, role, error.message);
    throw fileSystemError(path, role, error, 'written');
  }
  let lock;
  try {
    lock = await acquireFileLock(target, options.lock);
  } catch (error) {
    if (error instanceof LockTimeoutError) throw AwsFileError.wholeFile(path, role, error.message);
    throw fileSystemError(path, role, error, 'written');
  }
  try {
    await removeLeftoverTempFiles(target, [backupPathFor(target)]);
    return await editUnderLock(target, role, edit, { ...options, settleMs }, () => lock.assertHeld());
  } catch (error) {
    if (error instanceof AwsFileError) throw error;
    if (error instanceof LockLostError) throw AwsFileError.wholeFile(path, role, error.message);
    throw fileSystemError(path, role, error, 'written');
  } finally {
    await lock.release();
  }
}

async function editUnderLock(
  target: string,
  role: FileRole,
  edit: (current: string) => string,
  { settleMs, commitAfter, onFirstCommit }: UpdateAwsFileOptions & { settleMs: number },
  assertLockHeld: () => Promise<void>,
): Promise<UpdateAwsFileResult> {
  let wrote: string | undefined;
  let backupPath: string | undefined;
  // Text an outside writer put into the file we replaced: our next round must build on it.
  let lateBase: string | undefined;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const snapshot = await takeSnapshot(target, role);
    try {
      // Our write survived untouched: done.
      if (lateBase === undefined && wrote !== undefined && snapshot.text === wrote)
        return { changed: true, backupPath };
      const base = lateBase ?? snapshot.text;
      lateBase = undefined;
      const next = edit(base);
      // Done when the file on disk already says what we want.
      if (next === snapshot.text) return wrote !== undefined ? { changed: true, backupPath } : { changed: false };
      const bytes = new TextEncoder().encode(next);
      // Never write what botocore would reject: that would make the whole file unusable for every AWS tool.
      checkAwsFileBytes(bytes, target, role);
      if (snapshot.exists && !(await backupExists(target))) {
        backupPath = (await ensureBackup(target, snapshot.bytes)) ?? backupPath;
      }
      const prepared = await prepareAtomicWrite(target, bytes, snapshot.mode, snapshot.owner);
      try {
        await commitAfter;
      } catch (error) {
        await prepared.discard();
        throw error;
      }
      // Checked after waiting for commitAfter (the other file's lock and write can take seconds), right before
      // the rename: a file replaced by rename in the meantime would otherwise be overwritten unseen.
      if (await changedSince(target, snapshot, role)) {
        await prepared.discard();
        continue;
      }
      await assertLockHeld();
      await prepared.commit();
      if (wrote === undefined) onFirstCommit?.();
      wrote = next;
      if (settleMs > 0) await sleep(settleMs);
      lateBase = await lateWriteInto(snapshot, target, role);
    } finally {
      await snapshot.handle?.close();
    }
  }
  throw AwsFileError.wholeFile(
    target,
    role,
    `keeps being changed by another program; gave up after ${MAX_ROUNDS} attempts`,
  );
}

async function takeSnapshot(target: string, role: FileRole): Promise<Snapshot> {
  let handle: FileHandle;
  try {
    handle = await open(target, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileSystemError(target, role, error, 'read');
    return { exists: false, bytes: new Uint8Array(), text: '', mode: NEW_FILE_MODE, ino: 0 };
  }
  try {
    const stats = await handle.stat();
    const bytes = await readWholeFile(handle, target, role);
    const text = await checkSettled(handle, bytes, target, role);
    const runningAs = process.getuid?.();
    const owner = runningAs === 0 ? { uid: stats.uid, gid: stats.gid } : undefined;
    return { exists: true, bytes, text, mode: stats.mode & 0o7777, owner, ino: stats.ino, handle };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Rereads of an unparseable file that keeps changing before it counts as broken (25 ms apart). */
const MAX_SETTLE_CHECKS = 40;

/**
 * Validates what we read. An unparseable read may be an in-place writer caught half-way: only if the
 * bytes stay the same for a moment (or never stop changing) is the file really broken, and we refuse it.
 */
async function checkSettled(
  handle: FileHandle,
  bytes: Uint8Array,
  target: string,
  role: FileRole,
  checks = 0,
): Promise<string> {
  try {
    return checkAwsFileBytes(bytes, target, role);
  } catch (error) {
    if (!(error instanceof AwsFileError) || checks >= MAX_SETTLE_CHECKS) throw error;
    await sleep(25);
    const again = await readWholeFile(handle, target, role);
    if (Buffer.from(again).equals(Buffer.from(bytes))) throw error;
    return checkSettled(handle, again, target, role, checks + 1);
  }
}

/** Whether the path no longer holds what we read (replaced, or rewritten in place). */
async function changedSince(target: string, snapshot: Snapshot, role: FileRole): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(target, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return snapshot.exists;
    throw error;
  }
  try {
    if (!snapshot.exists) return true;
    const stats = await handle.stat();
    if (stats.ino !== snapshot.ino) return true;
    const bytes = await readWholeFile(handle, target, role);
    return !Buffer.from(bytes).equals(Buffer.from(snapshot.bytes));
  } finally {
    await handle.close();
  }
}

/**
 * An in-place writer that opened the file before our rename writes into the inode we replaced; its update
 * would vanish with it. Returns that inode's new text (to re-apply our edit on) when that happened.
 */
async function lateWriteInto(snapshot: Snapshot, target: string, role: FileRole): Promise<string | undefined> {
  if (snapshot.handle === undefined) return undefined;
  const bytes = await readWholeFile(snapshot.handle, target, role);
  if (Buffer.from(bytes).equals(Buffer.from(snapshot.bytes))) return undefined;
  try {
    return await checkSettled(snapshot.handle, bytes, target, role);
  } catch {
    return undefined; // garbage left in a file nobody sees any more: nothing of value to keep
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
