// Whether a process that left something behind (a lock, a record, a temp file) is still running on this host.
// A leaf module: git's credential helper uses it too, and must not load what the writers import.

/** True while `pid` runs, someone else's process included (signal 0 tests, and EPERM means it exists). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
