import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Settings as LoginItemSettings } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autostartEntry,
  autostartFolder,
  createLoginItem,
  launchCommand,
  LOGIN_LAUNCH_FLAG,
  type LoginItemDeps,
} from './login-item';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'mfa-tray-login item-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

function deps(overrides: Partial<LoginItemDeps> = {}): LoginItemDeps & { calls: LoginItemSettings[] } {
  const calls: LoginItemSettings[] = [];
  return {
    platform: 'linux',
    env: {},
    home,
    command: ['/opt/MFA Tray/mfa-tray-app'],
    app: { setLoginItemSettings: (settings) => void calls.push(settings) },
    calls,
    ...overrides,
  };
}

describe('start at login on Linux', () => {
  it('writes an XDG autostart entry that starts the app hidden, and removes it again', async () => {
    const item = createLoginItem(deps());
    const file = join(home, '.config', 'autostart', 'mfa-tray.desktop');
    await item.set(true);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    expect(text).toContain(`Exec="/opt/MFA Tray/mfa-tray-app" ${LOGIN_LAUNCH_FLAG}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    await item.set(true);
    expect(await readFile(file, 'utf8')).toBe(text);
    await item.set(false);
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
    await item.set(false);
  });

  it('honours an absolute XDG_CONFIG_HOME and ignores a relative one, as the spec says', () => {
    expect(autostartFolder({ XDG_CONFIG_HOME: '/x/conf' }, '/home/a')).toBe('/x/conf/autostart');
    expect(autostartFolder({ XDG_CONFIG_HOME: 'conf' }, '/home/a')).toBe('/home/a/.config/autostart');
    expect(autostartFolder({}, '/home/a')).toBe('/home/a/.config/autostart');
  });

  it('starts the AppImage file itself, not its temporary mount, and the app folder in development', () => {
    const runtime = {
      execPath: '/tmp/.mount_MFA1a2b/mfa-tray-app',
      packaged: true,
      appPath: '/tmp/.mount_MFA1a2b/resources/app.asar',
    };
    expect(launchCommand({ ...runtime, env: { APPIMAGE: '/home/a/Apps/MFA Tray.AppImage' } })).toEqual([
      '/home/a/Apps/MFA Tray.AppImage',
    ]);
    expect(launchCommand({ ...runtime, env: {} })).toEqual([runtime.execPath]);
    expect(
      launchCommand({
        execPath: '/repo/node_modules/electron/dist/electron',
        env: {},
        packaged: false,
        appPath: '/repo',
      }),
    ).toEqual(['/repo/node_modules/electron/dist/electron', '/repo']);
  });

  it('quotes Exec arguments by the Desktop Entry rules', () => {
    const exec = (word: string) => /^Exec=(.*)$/m.exec(autostartEntry([word]))![1];
    expect(exec('/usr/bin/mfa-tray-app')).toBe(`/usr/bin/mfa-tray-app ${LOGIN_LAUNCH_FLAG}`);
    // A `"`, `$` or `\` is backslash-escaped inside the quotes, then every backslash is doubled (string escapes).
    expect(exec('/home/a b/"q"/$HOME/c\\d/100%.AppImage')).toBe(
      `"/home/a b/\\\\"q\\\\"/\\\\$HOME/c\\\\\\\\d/100%%.AppImage" ${LOGIN_LAUNCH_FLAG}`,
    );
    expect(() => autostartEntry(['/home/a\nExec=evil'])).toThrow(/line break/);
  });

  it('fails with the reason when the autostart folder cannot be made, and leaves no file', async () => {
    // A file where ~/.config belongs.
    await writeFile(join(home, '.config'), 'not a folder');
    await expect(createLoginItem(deps()).set(true)).rejects.toThrow(/EEXIST|ENOTDIR/);
  });
});

describe('start at login on macOS and Windows', () => {
  it.each(['darwin', 'win32'] as const)(
    'registers an Electron login item with the login flag on %s',
    async (platform) => {
      const fake = deps({ platform });
      await createLoginItem(fake).set(true);
      await createLoginItem(fake).set(false);
      expect(fake.calls).toEqual([
        { openAtLogin: true, args: [LOGIN_LAUNCH_FLAG] },
        { openAtLogin: false, args: [LOGIN_LAUNCH_FLAG] },
      ]);
      await expect(stat(join(home, '.config'))).rejects.toThrow(/ENOENT/);
    },
  );
});
