// The names MFA Tray's own files take beside an AWS file and in its state folder: shared by the writers that make
// them and by the cheap look (interrupted-writes.ts) that tells whether a killed writer left any behind.
import { join } from 'node:path';

/** Every file or folder of ours beside an AWS file is named `<file>.mfa-tray-…`. */
export const OUR_INFIX = '.mfa-tray-';
/** The one-time backup, which stays: the only name of ours that is no trace of an unfinished write. */
export const BACKUP_SUFFIX = `${OUR_INFIX}backup`;
/** Our temp files, so watchers and people can tell them apart from the user's files. */
export const TEMP_MARKER = `${OUR_INFIX}tmp-`;
/** The record of a two-file write in flight (pending-pair.ts). */
export const PENDING_MARKER = `${OUR_INFIX}pending-`;
/** An in-place write in flight (in-place-write.ts). */
export const JOURNAL_SUFFIX = '.journal';

/** Where in-place writes keep their lock, backup, journal and restore copy, in MFA Tray's state folder. */
export function inPlaceFolder(stateDir: string): string {
  return join(stateDir, 'aws-files');
}
