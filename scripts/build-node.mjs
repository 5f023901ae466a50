// Bundles the Node-side entry points with esbuild: the Electron main process (ESM), the sandboxed
// preload (a single CommonJS file, since a sandboxed preload cannot require our modules) and the CLI.
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
  // Split: a command loads only the chunks it imports (the git helper's pre-check loads no SDK, commander or zod).
  {
    entryPoints: ['electron/cli/mfa-tray.ts'],
    outdir: 'dist/cli',
    ...esmOptions,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  },
];

function removeStaleChunks(folder, outputs) {
  const current = new Set(outputs.map((output) => resolve(output)));
  for (const name of existsSync(folder) ? readdirSync(folder) : []) {
    if (!current.has(resolve(folder, name))) rmSync(join(folder, name), { force: true });
  }
}

for (const entry of entries) {
  if (!existsSync(entry.entryPoints[0])) continue;
  const result = await build({ ...nodeBundleOptions, ...entry, metafile: true });
  // Chunks of earlier builds are removed after the new ones are written: a CLI running meanwhile finds its files.
  if (entry.splitting) removeStaleChunks(join(entry.outdir, 'chunks'), Object.keys(result.metafile.outputs));
}
