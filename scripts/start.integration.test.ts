// `npm start` where Electron's download host cannot be reached, with Electron's real installer: a copy of its
// package without the binary, and a mirror on a closed local port (so no machine downloads anything here).
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { start } from './start.mjs';

const realElectron = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const nodeModules = fileURLToPath(new URL('../node_modules', import.meta.url));

describe('npm start without a reachable download host', () => {
  it('says in one line what failed, changes nothing, and points to the CLI', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-no-electron-'));
    for (const file of ['install.js', 'package.json', 'checksums.json'])
      copyFileSync(join(realElectron, file), join(dir, file));
    const before = readdirSync(dir).sort();
    const env = {
      PATH: process.env.PATH,
      NODE_PATH: nodeModules,
      ELECTRON_MIRROR: 'http://127.0.0.1:1/',
      electron_config_cache: mkdtempSync(join(tmpdir(), 'start-cache-')),
    };
    const said: string[] = [];
    let built = false;
    const exit = start({
      electronDir: dir,
      env,
      stderr: (text: string) => said.push(text),
      build: () => ((built = true), 0),
      launch: () => 0,
    });
    expect(exit).toBe(1);
    expect(built).toBe(false);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(
      /^npm start: the Electron binary is not installed and could not be downloaded from 127\.0\.0\.1:1 \(.+\)\. Nothing was changed; the mfa-tray command works without it: npx mfa-tray status\n$/,
    );
    expect(said[0]).toContain('fetch failed');
    expect(said[0]).not.toMatch(/\n./);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
