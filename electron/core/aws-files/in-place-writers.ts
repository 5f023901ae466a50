// Waiting out other programs that rewrite an AWS file in place (truncate, write, close), so that we never take
// their half-written file as our base or backup, and never rename our version over a write still under way.
// Linux: exact, from /proc (who holds the inode open for writing). Elsewhere: from the file's own stamps, which
// bounds what is protected: a writer whose truncate→write gap is under QUIET_MS (SHRUNK_QUIET_MS once we saw the
// file shrink), and one that had the file open at our rename and writes within QUIET_MS after it. A writer that
// truncates in the instant between our last stat and our rename and then waits longer than QUIET_MS is not seen.
import type { FileHandle } from 'node:fs/promises';
import { stat } from 'node:fs/promises';
import * as timers from 'node:timers/promises';
import type { WatchedInode } from './open-writers';
import { describeWriters } from './open-writers';
import type { WriterScans } from './shared-scans';

/**
 * The bound on a wait for another writer before we have written anything: `aws configure set` holds the file
 * for milliseconds, an editor saving in place for well under a second; a writer still busy after this long is
 * stuck or slowed beyond reason, and our write is reported as not saved instead of racing it.
 */
export const WRITER_WAIT_MS = 10_000;
/**
 * The bound on a wait for a writer once our version is in place (it writes into the file we replaced, or into
 * ours): giving up then means putting its file back, so we wait longer, saying so every WRITER_WAIT_MS.
 */
export const LATE_WRITER_WAIT_MS = 60_000;
/**
 * Without /proc: a file changed by someone else less than this long ago may be mid-rewrite (truncated, not
 * yet written); we wait until it has been still this long. After our rename the file we replaced is watched
 * this long too, so a writer that had opened it and writes within this time is merged.
 */
export const QUIET_MS = 1_000;
/**
 * Without /proc: a file seen smaller than before during one write was truncated by someone, who is likely to
 * write it again: it must be still this long before it may be our base.
 */
export const SHRUNK_QUIET_MS = 3_000;
const POLL_MS = 25;

export interface WriterWaitOptions {
  scans: WriterScans;
  maxWaitMs: number;
  /** Told, in words, what we are waiting for (once per writer set, and again every progressMs). */
  onWait?: (message: string) => void;
  /** While a wait lasts, tell onWait again this often how long it has lasted (default: never). */
  progressMs?: number;
}

/** A wait for another program writing the file ran out; `who` names it ("aws (pid 12)", "another program"). */
export class StillBeingWrittenError extends Error {
  constructor(
    readonly who: string,
    readonly waitedMs: number,
  ) {
    super(`still being written by ${who} after ${waitedMs / 1000} s`);
  }
}

/**
 * Waits while another process holds any of `files` open for writing (the same path's inodes: the file we
 * replaced and ours). Returns false where that cannot be known (no /proc) so the caller falls back to stamps;
 * throws StillBeingWrittenError once the bound is exceeded.
 */
export async function waitWhileWritten(
  files: readonly WatchedInode[],
  shownPath: string,
  options: WriterWaitOptions,
): Promise<boolean> {
  const started = Date.now();
  let told = '';
  let toldAt = started;
  for (;;) {
    const writers = await options.scans.scan(files);
    if (writers === undefined) return false;
    if (writers.length === 0) return true;
    const who = describeWriters(writers);
    const now = Date.now();
    if (now - started >= options.maxWaitMs) throw new StillBeingWrittenError(who, options.maxWaitMs);
    if (who !== told) {
      options.onWait?.(`Waiting for ${who} to finish writing ${shownPath}…`);
      told = who;
      toldAt = now;
    } else if (options.progressMs !== undefined && now - toldAt >= options.progressMs) {
      options.onWait?.(progress(who, shownPath, now - started, options.maxWaitMs));
      toldAt = now;
    }
    await options.scans.away(timers.setTimeout(POLL_MS));
  }
}

function progress(who: string, shownPath: string, waitedMs: number, maxWaitMs: number): string {
  return `Still waiting for ${who} to finish writing ${shownPath} (${Math.round(waitedMs / 1000)} s of at most ${maxWaitMs / 1000} s)…`;
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

/** Without /proc: changed by someone else within `quietMs`, so possibly truncated and not yet rewritten. */
export function mayBeMidRewrite(realPath: string, stamp: FileStamp, quietMs = QUIET_MS, now = Date.now()): boolean {
  const ours = ourLastWrites.get(realPath);
  if (ours !== undefined && sameStamp(ours, stamp)) return false;
  return now - stamp.mtimeMs < quietMs;
}

/**
 * Without /proc: waits until the file (by path, or the open handle of a file we replaced) has not changed for
 * `quietMs`. Throws StillBeingWrittenError if it never does within the bound.
 */
export async function waitUntilQuiet(
  source: string | FileHandle,
  shownPath: string,
  options: Pick<WriterWaitOptions, 'maxWaitMs' | 'onWait' | 'progressMs'>,
  quietMs = QUIET_MS,
): Promise<void> {
  const started = Date.now();
  let toldAt = started;
  options.onWait?.(`Waiting for ${shownPath} to stop changing (another program is writing it)…`);
  for (;;) {
    // Every write moves mtime (a truncate too): still for quietMs by the file's own stamps means settled.
    const now = await stampOf(source);
    if (now === undefined || Date.now() - now.mtimeMs >= quietMs) return;
    const waited = Date.now() - started;
    if (waited >= options.maxWaitMs) throw new StillBeingWrittenError('another program', options.maxWaitMs);
    if (options.progressMs !== undefined && Date.now() - toldAt >= options.progressMs) {
      options.onWait?.(progress('another program', shownPath, waited, options.maxWaitMs));
      toldAt = Date.now();
    }
    await timers.setTimeout(POLL_MS);
  }
}

/**
 * Without /proc: watches the handle of the file we just replaced for `watchMs` after our rename; true as soon
 * as a writer that had it open changed it (size or mtime), false when it stayed as it was.
 */
export async function changesWithin(handle: FileHandle, was: FileStamp, watchMs: number): Promise<boolean> {
  const until = Date.now() + watchMs;
  for (;;) {
    const now = await stampOf(handle);
    if (now !== undefined && (now.size !== was.size || now.mtimeMs !== was.mtimeMs)) return true;
    if (Date.now() >= until) return false;
    await timers.setTimeout(POLL_MS);
  }
}

export async function stampOf(source: string | FileHandle): Promise<FileStamp | undefined> {
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
