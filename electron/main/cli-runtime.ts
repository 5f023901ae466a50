// How `git mfa` and the wizard's git credential helper start our CLI from the desktop app, by a path that survives
// updates. Installed (deb, dmg, nsis): the `mfa-tray` launcher in resources/bin, which runs the bundled CLI with the
// app's binary as Node (docs/architecture.md). An AppImage's resources live in a temporary mount, so there the
// AppImage file itself is started in the app's CLI mode. In development, the Electron binary with the app folder.
import { join } from 'node:path';
import type { CliRuntime } from '../core/onboarding';

export function desktopCliRuntime(runtime: {
  packaged: boolean;
  env: NodeJS.ProcessEnv;
  execPath: string;
  appPath: string;
  resourcesPath: string;
  platform: NodeJS.Platform;
}): CliRuntime {
  if (!runtime.packaged) return { kind: 'electron-app', execPath: runtime.execPath, appArgs: [runtime.appPath] };
  if (runtime.env.APPIMAGE) return { kind: 'electron-app', execPath: runtime.env.APPIMAGE, appArgs: [] };
  const launcher = join(runtime.resourcesPath, 'bin', 'mfa-tray');
  // git runs helpers with sh (Git for Windows' too), which takes C:/... but not C:\... unquoted paths reliably.
  return { kind: 'launcher', launcher: runtime.platform === 'win32' ? launcher.replace(/\\/g, '/') : launcher };
}
