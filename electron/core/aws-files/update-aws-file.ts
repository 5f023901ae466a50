// The one way we change a user's AWS file: lock against our other processes, read and validate, apply the
// edit, back up before our first write, write atomically, and re-apply whenever someone else (an unlocked
// in-place writer such as `aws configure set`) changed the file in between, so neither side loses an update.
import type { FileHandle } from 'node:fs/promises';
import { mkdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FileRole } from './file-problem';
import { prepareAtomicWrite, removeLeftoverTempFiles } from './atomic-write';
import { AwsFileError } from './aws-file-error';
import { backupExists, backupPathFor, ensureBackup } from './backup';
import type { FileLockOptions } from './file-lock';
import { acquireFileLock, LockLostError, LockTimeoutError } from './file-lock';
import type { WriterWaitOptions } from './in-place-writers';
import {
  mayBeMidRewrite,
  rememberOurWrite,
  waitUntilQuiet,
  waitWhileWritten,
  WRITER_WAIT_MS,
} from './in-place-writers';
import type { FindOpenWriters } from './open-writers';
import { findOpenWriters } from './open-writers';
import { checkAwsFileBytes, fileRoleFromName, fileSystemError, openRegularFile, readWholeFile } from './read-aws-file';
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
  /** Told what the write is waiting for (another MFA Tray process's lock, a program writing the file). */
  onWait?: (message: string) => void;
  /** Bound on each wait for another program writing the file in place (default WRITER_WAIT_MS, 10 s). */
  writerWaitMs?: number;
  /** Who holds a file open for writing; /proc on Linux. Tests pass `() => undefined` to run the stamp heuristics. */
  findWriters?: FindOpenWriters;
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
  dev: number;
  ino: number;
  mtimeMs: number;
  /** Stays open to see writes that land in this inode after we replaced it. */
  handle?: FileHandle;
}

/** Where the file is and how to wait for others writing it, fixed for one updateAwsFile call. */
interface Place {
  target: string;
  /** target with every symlink of its folder resolved too: how /proc names it. */
  realPath: string;
  role: FileRole;
  waits: WriterWaitOptions;
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
  let realPath: string;
  try {
    target = await resolveSymlinkTarget(path);
    await mkdir(dirname(target), { recursive: true, mode: NEW_FOLDER_MODE });
    realPath = join(await realpath(dirname(target)), basename(target));
  } catch (error) {
    if (error instanceof SymlinkLoopError) throw AwsFileError.wholeFile(path, role, error.message);
    throw fileSystemError(path, role, error, 'written');
  }
  const place: Place = {
    target,
    realPath,
    role,
    waits: {
      findWriters: options.findWriters ?? findOpenWriters,
      maxWaitMs: options.writerWaitMs ?? WRITER_WAIT_MS,
      onWait: options.onWait,
    },
  };
  let lock;
  try {
    lock = await acquireFileLock(target, { ...options.lock, onWait: options.onWait });
  } catch (error) {
    if (error instanceof LockTimeoutError) throw AwsFileError.wholeFile(path, role, error.message);
    throw fileSystemError(path, role, error, 'written');
  }
  try {
    await removeLeftoverTempFiles(target, [backupPathFor(target)]);
    return await editUnderLock(place, edit, { ...options, settleMs }, () => lock.assertHeld());
  } catch (error) {
    if (error instanceof AwsFileError) throw error;
    if (error instanceof LockLostError) throw AwsFileError.wholeFile(path, role, error.message);
    throw fileSystemError(path, role, error, 'written');
  } finally {
    await lock.release();
  }
}

async function editUnderLock(
  place: Place,
  edit: (current: string) => string,
  { settleMs, commitAfter, onFirstCommit }: UpdateAwsFileOptions & { settleMs: number },
  assertLockHeld: () => Promise<void>,
): Promise<UpdateAwsFileResult> {
  const { target, role } = place;
  let wrote: string | undefined;
  let backupPath: string | undefined;
  // Text an outside writer put into the file we replaced: our next round must build on it.
  let lateBase: string | undefined;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    // Never read a file while another program is rewriting it: we would see it truncated or half written.
    const canSeeWriters = await waitForWritersOfPath(place);
    const snapshot = await takeSnapshot(target, role);
    try {
      // Our write survived untouched: done.
      if (lateBase === undefined && wrote !== undefined && snapshot.text === wrote)
        return { changed: true, backupPath };
      // Without /proc, a file someone changed a moment ago may be truncated and not yet rewritten: let it settle.
      if (
        !canSeeWriters &&
        snapshot.exists &&
        lateBase === undefined &&
        mayBeMidRewrite(place.realPath, { ino: snapshot.ino, size: snapshot.bytes.length, mtimeMs: snapshot.mtimeMs })
      ) {
        await waitUntilQuiet(target, target, role, place.waits);
        continue;
      }
      const base = lateBase ?? snapshot.text;
      lateBase = undefined;
      const next = edit(base);
      // Done when the file on disk already says what we want.
      if (next === snapshot.text) return wrote !== undefined ? { changed: true, backupPath } : { changed: false };
      const bytes = new TextEncoder().encode(next);
      // Never write what botocore would reject: that would make the whole file unusable for every AWS tool.
      checkAwsFileBytes(bytes, target, role);
      const prepared = await prepareAtomicWrite(target, bytes, snapshot.mode, snapshot.owner);
      try {
        await commitAfter;
        // Checked after waiting for commitAfter (the other file's lock and write can take seconds), right before
        // the rename: a file replaced or rewritten in the meantime would otherwise be overwritten unseen.
        if (!(await stillAsRead(place, snapshot))) {
          await prepared.discard();
          continue;
        }
        // The one backup holds the file as it was before our first write, read while nobody was writing it
        // and unchanged up to now; it is taken only now, so a half-written file can never become the backup.
        if (wrote === undefined && snapshot.exists && !(await backupExists(target))) {
          backupPath = (await ensureBackup(target, snapshot.bytes, snapshot.owner)) ?? backupPath;
          if (!(await stillAsRead(place, snapshot))) {
            await prepared.discard();
            continue;
          }
        }
        await assertLockHeld();
      } catch (error) {
        await prepared.discard();
        throw error;
      }
      await prepared.commit();
      await rememberWhatWeWrote(place);
      if (wrote === undefined) onFirstCommit?.();
      wrote = next;
      if (settleMs > 0) await sleep(settleMs);
      lateBase = await lateWriteInto(place, snapshot, canSeeWriters);
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

/** Waits while a program holds the file now at the path open for writing; false where that cannot be known. */
async function waitForWritersOfPath(place: Place): Promise<boolean> {
  let stats;
  try {
    stats = await stat(place.target);
  } catch (error) {
    // No file, so nothing half written to wait for (or to judge by its stamps).
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  if (!stats.isFile()) return true; // takeSnapshot refuses it
  return waitWhileWritten(
    { dev: stats.dev, ino: stats.ino, realPath: place.realPath },
    place.target,
    place.role,
    place.waits,
  );
}

/** Nobody is writing the file and it still holds exactly what we read: safe to back up and replace. */
async function stillAsRead(place: Place, snapshot: Snapshot): Promise<boolean> {
  await waitForWritersOfPath(place);
  return !(await changedSince(place.target, snapshot, place.role));
}

async function rememberWhatWeWrote(place: Place): Promise<void> {
  const stats = await stat(place.target);
  rememberOurWrite(place.realPath, { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs });
}

async function takeSnapshot(target: string, role: FileRole): Promise<Snapshot> {
  const handle = await openRegularFile(target, role);
  if (handle === undefined) {
    return { exists: false, bytes: new Uint8Array(), text: '', mode: NEW_FILE_MODE, dev: 0, ino: 0, mtimeMs: 0 };
  }
  try {
    const stats = await handle.stat();
    const bytes = await readWholeFile(handle, target, role);
    const text = await checkSettled(handle, bytes, target, role);
    const runningAs = process.getuid?.();
    const owner = runningAs === 0 ? { uid: stats.uid, gid: stats.gid } : undefined;
    return {
      exists: true,
      bytes,
      text,
      mode: stats.mode & 0o7777,
      owner,
      dev: stats.dev,
      ino: stats.ino,
      mtimeMs: stats.mtimeMs,
      handle,
    };
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
  const handle = await openRegularFile(target, role);
  if (handle === undefined) return snapshot.exists;
  try {
    if (!snapshot.exists) return true;
    const stats = await handle.stat();
    if (stats.ino !== snapshot.ino || stats.dev !== snapshot.dev) return true;
    const bytes = await readWholeFile(handle, target, role);
    return !Buffer.from(bytes).equals(Buffer.from(snapshot.bytes));
  } finally {
    await handle.close();
  }
}

/**
 * An in-place writer that opened the file before our rename writes into the inode we replaced; its update
 * would vanish with it. We wait until it has closed the file (bounded: WRITER_WAIT_MS), however long its
 * truncate→write gap, and return that inode's new text (to re-apply our edit on) when it changed.
 */
async function lateWriteInto(place: Place, snapshot: Snapshot, canSeeWriters: boolean): Promise<string | undefined> {
  if (snapshot.handle === undefined) return undefined;
  const replaced = { dev: snapshot.dev, ino: snapshot.ino, realPath: place.realPath };
  if (canSeeWriters) {
    await waitWhileWritten(replaced, place.target, place.role, place.waits);
  } else {
    // Without /proc: a write into the replaced file moves its mtime; then wait until it has been still a while.
    const now = await snapshot.handle.stat();
    if (now.mtimeMs !== snapshot.mtimeMs || now.size !== snapshot.bytes.length)
      await waitUntilQuiet(snapshot.handle, place.target, place.role, place.waits);
  }
  const bytes = await readWholeFile(snapshot.handle, place.target, place.role);
  if (Buffer.from(bytes).equals(Buffer.from(snapshot.bytes))) return undefined;
  try {
    return await checkSettled(snapshot.handle, bytes, place.target, place.role);
  } catch {
    return undefined; // garbage left in a file nobody sees any more: nothing of value to keep
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
