import { describe, expect, it } from 'vitest';
import { desktopCliRuntime } from './cli-runtime';

const installed = { packaged: true, env: {}, appPath: 'unused', platform: 'linux' as NodeJS.Platform };

describe("the CLI the wizard writes into git's config", () => {
  it('is the launcher in the install folder, which updates keep in place', () => {
    expect(
      desktopCliRuntime({
        ...installed,
        execPath: '/opt/MFA Tray/mfa-tray-app',
        resourcesPath: '/opt/MFA Tray/resources',
      }),
    ).toEqual({ kind: 'launcher', launcher: '/opt/MFA Tray/resources/bin/mfa-tray' });
    expect(
      desktopCliRuntime({
        ...installed,
        platform: 'darwin',
        execPath: '/Applications/MFA Tray.app/Contents/MacOS/MFA Tray',
        resourcesPath: '/Applications/MFA Tray.app/Contents/Resources',
      }),
    ).toEqual({ kind: 'launcher', launcher: '/Applications/MFA Tray.app/Contents/Resources/bin/mfa-tray' });
  });

  it("uses forward slashes on Windows, where git's sh runs the helper", () => {
    const runtime = desktopCliRuntime({
      ...installed,
      platform: 'win32',
      execPath: 'C:\\Users\\ana\\AppData\\Local\\Programs\\mfa-tray\\MFA Tray.exe',
      resourcesPath: 'C:\\Users\\ana\\AppData\\Local\\Programs\\mfa-tray\\resources',
    });
    expect(runtime).toMatchObject({ kind: 'launcher' });
    expect(runtime.kind === 'launcher' && runtime.launcher).toMatch(
      /^C:\/Users\/ana\/AppData\/Local\/Programs\/mfa-tray\/resources.bin.mfa-tray$/,
    );
    expect(runtime.kind === 'launcher' && runtime.launcher).not.toContain('\\');
  });

  it('starts the AppImage file, not its temporary mount, and the app folder in development', () => {
    const mount = { execPath: '/tmp/.mount_MFAx1/mfa-tray-app', resourcesPath: '/tmp/.mount_MFAx1/resources' };
    expect(desktopCliRuntime({ ...installed, ...mount, env: { APPIMAGE: '/home/a/MFA Tray.AppImage' } })).toEqual({
      kind: 'electron-app',
      execPath: '/home/a/MFA Tray.AppImage',
      appArgs: [],
    });
    expect(
      desktopCliRuntime({
        ...installed,
        packaged: false,
        execPath: '/repo/node_modules/electron/dist/electron',
        appPath: '/repo',
        resourcesPath: '/repo/node_modules/electron/dist/resources',
      }),
    ).toEqual({ kind: 'electron-app', execPath: '/repo/node_modules/electron/dist/electron', appArgs: ['/repo'] });
  });
});
