import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadHost, electronBinary, start } from './start.mjs';

function electronDir(binary: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'start-electron-'));
  writeFileSync(join(dir, 'path.txt'), 'electron');
  if (binary) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
  }
  return dir;
}

function steps(builds = 0) {
  const calls: string[] = [];
  return {
    calls,
    install: () => (calls.push('install'), { ok: false, reason: 'TypeError: fetch failed' }),
    build: () => (calls.push('build'), builds),
    launch: (binary: string) => (calls.push(`launch ${binary}`), 0),
  };
}

describe('npm start', () => {
  it('builds and starts the binary require("electron") would return', () => {
    const dir = electronDir(true);
    const { calls, ...rest } = steps();
    expect(start({ electronDir: dir, env: {}, stderr: () => undefined, ...rest })).toBe(0);
    expect(calls).toEqual(['build', `launch ${join(dir, 'dist', 'electron')}`]);
  });

  it('without a binary that can be fetched: one line, nothing built, and the CLI named', () => {
    const { calls, ...rest } = steps();
    const said: string[] = [];
    const exit = start({
      electronDir: electronDir(false),
      env: {},
      stderr: (text: string) => said.push(text),
      ...rest,
    });
    expect(exit).toBe(1);
    expect(calls).toEqual(['install']);
    expect(said).toEqual([
      'npm start: the Electron binary is not installed and could not be downloaded from github.com (TypeError: fetch failed). Nothing was changed; the mfa-tray command works without it: npx mfa-tray status\n',
    ]);
  });

  it('stops when the build fails', () => {
    const { calls, ...rest } = steps(2);
    expect(start({ electronDir: electronDir(true), env: {}, stderr: () => undefined, ...rest })).toBe(2);
    expect(calls).toEqual(['build']);
  });

  it('finds the binary under ELECTRON_OVERRIDE_DIST_PATH and names the mirror it downloads from', () => {
    const dir = electronDir(true);
    expect(electronBinary(electronDir(false), { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'dist') })).toBe(
      join(dir, 'dist', 'electron'),
    );
    expect(electronBinary(electronDir(false), {})).toBeUndefined();
    expect(downloadHost({ ELECTRON_MIRROR: 'https://mirror.example.com/electron/' })).toBe('mirror.example.com');
  });
});
