// Bundles the Node-side entry points with esbuild: the Electron main process (ESM), the sandboxed
// preload (a single CommonJS file, since a sandboxed preload cannot require our modules) and the CLI.
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { esmOptions, nodeBundleOptions } from './node-bundle-options.mjs';
import { CLI_LAZY_MODULES } from './cli-lazy-modules.mjs';

const root = resolve(import.meta.dirname, '..');

/**
 * The CLI's entry is one CommonJS file: git runs its credential helper on every fetch and push, and Node starts a
 * CommonJS file with no module loader work, where each ES module (and each chunk) costs resolving, linking and a
 * loader of its own. Its dynamic imports are the doors to the rest (CLI_LAZY_MODULES), which load from the split
 * ES module build below; any other dynamic import would be inlined into the entry, so it fails the build.
 */
const lazyDoors = {
  name: 'cli-lazy-doors',
  setup(esbuild) {
    esbuild.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData === 'resolving') return undefined;
      const found = await esbuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolving',
      });
      if (found.errors.length > 0) return { errors: found.errors };
      const name = CLI_LAZY_MODULES[relative(root, found.path).split('\\').join('/')];
      if (name === undefined) {
        return {
          errors: [
            {
              text: `${relative(root, found.path)} is imported dynamically by the CLI's entry bundle: add it to scripts/cli-lazy-modules.mjs, or import it statically`,
            },
          ],
        };
      }
      return { path: `./${name}.mjs`, external: true };
    });
  },
};

const entries = [
  { entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.js', ...esmOptions, external: ['electron'] },
  {
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    format: 'cjs',
    external: ['electron'],
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'], // esbuild's own for the browser
  },
  { entryPoints: ['electron/cli/mfa-tray.ts'], outfile: 'dist/cli/mfa-tray.cjs', format: 'cjs', plugins: [lazyDoors] },
  // Split: a command loads only the chunks it imports (a renewal loads the SDK; `status` does not).
  {
    entryPoints: Object.fromEntries(Object.entries(CLI_LAZY_MODULES).map(([source, name]) => [name, source])),
    outdir: 'dist/cli',
    ...esmOptions,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  },
];

/** Removes what earlier builds left in dist/cli (the entry of the ES module era, stale chunks). */
function removeStaleOutputs(folder, outputs) {
  const current = new Set(outputs.map((output) => resolve(output)));
  for (const entry of existsSync(folder) ? readdirSync(folder, { withFileTypes: true, recursive: true }) : []) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !current.has(resolve(path))) rmSync(path, { force: true });
  }
}

const cliOutputs = [];
for (const entry of entries) {
  // entryPoints is a list or, for the split CLI build, an object of output names.
  if (!existsSync(Object.values(entry.entryPoints)[0])) continue;
  const result = await build({ ...nodeBundleOptions, ...entry, metafile: true });
  if ((entry.outdir ?? entry.outfile).startsWith('dist/cli')) cliOutputs.push(...Object.keys(result.metafile.outputs));
}
// Removed only after the new files are written: a CLI running meanwhile finds its files.
removeStaleOutputs('dist/cli', cliOutputs);
