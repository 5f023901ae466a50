// Writing an AWS file whose folder MFA Tray may not write (the AWS CLI writes such files in place, and so must
// we): no temp file, lock or backup can go beside it, and no rename can replace it. So the file is rewritten in
// place, and what makes that safe lives in MFA Tray's own state folder, keyed by the file's real path: the lock,
// the one-time backup, and for each write a restore copy of the file as it was plus a journal naming both.
// A write that fails midway puts the restore copy back at once; one killed midway is put back by the next start
// (recoverInPlaceWrites), so a kill -9 never leaves the file torn.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { access, mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { removeLeftoverTempFiles, writeFileAtomic } from './atomic-write';
import { backupPathFor } from './backup';
import { acquireFileLock } from './file-lock';
import { inPlaceFolder, JOURNAL_SUFFIX } from './trace-names';

/** How long start-up recovery waits for a live process's lock on the file: housekeeping, never worth a wait. */
const RECOVERY_LOCK_WAIT_MS = 200;

/** Where one AWS file's in-place writes keep their lock (`stem` + the lock suffix), backup, journal and copy. */
export interface InPlaceArea {
  stem: string;
  journal: string;
  restore: string;
}

interface Journal {
  version: 1;
  pid: number;
  host: string;
  /** The real path of the file being written. */
  path: string;
  /** The bytes being written (base64), to tell a torn write from another program's later one. */
  after: string;
}

export function inPlaceAreaFor(stateDir: string, realPath: string): InPlaceArea {
  const hash = createHash('sha256').update(realPath).digest('hex').slice(0, 16);
  const stem = join(inPlaceFolder(stateDir), `${basename(realPath)}-${hash}`);
  return { stem, journal: `${stem}${JOURNAL_SUFFIX}`, restore: `${stem}.restore` };
}

/** True when MFA Tray may not create, rename or remove files in `folder` (the file in it may still be writable). */
export async function folderIsReadOnly(folder: string): Promise<boolean> {
  try {
    await access(folder, constants.W_OK | constants.X_OK);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
  }
}

export interface InPlaceWrite {
  /** Writes the new bytes over the file, syncs and reads them back; on failure puts the old bytes back. */
  commit(): Promise<void>;
  /** Puts the old bytes back (another program's write collided with ours and left the file unreadable). */
  restore(): Promise<void>;
  /** The write is settled (kept, or superseded by another program's write): journal and copy go. */
  finish(): Promise<void>;
}

/**
 * Records the write durably — the restore copy first, then the journal naming it, so a journal never points at a
 * partial copy — and returns how to carry it out. The copy and the journal are owner-only (the file holds keys).
 */
export async function prepareInPlaceWrite(
  area: InPlaceArea,
  target: string,
  realPath: string,
  before: Uint8Array,
  after: Uint8Array,
): Promise<InPlaceWrite> {
  await mkdir(join(area.stem, '..'), { recursive: true, mode: 0o700 });
  await writeFileAtomic(area.restore, before, 0o600);
  const journal: Journal = {
    version: 1,
    pid: process.pid,
    host: hostname(),
    path: realPath,
    after: Buffer.from(after).toString('base64'),
  };
  await writeFileAtomic(area.journal, JSON.stringify(journal), 0o600);
  const finish = async () => {
    await unlink(area.journal).catch(() => undefined);
    await unlink(area.restore).catch(() => undefined);
  };
  return {
    async commit() {
      const handle = await open(target, 'r+');
      try {
        try {
          await overwrite(handle, after);
          if (!sameBytes(await readAll(handle), after)) throw new Error('the bytes read back are not those written');
        } catch (error) {
          // Nothing but our own write can have failed here (a full disk, an I/O error): the old bytes go back.
          await overwrite(handle, before);
          await finish();
          throw error;
        }
      } finally {
        await handle.close();
      }
    },
    async restore() {
      const handle = await open(target, 'r+');
      try {
        await overwrite(handle, before);
      } finally {
        await handle.close();
      }
      await finish();
    },
    finish,
  };
}

/**
 * Puts back what in-place writes killed midway left torn, for every journal in the state folder whose writer is
 * gone: a file that holds neither the old nor the new bytes but a mix of the two (the new bytes over the start
 * of the old) gets the old bytes back. A file someone else wrote since is left alone. Never throws.
 */
export async function recoverInPlaceWrites(stateDir: string): Promise<void> {
  const folder = inPlaceFolder(stateDir);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names.filter((n) => n.endsWith(JOURNAL_SUFFIX))) {
    const stem = join(folder, name.slice(0, -JOURNAL_SUFFIX.length));
    let lock;
    try {
      lock = await acquireFileLock(stem, { timeoutMs: RECOVERY_LOCK_WAIT_MS });
    } catch {
      continue; // a live process is writing that file; it settles its own journal
    }
    try {
      await recoverUnderLock({ stem, journal: `${stem}${JOURNAL_SUFFIX}`, restore: `${stem}.restore` });
    } catch {
      // left for the next start
    } finally {
      await lock.release();
    }
  }
}

/**
 * Settles the journal of `area`, if any, and removes the temp files a killed writer left for its copy, journal or
 * backup; call holding the area's lock (so their writer is gone).
 */
export async function recoverUnderLock(area: InPlaceArea): Promise<void> {
  await removeLeftoverTempFiles(area.restore, [area.journal, backupPathFor(area.stem)]);
  let journal: Journal;
  try {
    journal = JSON.parse(await readFile(area.journal, 'utf8')) as Journal;
  } catch (error) {
    // Torn or missing: written before the file was touched (the copy comes first, the journal last).
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') await unlink(area.journal).catch(() => undefined);
    await unlink(area.restore).catch(() => undefined);
    return;
  }
  if (journal.version !== 1) return;
  const before = await readFile(area.restore);
  const after = Buffer.from(journal.after, 'base64');
  const handle = await open(journal.path, 'r+');
  try {
    if (isTorn(await readAll(handle), before, after)) await overwrite(handle, before);
  } finally {
    await handle.close();
  }
  await unlink(area.journal).catch(() => undefined);
  await unlink(area.restore).catch(() => undefined);
}

/**
 * What our write of `after` from offset 0 over `before` leaves when cut short, other than either of them: the
 * first k bytes of `after`, then `before` from k on (k up to all of `after`, before the truncate).
 */
function isTorn(now: Uint8Array, before: Uint8Array, after: Uint8Array): boolean {
  if (sameBytes(now, before) || sameBytes(now, after)) return false;
  let k = 0;
  while (k < now.length && k < after.length && now[k] === after[k]) k += 1;
  // Bytes both versions share at k make k ambiguous; any k up to the common run gives the same result.
  for (; k >= 0; k -= 1) {
    if (now.length === Math.max(before.length, k) && sameBytes(now.subarray(k), before.subarray(k))) return true;
    if (k === 0 || before[k - 1] !== after[k - 1]) break;
  }
  return false;
}

async function overwrite(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, done);
    done += bytesWritten;
  }
  await handle.truncate(bytes.length);
  await handle.sync();
}

async function readAll(handle: FileHandle): Promise<Uint8Array> {
  const size = (await handle.stat()).size;
  const buffer = Buffer.alloc(size);
  let done = 0;
  while (done < size) {
    const { bytesRead } = await handle.read(buffer, done, size - done, done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
