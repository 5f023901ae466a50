// One backup of the user's file, taken before our very first write to it and never replaced afterwards:
// it always holds the file as it was before MFA Tray ever touched it.
import { link, lstat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDirectory, tempPathFor, writeTempFile } from './atomic-write';
import { BACKUP_SUFFIX } from './trace-names';

export function backupPathFor(target: string): string {
  return `${target}${BACKUP_SUFFIX}`;
}

/**
 * Creates the backup unless one exists; returns its path only when this call created it. `owner` (the live
 * file's, when we run as root) keeps a backup made under sudo readable by the user whose file it is.
 */
export async function ensureBackup(
  target: string,
  bytes: Uint8Array,
  owner?: { uid: number; gid: number },
): Promise<string | undefined> {
  const backupPath = backupPathFor(target);
  const tempPath = tempPathFor(backupPath);
  // The backup may hold secrets: owner-only whatever the original's mode.
  await writeTempFile(tempPath, bytes, 0o600, owner);
  try {
    // link() fails if the backup exists, so an earlier backup is never overwritten, even by a racing process.
    await link(tempPath, backupPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  } finally {
    await unlink(tempPath).catch(() => undefined);
  }
  await fsyncDirectory(dirname(backupPath));
  return backupPath;
}

/** Cheap check first, so the usual case (backup taken long ago) costs no temp file. */
export async function backupExists(target: string): Promise<boolean> {
  try {
    await lstat(backupPathFor(target));
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
