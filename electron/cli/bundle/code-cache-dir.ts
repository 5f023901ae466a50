// Where the CLI keeps V8's code cache of its commands bundle: the platform's cache folder, which the user may empty
// at any time (the next run compiles again), apart from MFA Tray's state.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

const CACHE_DIR_ENV = 'MFA_TRAY_CACHE_DIR';
const APP_FOLDER = 'mfa-tray';

/**
 * `MFA_TRAY_CACHE_DIR` when set, else $XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
 * %LOCALAPPDATA%\mfa-tray\Cache on Windows; undefined without a home to put it in.
 */
export function resolveCodeCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: () => string = homedir,
): string | undefined {
  const explicit = env[CACHE_DIR_ENV];
  if (explicit) return explicit;
  try {
    if (platform === 'darwin') return join(home(), 'Library', 'Caches', APP_FOLDER);
    if (platform === 'win32') return join(env.LOCALAPPDATA || join(home(), 'AppData', 'Local'), APP_FOLDER, 'Cache');
    // XDG says a relative XDG_CACHE_HOME is invalid and must be ignored.
    const xdg = env.XDG_CACHE_HOME;
    return join(xdg && isAbsolute(xdg) ? xdg : join(home(), '.cache'), APP_FOLDER);
  } catch {
    return undefined; // no home folder (a service account): no cache
  }
}
