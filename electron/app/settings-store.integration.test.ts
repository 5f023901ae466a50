// The settings store as the app runs it: bundled into one ESM file the way scripts/build-node.mjs bundles
// dist/main/main.js, and run by plain Node. Bundled CommonJS code that needs `__filename` fails only there
// (write-file-atomic did: every settings update threw a ReferenceError in the built app).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { esmOptions, nodeBundleOptions } from '../../scripts/node-bundle-options.mjs';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mfa-tray-settings-bundle-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

async function bundleSaver(): Promise<string> {
  const outfile = join(folder, 'save-settings.mjs');
  await build({
    ...nodeBundleOptions,
    ...esmOptions,
    stdin: {
      contents: `import { createSettingsStore } from './settings-store';
        const store = createSettingsStore(process.argv[2]);
        await store.update({ leadTimeMinutes: 30 });
        console.log(JSON.stringify((await createSettingsStore(process.argv[2]).load()).settings));`,
      resolveDir: import.meta.dirname,
      loader: 'ts',
    },
    outfile,
  });
  return outfile;
}

describe('the settings store in the ESM bundle', () => {
  it('saves settings (owner-only) and reads them back', async () => {
    const saver = await bundleSaver();
    const stateDir = join(folder, 'state');
    const { stdout } = await promisify(execFile)(process.execPath, [saver, stateDir]);
    expect(JSON.parse(stdout)).toMatchObject({ leadTimeMinutes: 30 });
    expect(JSON.parse(await readFile(join(stateDir, 'settings.json'), 'utf8'))).toMatchObject({ leadTimeMinutes: 30 });
    if (process.platform !== 'win32') expect((await stat(join(stateDir, 'settings.json'))).mode & 0o777).toBe(0o600);
  });
});
