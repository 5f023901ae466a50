// Who holds a file open for writing right now (Linux /proc). `aws configure set` and editors that save in
// place keep their descriptor open from the truncate to the close: while one does, the file's bytes may be
// half a rewrite, so we must neither read them as a base nor rename our version over them.
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';

export interface OpenWriter {
  pid: number;
  /** The program's name (/proc/PID/comm), to tell the user what we wait for. */
  command: string;
  /** Which of the files asked about it holds open for writing. */
  holds: WatchedInode[];
}

/** The file (by device and inode, which survive renames and unlinks) and the path it was reached by. */
export interface WatchedInode {
  dev: number;
  ino: number;
  /** Its real path: /proc's links show it, with " (deleted)" once we renamed over it. */
  realPath: string;
}

/**
 * Returns who holds any of the files open for writing (one pass for all: a pass over a desktop's tens of thousands
 * of descriptors costs tens of milliseconds), or undefined where this system cannot tell (no /proc: macOS, Windows).
 */
export type FindOpenWriters = (files: readonly WatchedInode[]) => OpenWriter[] | undefined;

const PROC = '/proc';
const ACCESS_MODE_MASK = 0o3; // O_RDONLY 0, O_WRONLY 1, O_RDWR 2

let procReadable: boolean | undefined;

/**
 * Scans /proc/PID/fd of the processes we may look at: ours (same uid) and the file owners', as root. Each
 * descriptor costs one readlink (which never touches the file system the file is on, so a hung network
 * mount cannot stall us); only links naming one of the files are stat()ed to confirm the inode and have their
 * fdinfo read for the access mode. Synchronous on purpose: a few thousand readlinks take milliseconds, and
 * the async version spends more on thread-pool round trips than on the calls.
 */
export const findOpenWriters: FindOpenWriters = (files) => {
  procReadable ??= canReadProc();
  if (!procReadable) return undefined;
  const uids = new Set<number>([process.getuid?.() ?? -1]);
  // Root sees everyone: only the file owner's and root's own processes would be rewriting a user's file.
  if (process.getuid?.() === 0) for (const file of files) uids.add(safeStat(file.realPath)?.uid ?? 0);
  // What /proc's links show for each file: its path, with " (deleted)" once we renamed over it.
  const links = new Set(files.flatMap((file) => [file.realPath, `${file.realPath} (deleted)`]));
  const writers: OpenWriter[] = [];
  for (const name of safeReaddir(PROC)) {
    // Our own process never writes the file in place (our writes are renames, serialised by the lock).
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    const processDir = `${PROC}/${name}`;
    const uid = safeStat(processDir)?.uid;
    if (uid === undefined || !uids.has(uid)) continue;
    const holds = new Set<WatchedInode>();
    for (const fd of safeReaddir(`${processDir}/fd`)) {
      const link = safeReadlink(`${processDir}/fd/${fd}`);
      // Denied for one descriptor, denied for all of the process's (another container, a non-dumpable process):
      // asking for each of them costs a thrown error apiece and tells nothing more.
      if (link === DENIED) break;
      if (link === undefined || !links.has(link)) continue;
      const target = safeStat(`${processDir}/fd/${fd}`);
      const file = files.find((file) => target?.dev === file.dev && target.ino === file.ino);
      if (file === undefined || holds.has(file) || !opensForWriting(`${processDir}/fdinfo/${fd}`)) continue;
      holds.add(file);
      if (holds.size === files.length) break;
    }
    if (holds.size > 0) writers.push({ pid: Number(name), command: processCommand(processDir), holds: [...holds] });
  }
  return writers;
};

function canReadProc(): boolean {
  try {
    return readdirSync(`${PROC}/self/fd`).length > 0;
  } catch {
    return false;
  }
}

function opensForWriting(fdinfo: string): boolean {
  try {
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync(fdinfo, 'utf8'))?.[1];
    if (flags === undefined) return false;
    const mode = Number.parseInt(flags, 8) & ACCESS_MODE_MASK;
    return mode === 1 || mode === 2;
  } catch {
    return false; // closed meanwhile
  }
}

function processCommand(processDir: string): string {
  try {
    return readFileSync(`${processDir}/comm`, 'utf8').trim() || 'another program';
  } catch {
    return 'another program';
  }
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return []; // gone, or not ours to look at
  }
}

const DENIED = Symbol('denied');

function safeReadlink(path: string): string | typeof DENIED | undefined {
  try {
    return readlinkSync(path);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EACCES' ? DENIED : undefined; // else closed meanwhile
  }
}

function safeStat(path: string): { uid: number; dev: number; ino: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** "aws (pid 123)", "vim (pid 4) and aws (pid 5)". */
export function describeWriters(writers: readonly OpenWriter[]): string {
  const names = writers.map((writer) => `${writer.command} (pid ${writer.pid})`);
  return names.length <= 1 ? (names[0] ?? 'another program') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
