// A folder MFA Tray may not write while the files in it stay writable, as tests need it: chmod 0555 for an
// ordinary user; as root (whom modes do not stop) the folder is made immutable (chattr +i), which binds root too.
import { spawnSync } from 'node:child_process';
import { chmod } from 'node:fs/promises';

const CHATTR = '/usr/bin/chattr';

/** Makes `folder` read-only; returns how to undo it, or undefined where this system cannot (the test skips). */
export async function makeFolderReadOnly(folder: string): Promise<(() => Promise<void>) | undefined> {
  if (process.getuid?.() !== 0) {
    await chmod(folder, 0o555);
    return () => chmod(folder, 0o755);
  }
  if (spawnSync(CHATTR, ['+i', folder]).status !== 0) return undefined;
  return async () => {
    spawnSync(CHATTR, ['-i', folder]);
  };
}

/** Whether makeFolderReadOnly works here (checked once, on a folder of its own). */
export function canMakeFolderReadOnly(): boolean {
  if (process.getuid?.() !== 0) return process.platform !== 'win32';
  return spawnSync(CHATTR, ['--help']).error === undefined;
}
