// macOS "Install 'mfa-tray' command" (as VS Code's "Install 'code' command in PATH"): a symlink in /usr/local/bin
// to the launcher inside the app bundle, so the command follows the app through updates. /usr/local/bin is
// often root's (or missing on Apple Silicon): then macOS asks for an administrator password, once, on the user's
// click. A file there that is not a symlink is someone else's and is left alone.
import { lstat, mkdir, readlink, symlink, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

export const COMMAND_LINK = '/usr/local/bin/mfa-tray';

export interface CommandInstallDeps {
  launcher: string;
  link?: string;
  /** Runs a shell script as administrator (osascript "do shell script … with administrator privileges"). */
  runAsAdministrator(script: string): Promise<void>;
}

const shQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** The AppleScript that runs `script` with administrator privileges (osascript -e). */
export function administratorAppleScript(script: string): string {
  return `do shell script "${script.replace(/[\\"]/g, '\\$&')}" with administrator privileges`;
}

const denied = (error: unknown) =>
  error instanceof Error && 'code' in error && ['EACCES', 'EPERM', 'ENOENT'].includes(String(error.code));

export async function installCommand(deps: CommandInstallDeps): Promise<{ ok: boolean; message: string }> {
  const link = deps.link ?? COMMAND_LINK;
  const existing = await lstat(link).catch(() => undefined);
  if (existing && !existing.isSymbolicLink()) {
    return { ok: false, message: `${link} exists and is not MFA Tray's: remove it, then install the command again.` };
  }
  if (existing && (await readlink(link)) === deps.launcher) {
    return { ok: true, message: `The mfa-tray command is installed (${link}).` };
  }
  try {
    await mkdir(dirname(link), { recursive: true });
    if (existing) await unlink(link);
    await symlink(deps.launcher, link);
  } catch (error) {
    if (!denied(error)) throw error;
    try {
      await deps.runAsAdministrator(
        `mkdir -p ${shQuote(dirname(link))} && ln -sfn ${shQuote(deps.launcher)} ${shQuote(link)}`,
      );
    } catch {
      return { ok: false, message: `The mfa-tray command was not installed: ${link} needs an administrator.` };
    }
  }
  return { ok: true, message: `Installed the mfa-tray command: ${link} → ${deps.launcher}.` };
}
