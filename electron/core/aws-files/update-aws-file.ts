// The one way we change a user's AWS file: lock against our other processes, read and validate, apply the
// edit, back up before our first write, write atomically, and re-apply whenever someone else (an unlocked
// in-place writer such as `aws configure set`) changed the file in between, so neither side loses an update.
// In a folder we may not write (given a state folder), the same steps write in place instead (in-place-write.ts).
import type { FileHandle } from 'node:fs/promises';
import { link, mkdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as timers from 'node:timers/promises';
import type { FileRole } from './file-problem';
import { fsyncDirectory, prepareAtomicWrite, removeLeftoverTempFiles, tempPathFor } from './atomic-write';
import { AwsFileError } from './aws-file-error';
import { backupExists, backupPathFor, ensureBackup } from './backup';
import type { FileLockOptions } from './file-lock';
import { acquireFileLock, LockLostError, LockTimeoutError } from './file-lock';
import type { WriterWaitOptions } from './in-place-writers';
import {
  changesWithin,
  LATE_WRITER_WAIT_MS,
  mayBeMidRewrite,
  QUIET_MS,
  rememberOurWrite,
  SHRUNK_QUIET_MS,
  StillBeingWrittenError,
  waitUntilQuiet,
  waitWhileWritten,
  WRITER_WAIT_MS,
} from './in-place-writers';
import type { InPlaceArea, InPlaceWrite } from './in-place-write';
import { folderIsReadOnly, inPlaceAreaFor, prepareInPlaceWrite, recoverUnderLock } from './in-place-write';
import type { FindOpenWriters, WatchedInode } from './open-writers';
import type { ScanGroup, WriterScans } from './shared-scans';
import { shareScans } from './shared-scans';
import { checkAwsFileBytes, fileRoleFromName, fileSystemError, openRegularFile, readWholeFile } from './read-aws-file';
import { settleTimeMs, settleWait } from './settle-time';
import { resolveSymlinkTarget, SymlinkLoopError } from './symlink-target';
import { inPlaceFolder } from './trace-names';

export interface UpdateAwsFileOptions {
  role?: FileRole;
  lock?: FileLockOptions;
  /**
   * How long to wait after our rename before checking whether an in-place writer that had read the old
   * file wrote over ours (or into the file we replaced). Default settleTimeMs(): 20 ms, more while the processors
   * are oversubscribed; 0 skips the wait (then only changes seen before our rename are merged).
   */
  settleMs?: number;
  /**
   * The settle wait shared with the other writes of the same change, in place of settleMs from this write's own rename:
   * one timer, from the last of their renames on, so that they wake together and ask /proc in one pass. For the first
   * rename only: a later round's rename (after someone else's write) waits settleMs of its own.
   */
  settled?: Promise<void>;
  /** Our rename waits for this (e.g. the other file of the same profile committing first); a rejection aborts the write. */
  commitAfter?: Promise<unknown>;
  /** Called once our first rename is done, before the settle wait. */
  onFirstCommit?: () => void;
  /** Told what the write is waiting for (another MFA Tray process's lock, a program writing the file). */
  onWait?: (message: string) => void;
  /** Bound on each wait for another program writing the file in place (default WRITER_WAIT_MS, 10 s). */
  writerWaitMs?: number;
  /**
   * Bound on a wait for such a program once our version is in place (default LATE_WRITER_WAIT_MS, 60 s; progress
   * is told every writerWaitMs). Past it, the file it writes is put back: its changes win, ours are not saved.
   */
  lateWriterWaitMs?: number;
  /** Who holds a file open for writing; /proc on Linux. Tests pass `() => undefined` to run the stamp heuristics. */
  findWriters?: FindOpenWriters;
  /** The passes over /proc this write shares with the other writes of the same change (default: its own, of findWriters). */
  scans?: ScanGroup;
  /**
   * MFA Tray's state folder. An existing file in a folder we may not write is then rewritten in place, with its
   * lock, backup and crash journal kept there; without it, writing such a file fails as the folder refuses.
   */
  stateDir?: string;
}

export interface UpdateAwsFileResult {
  changed: boolean;
  /** Set when this call took the one-time backup. */
  backupPath?: string;
}

const NEW_FILE_MODE = 0o600;
const NEW_FOLDER_MODE = 0o700;
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
  /** Waits before anything of ours is in the file. */
  waits: WriterWaitOptions;
  /** Waits once our version is in place (longer, with progress told). */
  lateWaits: WriterWaitOptions;
  /** The wait after our rename for late outside writers (settleMs, or the change's shared `settled`). */
  settle: () => Promise<void>;
  /** Set when the file is written in place (its folder is read-only to us): where lock, backup and journal live. */
  inPlace?: InPlaceArea;
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
  // Joined before anything is awaited: the other writes of the change, started alongside, then wait for its questions.
  const scans = (options.scans ?? shareScans(options.findWriters)).join();
  try {
    return await updateAsMember(path, edit, options, scans);
  } finally {
    scans.leave();
  }
}

async function updateAsMember(
  path: string,
  edit: (current: string) => string,
  options: UpdateAwsFileOptions,
  scans: WriterScans,
): Promise<UpdateAwsFileResult> {
  const role = options.role ?? fileRoleFromName(path);
  const settleMs = options.settleMs ?? settleTimeMs();
  let target: string;
  let realPath: string;
  let inPlace: InPlaceArea | undefined;
  try {
    target = await resolveSymlinkTarget(path);
    await mkdir(dirname(target), { recursive: true, mode: NEW_FOLDER_MODE });
    realPath = join(await realpath(dirname(target)), basename(target));
    if (options.stateDir !== undefined && (await isFile(target)) && (await folderIsReadOnly(dirname(target)))) {
      inPlace = inPlaceAreaFor(options.stateDir, realPath);
      await mkdir(inPlaceFolder(options.stateDir), { recursive: true, mode: NEW_FOLDER_MODE });
    }
  } catch (error) {
    if (error instanceof SymlinkLoopError) throw AwsFileError.wholeFile(path, role, error.message);
    throw fileSystemError(path, role, error, 'written');
  }
  const writerWaitMs = options.writerWaitMs ?? WRITER_WAIT_MS;
  let sharedSettle = options.settled;
  const place: Place = {
    target,
    realPath,
    role,
    waits: { scans, maxWaitMs: writerWaitMs, onWait: options.onWait },
    lateWaits: {
      scans,
      maxWaitMs: Math.max(options.lateWriterWaitMs ?? LATE_WRITER_WAIT_MS, writerWaitMs),
      onWait: options.onWait,
      progressMs: writerWaitMs,
    },
    settle: () => {
      const wait = sharedSettle ?? settleWait(settleMs);
      sharedSettle = undefined;
      return scans.away(wait);
    },
    inPlace,
  };
  let lock;
  try {
    lock = await acquireFileLock(inPlace?.stem ?? target, { ...options.lock, onWait: options.onWait });
  } catch (error) {
    if (error instanceof LockTimeoutError) throw AwsFileError.wholeFile(path, role, error.message);
    throw fileSystemError(path, role, error, 'written');
  }
  try {
    // What a killed writer of ours left: a torn in-place write, or temp files beside the file.
    if (inPlace !== undefined) await recoverUnderLock(inPlace);
    else await removeLeftoverTempFiles(target, [backupPathFor(target)]);
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
  // Without /proc: the largest size this call saw the file at; smaller later means someone truncated it.
  let largestSeen = 0;
  // Our last in-place write, until the file is seen as we wrote it or as someone else wrote it after us.
  let pendingInPlace: InPlaceWrite | undefined;
  // The path's inode that the check after our last write scanned /proc for, with the replaced one, just now.
  let justScanned: WatchedInode | undefined;
  // Where the one backup goes: beside the file, or (in place) in the state folder.
  const backupStem = place.inPlace?.stem ?? target;
  try {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      // Once our version is in place, a writer that outlasts the wait has the last word (see giveWay).
      const waits = wrote === undefined ? place.waits : place.lateWaits;
      let snapshot: Snapshot;
      let canSeeWriters: boolean;
      try {
        // Never read a file while another program is rewriting it: we would see it truncated or half written.
        canSeeWriters = await waitForWritersOfPath(place, waits, justScanned);
        justScanned = undefined;
        snapshot = await takeSnapshot(target, role);
      } catch (error) {
        // Another program's in-place write collided with ours and left the file unreadable: ours goes back out.
        if (pendingInPlace !== undefined && error instanceof AwsFileError) {
          await pendingInPlace.restore();
          pendingInPlace = undefined;
          throw AwsFileError.wholeFile(
            target,
            role,
            "was written by another program at the same moment as MFA Tray wrote it, which left it unreadable; it is back as it was before MFA Tray's write, and this change is not saved. Check the other program's change and try again",
          );
        }
        throw stillWrittenProblem(place, error, wrote === undefined ? 'before' : 'over-ours');
      }
      // Seen as we wrote it, or as someone wrote it after us (their bytes stand; we build on them): settled.
      await pendingInPlace?.finish();
      pendingInPlace = undefined;
      try {
        // Our write survived untouched: done.
        if (lateBase === undefined && wrote !== undefined && snapshot.text === wrote)
          return { changed: true, backupPath };
        if (!canSeeWriters && snapshot.exists && lateBase === undefined) {
          // Without /proc, a file someone changed a moment ago may be truncated and not yet rewritten: let it
          // settle; one that shrank since we saw it was truncated by someone, who may be slow to write it again.
          const quietMs = snapshot.bytes.length < largestSeen ? SHRUNK_QUIET_MS : QUIET_MS;
          largestSeen = Math.max(largestSeen, snapshot.bytes.length);
          const stamp = { ino: snapshot.ino, size: snapshot.bytes.length, mtimeMs: snapshot.mtimeMs };
          if (mayBeMidRewrite(place.realPath, stamp, quietMs)) {
            try {
              await waitUntilQuiet(target, target, waits, quietMs);
            } catch (error) {
              throw stillWrittenProblem(place, error, wrote === undefined ? 'before' : 'over-ours');
            }
            continue;
          }
        }
        const base = lateBase ?? snapshot.text;
        lateBase = undefined;
        const next = edit(base);
        // Done when the file on disk already says what we want.
        if (next === snapshot.text) return wrote !== undefined ? { changed: true, backupPath } : { changed: false };
        const bytes = new TextEncoder().encode(next);
        // Never write what botocore would reject: that would make the whole file unusable for every AWS tool.
        checkAwsFileBytes(bytes, target, role);
        const inPlaceWrite =
          place.inPlace === undefined
            ? undefined
            : await prepareInPlaceWrite(place.inPlace, target, place.realPath, snapshot.bytes, bytes);
        const prepared =
          inPlaceWrite === undefined
            ? await prepareAtomicWrite(target, bytes, snapshot.mode, snapshot.owner)
            : { commit: () => inPlaceWrite.commit(), discard: () => inPlaceWrite.finish() };
        let kept: string | undefined;
        try {
          if (commitAfter !== undefined) await place.waits.scans.away(commitAfter);
          const backingUp = wrote === undefined && snapshot.exists && !(await backupExists(backupStem));
          // Checked after waiting for commitAfter (the other file's lock and write can take seconds), right before
          // the rename: a file replaced or rewritten in the meantime would otherwise be overwritten unseen. A
          // program writing it now is waited out first where our bytes would meet its own (a write in place) or
          // where the file is about to become the backup; a rename leaves its bytes in the file we replace, where
          // the check after the rename finds and merges them, so that /proc is not scanned once more.
          if (!(await stillAsRead(place, snapshot, waits, inPlaceWrite !== undefined || backingUp))) {
            await prepared.discard();
            continue;
          }
          // The one backup holds the file as it was before our first write, read while nobody was writing it
          // and unchanged up to now; it is taken only now, so a half-written file can never become the backup.
          if (backingUp) {
            backupPath = (await ensureBackup(backupStem, snapshot.bytes, snapshot.owner)) ?? backupPath;
            if (!(await stillAsRead(place, snapshot, waits, true))) {
              await prepared.discard();
              continue;
            }
          }
          await assertLockHeld();
          // The last look before the rename, and the cheapest: the very file we read, by inode, size and mtime.
          if (inPlaceWrite !== undefined) {
            if (!(await sameStamps(target, snapshot))) {
              await prepared.discard();
              continue;
            }
          } else {
            kept = snapshot.exists ? await keepReplaced(target, snapshot) : undefined;
            if (snapshot.exists && kept === undefined) {
              await prepared.discard();
              continue;
            }
          }
        } catch (error) {
          await prepared.discard();
          await dropKept(kept);
          throw stillWrittenProblem(place, error, wrote === undefined ? 'before' : 'over-ours');
        }
        try {
          await prepared.commit();
          pendingInPlace = inPlaceWrite;
          const ours = await rememberWhatWeWrote(place);
          if (wrote === undefined) onFirstCommit?.();
          wrote = next;
          try {
            if (inPlaceWrite !== undefined)
              justScanned = await othersAfterInPlaceWrite(place, snapshot, canSeeWriters, settleMs);
            else ({ lateBase, justScanned } = await lateWriteInto(place, snapshot, ours, canSeeWriters, settleMs));
          } catch (error) {
            if (!(error instanceof StillBeingWrittenError)) throw error;
            if (inPlaceWrite !== undefined) throw stillWrittenProblem(place, error, 'over-ours');
            throw await giveWay(place, kept, ours, error);
          }
        } finally {
          await dropKept(kept);
        }
      } finally {
        await snapshot.handle?.close();
      }
    }
  } finally {
    // Leaving with our in-place write still unconfirmed: it landed and someone may be writing over it; either way
    // the file is no torn write of ours, so the journal goes.
    await pendingInPlace?.finish();
  }
  throw AwsFileError.wholeFile(
    target,
    role,
    `keeps being changed by another program; gave up after ${MAX_ROUNDS} attempts`,
  );
}

/**
 * After an in-place write, the other half of the "no concurrent writer" check: someone who opened the file during
 * it is waited out (bounded by the late wait), and the next round reads what the file then holds.
 */
async function othersAfterInPlaceWrite(
  place: Place,
  snapshot: Snapshot,
  canSeeWriters: boolean,
  settleMs: number,
): Promise<WatchedInode | undefined> {
  if (canSeeWriters) {
    await place.settle();
    // Written in place, the file keeps its inode: this is also the check before the next round's read.
    const file = { dev: snapshot.dev, ino: snapshot.ino, realPath: place.realPath };
    await waitWhileWritten([file], place.target, place.lateWaits);
    return file;
  }
  if (snapshot.handle === undefined) return undefined;
  const ours = await stat(place.target);
  const was = { ino: ours.ino, size: ours.size, mtimeMs: ours.mtimeMs };
  if (await changesWithin(snapshot.handle, was, settleMs > 0 ? Math.max(settleMs, QUIET_MS) : 0))
    await waitUntilQuiet(snapshot.handle, place.target, place.lateWaits);
  return undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * A second name for the file about to be replaced, so it can be put back at its path if a program that has it
 * open outlasts our wait. Undefined (nothing linked) when the path no longer holds exactly the file we read.
 */
async function keepReplaced(target: string, snapshot: Snapshot): Promise<string | undefined> {
  if (!(await sameStamps(target, snapshot))) return undefined;
  const kept = tempPathFor(target);
  try {
    await link(target, kept);
  } catch {
    // No hard links here (some network or FAT file systems): the write goes ahead, only without a way back.
    return (await sameStamps(target, snapshot)) ? '' : undefined;
  }
  const linked = await stat(kept);
  if (linked.ino === snapshot.ino && linked.dev === snapshot.dev && (await sameStamps(target, snapshot))) return kept;
  await dropKept(kept);
  return undefined;
}

async function sameStamps(target: string, snapshot: Snapshot): Promise<boolean> {
  try {
    const now = await stat(target);
    return (
      now.ino === snapshot.ino &&
      now.dev === snapshot.dev &&
      now.size === snapshot.bytes.length &&
      now.mtimeMs === snapshot.mtimeMs
    );
  } catch {
    return false;
  }
}

async function dropKept(kept: string | undefined): Promise<void> {
  if (kept) await unlink(kept).catch(() => undefined);
}

/**
 * A program that had the file open before our rename is still writing it after the late bound: its file goes
 * back to the path (when it is still ours there), so whatever it writes lands where every tool reads it. Its
 * changes win; ours are reported not saved, for the caller (who holds them) to retry.
 */
async function giveWay(
  place: Place,
  kept: string | undefined,
  ours: { ino: number; dev: number },
  error: StillBeingWrittenError,
): Promise<AwsFileError> {
  const seconds = error.waitedMs / 1000;
  let putBack = false;
  if (kept) {
    try {
      const now = await stat(place.target);
      if (now.ino === ours.ino && now.dev === ours.dev) {
        await rename(kept, place.target);
        await fsyncDirectory(dirname(place.target));
        putBack = true;
      }
    } catch {
      // left as it is; said below
    }
  }
  return AwsFileError.wholeFile(
    place.target,
    place.role,
    putBack
      ? `was still being written by ${error.who} ${seconds} s after MFA Tray saved its version: the file is back as ${error.who} is writing it (its changes win) and this change is not saved. Try again when it has finished`
      : `was still being written by ${error.who} ${seconds} s after MFA Tray saved its version, into the file MFA Tray replaced, which could not be put back: what it writes there may not reach the file. Check the file and try again when it has finished`,
  );
}

/** A wait for another writer that ran out, in the user's words for where our write stood. */
function stillWrittenProblem(place: Place, error: unknown, when: 'before' | 'over-ours'): unknown {
  if (!(error instanceof StillBeingWrittenError)) return error;
  const seconds = error.waitedMs / 1000;
  return AwsFileError.wholeFile(
    place.target,
    place.role,
    when === 'before'
      ? `is still being written by ${error.who} after ${seconds} s; not saved, so that neither change is lost. Try again when it has finished`
      : `is still being written by ${error.who} ${seconds} s after MFA Tray saved its version: the file is left as ${error.who} writes it (its changes win) and this change may not be in it. Try again when it has finished`,
  );
}

/**
 * Waits while a program holds the file now at the path open for writing; false where that cannot be known. A file
 * the check after our write has just scanned for (`justScanned`, still at the path) is not scanned for again.
 */
async function waitForWritersOfPath(
  place: Place,
  waits: WriterWaitOptions,
  justScanned?: WatchedInode,
): Promise<boolean> {
  let stats;
  try {
    stats = await stat(place.target);
  } catch (error) {
    // No file, so nothing half written to wait for (or to judge by its stamps).
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  if (!stats.isFile()) return true; // takeSnapshot refuses it
  if (stats.dev === justScanned?.dev && stats.ino === justScanned.ino) return true;
  return waitWhileWritten([{ dev: stats.dev, ino: stats.ino, realPath: place.realPath }], place.target, waits);
}

/** The file still holds exactly what we read (and, when `waitForWriters`, nobody is writing it): safe to replace. */
async function stillAsRead(
  place: Place,
  snapshot: Snapshot,
  waits: WriterWaitOptions,
  waitForWriters: boolean,
): Promise<boolean> {
  if (waitForWriters) await waitForWritersOfPath(place, waits);
  return !(await changedSince(place.target, snapshot, place.role));
}

async function rememberWhatWeWrote(place: Place): Promise<{ ino: number; dev: number }> {
  const stats = await stat(place.target);
  rememberOurWrite(place.realPath, { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs });
  return { ino: stats.ino, dev: stats.dev };
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
    await timers.setTimeout(25);
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
 * would vanish with it. We wait until it has closed the file (bounded: LATE_WRITER_WAIT_MS, then giveWay),
 * however long its truncate→write gap, and return that inode's new text (to re-apply our edit on) when it
 * changed. The same pass over /proc looks for writers of our new file, which the next round reads
 * (`justScanned`). Without /proc the replaced file is watched for QUIET_MS after our rename, and a change in
 * that time is waited out until the file has been still for QUIET_MS.
 */
async function lateWriteInto(
  place: Place,
  snapshot: Snapshot,
  ours: { ino: number; dev: number },
  canSeeWriters: boolean,
  settleMs: number,
): Promise<{ lateBase?: string; justScanned?: WatchedInode }> {
  if (snapshot.handle === undefined) return {};
  let justScanned: WatchedInode | undefined;
  if (canSeeWriters) {
    await place.settle();
    const replaced = { dev: snapshot.dev, ino: snapshot.ino, realPath: place.realPath };
    // Ours as renamed, not stat()ed again: the pair's writes wake from the settle together and ask in the same turn.
    // Replaced meanwhile, the path's new file does not match justScanned, and the next round scans for it.
    justScanned = { dev: ours.dev, ino: ours.ino, realPath: place.realPath };
    await waitWhileWritten([replaced, justScanned], place.target, place.lateWaits);
  } else {
    const was = { ino: snapshot.ino, size: snapshot.bytes.length, mtimeMs: snapshot.mtimeMs };
    if (await changesWithin(snapshot.handle, was, settleMs > 0 ? Math.max(settleMs, QUIET_MS) : 0)) {
      // Shrunk: truncated by a writer that may be slow to write it again.
      const shrunk = (await snapshot.handle.stat()).size < snapshot.bytes.length;
      await waitUntilQuiet(snapshot.handle, place.target, place.lateWaits, shrunk ? SHRUNK_QUIET_MS : QUIET_MS);
    }
  }
  const bytes = await readWholeFile(snapshot.handle, place.target, place.role);
  if (Buffer.from(bytes).equals(Buffer.from(snapshot.bytes))) return { justScanned };
  // Without /proc an emptied file may still be a truncate awaiting its write: never a base (ours keeps every line).
  if (!canSeeWriters && bytes.length === 0) return { justScanned };
  try {
    return { lateBase: await checkSettled(snapshot.handle, bytes, place.target, place.role), justScanned };
  } catch {
    return { justScanned }; // garbage left in a file nobody sees any more: nothing of value to keep
  }
}
