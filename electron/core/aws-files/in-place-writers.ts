// Waiting out other programs that rewrite an AWS file in place (truncate, write, close), so that we never take
// their half-written file as our base or backup, and never rename our version over a write still under way.
// Linux: exact, from /proc (who holds the inode open for writing). Elsewhere: from the file's own stamps.
import type { FileHandle } from 'node:fs/promises';
import { stat } from 'node:fs/promises';
import type { FileRole } from './file-problem';
import { AwsFileError } from './aws-file-error';
import type { FindOpenWriters, WatchedInode } from './open-writers';
import { describeWriters } from './open-writers';

/**
 * The bound on every wait for another writer: `aws configure set` holds the file for milliseconds, an
 * editor saving in place for well under a second; a writer still busy after this long is stuck or slowed
 * beyond reason, and our write is reported as not saved instead of racing it.
 */
export const WRITER_WAIT_MS = 10_000;
/**
 * Without /proc: a file changed by someone else less than this long ago may be mid-rewrite (truncated, not
 * yet written); we wait until it has been still this long. Catches in-place writers whose truncate→write
 * gap is shorter than this; /proc (Linux) catches any gap up to WRITER_WAIT_MS.
 */
export const QUIET_MS = 1_000;
const POLL_MS = 25;

export interface WriterWaitOptions {
  findWriters: FindOpenWriters;
  maxWaitMs: number;
  /** Told, in words, what we are waiting for (once per writer set). */
  onWait?: (message: string) => void;
}

/**
 * Waits while another process holds `file` open for writing. Returns false where that cannot be known (no
 * /proc) so the caller falls back to stamps; throws AwsFileError once the bound is exceeded.
 */
export async function waitWhileWritten(
  file: WatchedInode,
  shownPath: string,
  role: FileRole,
  options: WriterWaitOptions,
): Promise<boolean> {
  const deadline = Date.now() + options.maxWaitMs;
  let told = '';
  for (;;) {
    const writers = options.findWriters(file);
    if (writers === undefined) return false;
    if (writers.length === 0) return true;
    const who = describeWriters(writers);
    if (Date.now() >= deadline) {
      throw AwsFileError.wholeFile(
        shownPath,
        role,
        `is still being written by ${who} after ${options.maxWaitMs / 1000} s; not saved, so that neither change is lost. Try again when it has finished`,
      );
    }
    if (who !== told) options.onWait?.(`Waiting for ${who} to finish writing ${shownPath}…`);
    told = who;
    await sleep(POLL_MS);
  }
}

/** Writes and truncates move mtime; ctime also moves when a file is merely renamed over, so it is left out. */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** What our last rename left at each path: a file still carrying exactly these stamps is ours, not in flux. */
const ourLastWrites = new Map<string, FileStamp>();

export function rememberOurWrite(realPath: string, stamp: FileStamp): void {
  ourLastWrites.set(realPath, stamp);
}

/** Without /proc: changed by someone else within QUIET_MS, so possibly truncated and not yet rewritten. */
export function mayBeMidRewrite(realPath: string, stamp: FileStamp, now = Date.now()): boolean {
  const ours = ourLastWrites.get(realPath);
  if (ours !== undefined && sameStamp(ours, stamp)) return false;
  return now - stamp.mtimeMs < QUIET_MS;
}

/**
 * Without /proc: waits until the file (by path, or the open handle of a file we replaced) has not changed for
 * QUIET_MS. Throws AwsFileError if it never does within the bound.
 */
export async function waitUntilQuiet(
  source: string | FileHandle,
  shownPath: string,
  role: FileRole,
  options: Pick<WriterWaitOptions, 'maxWaitMs' | 'onWait'>,
): Promise<void> {
  const deadline = Date.now() + options.maxWaitMs;
  options.onWait?.(`Waiting for ${shownPath} to stop changing (another program is writing it)…`);
  for (;;) {
    // Every write moves mtime (a truncate too): still for QUIET_MS by the file's own stamps means settled.
    const now = await stampOf(source);
    if (now === undefined || Date.now() - now.mtimeMs >= QUIET_MS) return;
    if (Date.now() >= deadline) {
      throw AwsFileError.wholeFile(
        shownPath,
        role,
        `kept changing for ${options.maxWaitMs / 1000} s (another program is writing it); not saved, so that neither change is lost`,
      );
    }
    await sleep(POLL_MS);
  }
}

async function stampOf(source: string | FileHandle): Promise<FileStamp | undefined> {
  try {
    const stats = typeof source === 'string' ? await stat(source) : await source.stat();
    return { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return undefined;
  }
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
