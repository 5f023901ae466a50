// What start-up shows. A tray icon alone can be invisible: vanilla GNOME has no StatusNotifier host, Windows tucks
// new icons into the overflow. So a launch the user asked for (menu, Finder, a second start) opens a window — the
// wizard while nothing is set up, else the dashboard; only a login launch starts quietly in the tray.
import { LOGIN_LAUNCH_FLAG } from './login-item';

export interface LaunchFacts {
  argv: readonly string[];
  /** app.getLoginItemSettings().wasOpenedAtLogin on macOS (its login items cannot pass arguments). */
  openedAtLoginOnMac: boolean;
  /** There is an MFA session to show (else the user still has to set one up). */
  hasSessions: boolean;
}

export function isLoginLaunch(facts: Pick<LaunchFacts, 'argv' | 'openedAtLoginOnMac'>): boolean {
  return facts.argv.includes(LOGIN_LAUNCH_FLAG) || facts.openedAtLoginOnMac;
}

export function startupWindow(facts: LaunchFacts): 'dashboard' | 'wizard' | undefined {
  if (isLoginLaunch(facts)) return undefined;
  return facts.hasSessions ? 'dashboard' : 'wizard';
}
