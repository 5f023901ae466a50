// Before a renewal spends an MFA code: would the write it ends with succeed? Each thing a write needs is tried
// for real and undone at once — the file may be written (not read-only, not immutable), its folder takes the
// lock, the temp file and the backup that live beside it, the edits apply to today's text, and the disk holds a
// temp file as big as what the write will put there (new file plus, before our first write, the backup).
// A folder we may not write, holding a file we may, is written in place (in-place-write.ts) with lock, backup
// and journal in the state folder: then the file must open for writing, the state folder must take the lock and a
// temp file as big as the restore copy and backup, and the file's own disk must hold what the file grows by.
import { constants } from 'node:fs';
import { access, mkdir, open, realpath, stat, statfs, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { tempPathFor, writeTempFile } from './atomic-write';
import { AwsFileError } from './aws-file-error';
import { backupExists } from './backup';
import { inPlaceAreaFor } from './in-place-write';
import { inPlaceFolder } from './trace-names';
import { acquireFileLock, LockTimeoutError } from './file-lock';
import type { AwsFileLocations } from './locations';
import {
  applyProfileSettingsPlan,
  planProfileSettings,
  type ProfileSettingsPlacement,
  type ProfileSettingsPlan,
} from './profile-settings';
import { readAwsFile } from './read-aws-file';
import { resolveSymlinkTarget, SymlinkLoopError } from './symlink-target';

/** Room for a value that grows between this check and the write (a longer session token than the stand-in). */
const SPACE_MARGIN_BYTES = 4096;

/**
 * Throws AwsFileError (naming the file and what to do) when writing `values` to `profile` would fail now.
 * `values` may be stand-ins of the real values' size: only where they go and how long they are matter.
 */
export async function checkProfileWritable(
  locations: AwsFileLocations,
  profile: string,
  values: Record<string, string | null>,
  placement: ProfileSettingsPlacement = {},
): Promise<void> {
  // Both files at once (each under its own lock): the checks are independent, and the first problem in the
  // files' order (credentials, then config) is the one reported.
  const results = await Promise.allSettled(
    planProfileSettings(locations, profile, values, placement).map((plan) => checkPlan(plan, locations.stateDir)),
  );
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}

async function checkPlan(plan: ProfileSettingsPlan, stateDir: string | undefined): Promise<void> {
  const fail = (message: string) => AwsFileError.wholeFile(plan.path, plan.role, message);
  let target: string;
  try {
    target = await resolveSymlinkTarget(plan.path);
  } catch (error) {
    if (error instanceof SymlinkLoopError) throw fail(error.message);
    throw fail(`cannot be examined: ${reason(error)}`);
  }
  const existing = await statOrUndefined(target, plan);
  if (existing !== undefined) {
    // Checked by type first: opening a FIFO or a device to read it could block or have effects.
    if (!existing.isFile()) throw fail('is not a regular file; MFA Tray writes only regular files');
    if ((existing.mode & 0o200) === 0) {
      throw fail(
        `is read-only (mode ${(existing.mode & 0o777).toString(8).padStart(4, '0')}): MFA Tray takes that as "do not write", as \`aws configure set\` does; make it writable (chmod u+w) if renewals should go there`,
      );
    }
    try {
      await access(target, constants.W_OK);
    } catch (error) {
      throw fail(`cannot be written: ${reason(error)}`);
    }
  }
  const text = (await readAwsFile(plan.path, { role: plan.role })).text;
  const next = applyProfileSettingsPlan(plan, text);

  const folder = dirname(target);
  const folderProblem = await folderProblemOf(folder);
  if (folderProblem === 'missing') return; // created (0700) by the write itself, like `aws configure set` does
  if (folderProblem !== undefined && existing !== undefined && stateDir !== undefined) {
    await checkInPlace(target, existing.size, new TextEncoder().encode(next).length, stateDir, fail);
    return;
  }
  if (folderProblem !== undefined) {
    throw fail(
      `cannot be saved: its folder ${folder} ${folderProblem}. MFA Tray replaces the file atomically (a temp file renamed over it) and keeps its lock and backup beside it, so it needs to write that folder; make it writable (chmod u+w)`,
    );
  }
  const needed =
    new TextEncoder().encode(next).length +
    (existing !== undefined && !(await backupExists(target)) ? existing.size : 0) +
    SPACE_MARGIN_BYTES;
  await probeUnderLock(target, needed, fail);
}

/** The in-place write of a file in a folder we may not write (see the head of this file). */
async function checkInPlace(
  target: string,
  size: number,
  nextSize: number,
  stateDir: string,
  fail: (message: string) => AwsFileError,
): Promise<void> {
  try {
    await (await open(target, 'r+')).close();
  } catch (error) {
    throw fail(`cannot be written in place: ${reason(error)}`);
  }
  const growth = Math.max(0, nextSize - size) + SPACE_MARGIN_BYTES;
  try {
    const disk = await statfs(dirname(target));
    if (disk.bavail * disk.bsize < growth) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
  } catch (error) {
    throw fail(`cannot be written in place: it grows by up to ${growth} bytes and ${reason(error)}`);
  }
  const realPath = join(await realpath(dirname(target)), basename(target));
  const area = inPlaceAreaFor(stateDir, realPath);
  try {
    await mkdir(inPlaceFolder(stateDir), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw fail(`cannot be written in place: MFA Tray's state folder ${stateDir} cannot be written (${reason(error)})`);
  }
  // The restore copy of every write, and before our first write the backup, go to the state folder.
  const needed = size + ((await backupExists(area.stem)) ? 0 : size) + SPACE_MARGIN_BYTES;
  await probeUnderLock(
    area.stem,
    needed,
    fail,
    `in MFA Tray's state folder ${stateDir} (which holds the lock and copies of a file whose folder is read-only)`,
  );
}

async function statOrUndefined(target: string, plan: ProfileSettingsPlan) {
  try {
    return await stat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw AwsFileError.wholeFile(plan.path, plan.role, `cannot be examined: ${reason(error)}`);
  }
}

/** Why the folder cannot take new files, 'missing' when it does not exist yet, undefined when it can. */
async function folderProblemOf(folder: string): Promise<string | undefined> {
  try {
    if (!(await stat(folder)).isDirectory()) return 'is not a folder';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return `cannot be examined (${reason(error)})`;
  }
  try {
    await access(folder, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    return `is read-only to MFA Tray (${reason(error)})`;
  }
}

/** Takes the file's lock and writes a temp file of `bytes` beside it, then removes both. */
async function probeUnderLock(
  target: string,
  bytes: number,
  fail: (message: string) => AwsFileError,
  beside = 'beside it',
): Promise<void> {
  let lock;
  try {
    lock = await acquireFileLock(target);
  } catch (error) {
    if (error instanceof LockTimeoutError) throw fail(error.message);
    throw fail(`cannot be locked for writing: ${reason(error)}`);
  }
  try {
    const probe = tempPathFor(target);
    try {
      // Spaces, not zeros: a file system that compresses or dedups zero pages would not really allocate them.
      await writeTempFile(probe, Buffer.alloc(bytes, 0x20), 0o600);
    } catch (error) {
      throw fail(`cannot be saved: a ${bytes}-byte temp file ${beside} could not be written (${reason(error)})`);
    }
    await unlink(probe).catch(() => undefined);
  } finally {
    await lock.release();
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted — an immutable or append-only file or folder? (lsattr shows it)',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a file stands where a folder should be in its path',
  ELOOP: 'a loop of symbolic links',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === undefined ? String(error) : (REASONS[code] ?? code);
}
