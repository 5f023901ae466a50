import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const hook = require('../../assets/packaging/after-pack.cjs') as {
  FUSES: Record<number, boolean>;
  executablePath(context: unknown): string;
};

describe('packaging', () => {
  it('turns off RunAsNode and the inspector, loads the app only from an integrity-checked asar', () => {
    expect(hook.FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(hook.FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(hook.FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(hook.FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
  });

  it('finds the packaged binary on every platform', () => {
    const context = (platform: string) => ({
      electronPlatformName: platform,
      appOutDir: '/out',
      packager: { appInfo: { productFilename: 'MFA Tray' }, executableName: 'mfa-tray' },
    });
    expect(hook.executablePath(context('darwin'))).toBe('/out/MFA Tray.app');
    expect(hook.executablePath(context('win32'))).toBe('/out/MFA Tray.exe');
    expect(hook.executablePath(context('linux'))).toBe('/out/mfa-tray');
  });

  it('builds the three platforms, a menu-bar app on macOS, with the hook wired', () => {
    const yml = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');
    expect(yml).toMatch(/afterPack: assets\/packaging\/after-pack\.cjs/);
    expect(yml).toMatch(/target: \[AppImage, deb\]/);
    expect(yml).toMatch(/target: dmg[\s\S]*LSUIElement: true/);
    expect(yml).toMatch(/target: nsis/);
  });
});
