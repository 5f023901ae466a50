import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { APP_ID } from './app-identity';

const require = createRequire(import.meta.url);
const hook = require('../../assets/packaging/after-pack.cjs') as {
  FUSES: Record<number, boolean>;
  executablePath(context: unknown): string;
};
const beforeBuild = require('../../assets/packaging/before-build.cjs') as () => Promise<boolean>;
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const yml = read('electron-builder.yml');

describe('packaging', () => {
  it('keeps RunAsNode for the CLI launchers, but takes no Node options or inspector from outside, and loads only an integrity-checked asar', () => {
    expect(hook.FUSES[FuseV1Options.RunAsNode]).toBe(true);
    expect(hook.FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(hook.FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(hook.FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(hook.FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
  });

  it('finds the packaged binary on every platform', () => {
    const context = (platform: string) => ({
      electronPlatformName: platform,
      appOutDir: '/out',
      packager: { appInfo: { productFilename: 'MFA Tray' }, executableName: 'mfa-tray-app' },
    });
    expect(hook.executablePath(context('darwin'))).toBe('/out/MFA Tray.app');
    expect(hook.executablePath(context('win32'))).toBe('/out/MFA Tray.exe');
    expect(hook.executablePath(context('linux'))).toBe('/out/mfa-tray-app');
  });

  it('builds the three platforms, a menu-bar app on macOS, with the hooks wired', () => {
    expect(yml).toMatch(/afterPack: assets\/packaging\/after-pack\.cjs/);
    expect(yml).toMatch(/target: \[AppImage, deb\]/);
    expect(yml).toMatch(/target: dmg[\s\S]*LSUIElement: true/);
    expect(yml).toMatch(/target: nsis/);
  });

  it('packs no node_modules: everything is bundled', async () => {
    expect(yml).toMatch(/^beforeBuild: assets\/packaging\/before-build\.cjs$/m);
    expect(await beforeBuild()).toBe(false);
    expect(yml).not.toMatch(/^\s+- node_modules/m);
  });

  it('gives Windows toasts the AppUserModelID the installer puts on its shortcut', () => {
    expect(yml).toMatch(new RegExp(`^appId: ${APP_ID.replace(/\./g, '\\.')}\\b`, 'm'));
  });

  it('ships the launchers beside the app, where they look for its binary, and the deb links /usr/bin/mfa-tray to them', () => {
    expect(yml).toMatch(
      /extraResources:\n\s+- from: assets\/packaging\/bin\n\s+to: bin\n(\s+#.*\n)*\s+- from: dist\/cli\n\s+to: cli\n\s+filter: \['\*\.cjs'\]/,
    );
    expect(yml).toMatch(/^productName: MFA Tray$/m);
    expect(yml).toMatch(/^\s+executableName: mfa-tray-app$/m);
    const sh = read('assets/packaging/bin/mfa-tray');
    for (const binary of ['/../MacOS/MFA Tray', '/../MFA Tray.exe', '/../mfa-tray-app']) expect(sh).toContain(binary);
    expect(read('assets/packaging/bin/mfa-tray.cmd')).toContain(
      '"%~dp0..\\..\\MFA Tray.exe" "%~dp0..\\cli\\mfa-tray.cjs" %*',
    );
    expect(yml).toMatch(/- assets\/packaging\/linux\/usr-bin-mfa-tray=\/usr\/bin\/mfa-tray/);
    expect(read('assets/packaging/linux/usr-bin-mfa-tray')).toContain(
      `exec '/opt/MFA Tray/resources/bin/mfa-tray' "$@"`,
    );
    for (const file of ['assets/packaging/bin/mfa-tray', 'assets/packaging/linux/usr-bin-mfa-tray'])
      expect(statSync(new URL(`../../${file}`, import.meta.url)).mode & 0o111, `${file} is executable`).toBe(0o111);
  });

  it('has what `electron-builder --linux deb` requires: a homepage and an author with an email', () => {
    const pkg = JSON.parse(read('package.json')) as { homepage?: string; author?: { email?: string } };
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  });
});
