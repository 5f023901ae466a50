import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolveStateDir } from './state-dir';

describe('resolveStateDir', () => {
  it('uses MFA_TRAY_STATE_DIR when set, on every platform', () => {
    expect(resolveStateDir({ MFA_TRAY_STATE_DIR: '/tmp/x' }, 'linux', '/home/u')).toBe('/tmp/x');
    expect(resolveStateDir({ MFA_TRAY_STATE_DIR: '/tmp/x' }, 'darwin', '/Users/u')).toBe('/tmp/x');
  });
  it('follows XDG_STATE_HOME on Linux and ignores a relative one', () => {
    expect(resolveStateDir({ XDG_STATE_HOME: '/xdg' }, 'linux', '/home/u')).toBe(join('/xdg', 'mfa-tray'));
    expect(resolveStateDir({ XDG_STATE_HOME: 'rel' }, 'linux', '/home/u')).toBe(
      join('/home/u', '.local', 'state', 'mfa-tray'),
    );
    expect(resolveStateDir({}, 'linux', '/home/u')).toBe(join('/home/u', '.local', 'state', 'mfa-tray'));
  });
  it('uses Application Support on macOS and LOCALAPPDATA on Windows', () => {
    expect(resolveStateDir({}, 'darwin', '/Users/u')).toBe(
      join('/Users/u', 'Library', 'Application Support', 'mfa-tray'),
    );
    expect(resolveStateDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U')).toBe(join('C:\\L', 'mfa-tray', 'State'));
  });
});
