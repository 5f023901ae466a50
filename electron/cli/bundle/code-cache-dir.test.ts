import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolveCodeCacheDir } from './code-cache-dir';

const home = () => '/home/ada';

describe("where the CLI keeps V8's code cache", () => {
  it('uses MFA_TRAY_CACHE_DIR when set', () => {
    expect(resolveCodeCacheDir({ MFA_TRAY_CACHE_DIR: '/tmp/x' }, 'linux', home)).toBe('/tmp/x');
  });

  it("uses each platform's cache folder", () => {
    expect(resolveCodeCacheDir({}, 'linux', home)).toBe(join('/home/ada', '.cache', 'mfa-tray'));
    expect(resolveCodeCacheDir({ XDG_CACHE_HOME: '/var/cache/ada' }, 'linux', home)).toBe(
      join('/var/cache/ada', 'mfa-tray'),
    );
    expect(resolveCodeCacheDir({}, 'darwin', home)).toBe(join('/home/ada', 'Library', 'Caches', 'mfa-tray'));
    expect(resolveCodeCacheDir({ LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'win32', home)).toBe(
      join('C:\\Users\\ada\\AppData\\Local', 'mfa-tray', 'Cache'),
    );
  });

  it('ignores a relative XDG_CACHE_HOME, as XDG says', () => {
    expect(resolveCodeCacheDir({ XDG_CACHE_HOME: 'cache' }, 'linux', home)).toBe(
      join('/home/ada', '.cache', 'mfa-tray'),
    );
  });

  it('has none without a home folder', () => {
    const noHome = () => {
      throw new Error('no home');
    };
    expect(resolveCodeCacheDir({}, 'linux', noHome)).toBeUndefined();
  });
});
