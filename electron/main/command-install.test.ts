import { lstat, mkdir, mkdtemp, readlink, rm, writeFile, chmod, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { administratorAppleScript, installCommand } from './command-install';

let dir: string;
const launcher = '/Applications/MFA Tray.app/Contents/Resources/bin/mfa-tray';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-tray-command-'));
});
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe("macOS 'Install mfa-tray command'", () => {
  it('links the launcher, is idempotent, and replaces a link to an older location', async () => {
    const link = join(dir, 'bin', 'mfa-tray');
    const scripts: string[] = [];
    const deps = { launcher, link, runAsAdministrator: async (script: string) => void scripts.push(script) };
    expect(await installCommand(deps)).toMatchObject({ ok: true, message: expect.stringMatching(/^Installed/) });
    expect(await readlink(link)).toBe(launcher);
    expect(await installCommand(deps)).toMatchObject({ ok: true, message: expect.stringMatching(/is installed/) });
    await rm(link);
    await symlink('/Volumes/MFA Tray/old/mfa-tray', link);
    await installCommand(deps);
    expect(await readlink(link)).toBe(launcher);
    expect(scripts).toEqual([]);
  });

  it("leaves someone else's file alone", async () => {
    const link = join(dir, 'mfa-tray');
    await writeFile(link, '#!/bin/sh\necho theirs\n');
    const result = await installCommand({ launcher, link, runAsAdministrator: async () => undefined });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/not MFA Tray's/) });
    expect((await lstat(link)).isFile()).toBe(true);
  });

  it.runIf(process.getuid?.() !== 0)('asks for an administrator where the folder is not writable', async () => {
    const folder = join(dir, 'root-owned');
    await mkdir(folder);
    await chmod(folder, 0o555);
    const scripts: string[] = [];
    const link = join(folder, 'mfa-tray');
    const result = await installCommand({ launcher, link, runAsAdministrator: async (s) => void scripts.push(s) });
    expect(result.ok).toBe(true);
    expect(scripts).toEqual([`mkdir -p '${folder}' && ln -sfn '${launcher}' '${link}'`]);
  });

  it.runIf(process.getuid?.() !== 0)('reports a refused password without installing', async () => {
    const folder = join(dir, 'root-owned');
    await mkdir(folder);
    await chmod(folder, 0o555);
    const link = join(folder, 'mfa-tray');
    const result = await installCommand({
      launcher,
      link,
      runAsAdministrator: async () => {
        throw new Error('User canceled.');
      },
    });
    expect(result).toEqual({
      ok: false,
      message: `The mfa-tray command was not installed: ${link} needs an administrator.`,
    });
    await expect(lstat(link)).rejects.toThrow(/ENOENT/);
  });

  it('throws what is no permission problem, e.g. a file where the folder belongs', async () => {
    await writeFile(join(dir, 'bin'), 'a file');
    await expect(
      installCommand({ launcher, link: join(dir, 'bin', 'mfa-tray'), runAsAdministrator: async () => undefined }),
    ).rejects.toThrow(/EEXIST|ENOTDIR/);
  });

  it('escapes the shell script for AppleScript, and sh runs it as written', async () => {
    const script = `mkdir -p '/tmp/a "b"' && echo 'c\\d'`;
    const apple = administratorAppleScript(script);
    expect(apple).toBe(`do shell script "mkdir -p '/tmp/a \\"b\\"' && echo 'c\\\\d'" with administrator privileges`);
    const inner = /^do shell script "(.*)" with administrator privileges$/.exec(apple)![1]!.replace(/\\(.)/g, '$1');
    expect(inner).toBe(script);
  });
});
