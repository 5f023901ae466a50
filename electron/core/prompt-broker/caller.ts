// Who is asking, as the token dialog names it: "git in ~/src/myRepository". The program is the nearest ancestor
// that is not a shell (git runs `!helper` lines through sh) — Linux's /proc/PID/comm; elsewhere "a program".
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { sep } from 'node:path';
import type { Caller } from './protocol';

const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'fish', 'ksh', 'ash', 'busybox']);
/** Steps up the process tree at most this far (git → git-remote-https → sh → mfa-tray). */
const MAX_STEPS = 4;
const UNKNOWN_PROGRAM = 'a program';

export interface ProcessTable {
  /** The process's name and parent, or undefined when it cannot be read. */
  read(pid: number): Promise<{ name: string; parent: number } | undefined>;
}

/** Linux's /proc: `comm` for the name, the 4th field of `stat` for the parent. */
export const procTable: ProcessTable = {
  async read(pid) {
    try {
      const [comm, stat] = await Promise.all([
        readFile(`/proc/${pid}/comm`, 'utf8'),
        readFile(`/proc/${pid}/stat`, 'utf8'),
      ]);
      // stat is "PID (comm) STATE PPID ...": comm may hold spaces and parentheses, so read after the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return { name: comm.trim(), parent };
    } catch {
      return undefined;
    }
  },
};

/** git's helpers run as git-remote-https, git-credential-…: all of them are "git" to the person. */
function programName(name: string): string {
  if (/^git(-|$)/.test(name)) return 'git';
  return name.replace(/\p{Cc}/gu, '').slice(0, 64) || UNKNOWN_PROGRAM;
}

export async function programOf(parentPid: number, table: ProcessTable = procTable): Promise<string> {
  let pid = parentPid;
  for (let step = 0; step < MAX_STEPS && pid > 1; step++) {
    const entry = await table.read(pid);
    if (!entry) return UNKNOWN_PROGRAM;
    if (!SHELLS.has(entry.name)) return programName(entry.name);
    pid = entry.parent;
  }
  return UNKNOWN_PROGRAM;
}

/** The folder with the home folder shortened to ~ (and control characters dropped: it is shown as text). */
export function shortFolder(folder: string, home: string = homedir()): string {
  const shown =
    folder === home ? '~' : home && folder.startsWith(home + sep) ? `~${sep}${folder.slice(home.length + 1)}` : folder;
  return shown.replace(/\p{Cc}/gu, '').slice(0, 1024) || sep;
}

export async function describeCaller(
  process_: Pick<NodeJS.Process, 'ppid' | 'cwd' | 'platform'> = process,
  table: ProcessTable = procTable,
): Promise<Caller> {
  const program = process_.platform === 'linux' ? await programOf(process_.ppid, table) : UNKNOWN_PROGRAM;
  return { program, folder: shortFolder(process_.cwd()) };
}

/** "git in ~/src/myRepository" */
export function callerLabel(caller: Caller): string {
  return `${caller.program} in ${caller.folder}`;
}
