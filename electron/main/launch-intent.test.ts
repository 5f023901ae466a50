import { describe, expect, it } from 'vitest';
import { startupWindow } from './launch-intent';
import { LOGIN_LAUNCH_FLAG } from './login-item';

describe('what start-up shows', () => {
  it('opens the dashboard on a launch the user asked for, the wizard while nothing is set up', () => {
    expect(startupWindow({ argv: ['/opt/MFA Tray/mfa-tray-app'], openedAtLoginOnMac: false, hasSessions: true })).toBe(
      'dashboard',
    );
    expect(startupWindow({ argv: ['/opt/MFA Tray/mfa-tray-app'], openedAtLoginOnMac: false, hasSessions: false })).toBe(
      'wizard',
    );
  });

  it('starts quietly in the tray at login, from the login flag or macOS login items', () => {
    expect(startupWindow({ argv: ['app', LOGIN_LAUNCH_FLAG], openedAtLoginOnMac: false, hasSessions: false })).toBe(
      undefined,
    );
    expect(startupWindow({ argv: ['app'], openedAtLoginOnMac: true, hasSessions: true })).toBe(undefined);
  });
});
