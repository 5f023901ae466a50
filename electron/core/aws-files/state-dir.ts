// MFA Tray's own state folder (used TOTP windows, locks, what an in-place write of an AWS file keeps): never
// inside ~/.aws, so the user's AWS files only ever hold what the AWS CLI itself would write. It lives in aws-files
// (app-state re-exports it) because the AWS file writes need it too.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

const STATE_DIR_ENV = 'MFA_TRAY_STATE_DIR';
const APP_FOLDER = 'mfa-tray';

/**
 * Where MFA Tray keeps its state: `MFA_TRAY_STATE_DIR` when set, else the platform's place for app state
 * ($XDG_STATE_HOME or ~/.local/state on Linux, ~/Library/Application Support on macOS, %LOCALAPPDATA% on Windows).
 */
export function resolveStateDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const explicit = env[STATE_DIR_ENV];
  if (explicit) return explicit;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), APP_FOLDER, 'State');
  // XDG says a relative XDG_STATE_HOME is invalid and must be ignored.
  const xdg = env.XDG_STATE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'state'), APP_FOLDER);
}
