// Bundles the Node-side entry points with esbuild: the Electron main process (ESM), the sandboxed
// preload (a single CommonJS file, since a sandboxed preload cannot require our modules) and the CLI.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { esmOptions, nodeBundleOptions } from './node-bundle-options.mjs';

const entries = [
  { entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.js', ...esmOptions, external: ['electron'] },
  {
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
    platform: 'browser',
  },
  { entryPoints: ['electron/cli/mfa-tray.ts'], outfile: 'dist/cli/mfa-tray.js', ...esmOptions },
];

for (const entry of entries) {
  if (!existsSync(entry.entryPoints[0])) continue;
  await build({ ...nodeBundleOptions, ...entry });
}
