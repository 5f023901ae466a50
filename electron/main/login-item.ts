// "Start at login" on every platform. macOS and Windows have Electron's login items; on Linux
// app.setLoginItemSettings does nothing, so we write the freedesktop.org autostart entry ourselves
// ($XDG_CONFIG_HOME/autostart, https://specifications.freedesktop.org/autostart-spec/). Every login launch carries
// LOGIN_LAUNCH_FLAG so that start-up can tell it from a launch the user asked for (launch-intent.ts).
import type { App } from 'electron';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/aws-files';

/** Passed by every login item we register: the app then starts quietly in the tray. */
export const LOGIN_LAUNCH_FLAG = '--hidden';

export const AUTOSTART_FILE_NAME = 'mfa-tray.desktop';

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  /** What starts this app again: launchCommand(...). */
  command: readonly string[];
  app: Pick<App, 'setLoginItemSettings'>;
}

/**
 * How to start this app again in a way that survives updates: an AppImage runs from a temporary mount
 * (/tmp/.mount_*), so its own file ($APPIMAGE, set by the AppImage runtime) is what must be started; a deb, dmg or
 * nsis install keeps its binary where it is. In development the binary needs the app folder.
 */
export function launchCommand(runtime: {
  execPath: string;
  env: NodeJS.ProcessEnv;
  packaged: boolean;
  appPath: string;
}): string[] {
  if (runtime.env.APPIMAGE) return [runtime.env.APPIMAGE];
  return runtime.packaged ? [runtime.execPath] : [runtime.execPath, runtime.appPath];
}

export function autostartFolder(env: NodeJS.ProcessEnv, home: string): string {
  // The spec: $XDG_CONFIG_HOME when it is set and absolute, else ~/.config.
  const configHome = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, 'autostart');
}

/** One Exec argument, quoted by the Desktop Entry rules (quoting, then the string escapes, then %%). */
function execArgument(word: string): string {
  if (/[\n\r\0]/.test(word))
    throw new Error(`A login item cannot start ${JSON.stringify(word)}: it holds a line break.`);
  const quoted = /^[\w@+=:,./-]+$/.test(word) ? word : `"${word.replace(/["`$\\]/g, '\\$&')}"`;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

export function autostartEntry(command: readonly string[]): string {
  const exec = [...command, LOGIN_LAUNCH_FLAG].map(execArgument).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=MFA Tray',
    'Comment=Renews MFA-protected AWS sessions',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function createLoginItem(deps: LoginItemDeps): { set(enabled: boolean): Promise<void> } {
  return {
    async set(enabled) {
      if (deps.platform !== 'linux') {
        // `args` is Windows-only; on macOS start-up asks app.getLoginItemSettings().wasOpenedAtLogin instead.
        deps.app.setLoginItemSettings({ openAtLogin: enabled, args: [LOGIN_LAUNCH_FLAG] });
        return;
      }
      const folder = autostartFolder(deps.env, deps.home);
      const file = join(folder, AUTOSTART_FILE_NAME);
      if (!enabled) {
        await rm(file, { force: true });
        return;
      }
      await mkdir(folder, { recursive: true });
      await writeFileAtomic(file, autostartEntry(deps.command), 0o644);
    },
  };
}
