// Bundles the Node-side entry points with esbuild: the Electron main process (ESM), the sandboxed
// preload (a single CommonJS file, since a sandboxed preload cannot require our modules) and the CLI.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { esmOptions, nodeBundleOptions } from './node-bundle-options.mjs';
import { CLI_DOORS } from './cli-doors.mjs';

const root = resolve(import.meta.dirname, '..');

/**
 * The CLI's entry is one CommonJS file, dist/cli/main.cjs: git runs its credential helper on every fetch and push, and
 * a CommonJS file needs no module loader work, where each ES module costs resolving, linking and a loader of its own.
 * dist/cli/mfa-tray.cjs (electron/cli/bundle/start.ts) runs it compiled with V8's code cache (cached-script.ts). Its
 * dynamic imports are the doors to the rest (CLI_DOORS): each becomes a door of dist/cli/commands.cjs, compiled the
 * same way (commands-bundle.ts). Any other dynamic import would be inlined into the entry, so it fails the build.
 */
const commandsDoors = {
  name: 'cli-doors',
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
      const name = CLI_DOORS[relative(root, found.path).split('\\').join('/')];
      if (name === undefined) {
        return {
          errors: [
            {
              text: `${relative(root, found.path)} is imported dynamically by the CLI's entry bundle: add it to scripts/cli-doors.mjs, or import it statically`,
            },
          ],
        };
      }
      return { path: name, namespace: 'cli-door' };
    });
    esbuild.onLoad({ filter: /.*/, namespace: 'cli-door' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(join(root, 'electron/cli/bundle/commands-bundle.ts'))}).openDoor(require('node:path').join(__dirname, 'commands.cjs'), ${JSON.stringify(args.path)});`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};

/**
 * commands.cjs: each door a lazy require, so a door's modules are evaluated only when it is opened. Generated from
 * CLI_DOORS, the one list of them.
 */
const commandsEntry = `exports.doors = {\n${Object.entries(CLI_DOORS)
  .map(([source, name]) => `  ${JSON.stringify(name)}: () => require(${JSON.stringify(`./${source}`)}),`)
  .join('\n')}\n};\n`;

/**
 * The SDK imports some of Node's modules dynamically (node:http, async_hooks); in commands.cjs they are required,
 * since code compiled from V8's cache has no ES module loader to import with.
 */
const builtinsRequired = {
  name: 'builtins-required',
  setup(esbuild) {
    esbuild.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' && isBuiltin(args.path) ? { path: args.path, namespace: 'builtin' } : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
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
  { entryPoints: ['electron/cli/bundle/start.ts'], outfile: 'dist/cli/mfa-tray.cjs', format: 'cjs' },
  {
    entryPoints: ['electron/cli/mfa-tray.ts'],
    outfile: 'dist/cli/main.cjs',
    format: 'cjs',
    plugins: [commandsDoors],
  },
  {
    stdin: { contents: commandsEntry, resolveDir: root, sourcefile: 'cli-doors.js' },
    outfile: 'dist/cli/commands.cjs',
    format: 'cjs',
    plugins: [builtinsRequired],
    // version.ts finds package.json from its own file.
    define: { 'import.meta.url': '__mfaImportMetaUrl' },
    banner: { js: "const __mfaImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
];

/** Removes what earlier builds left in dist/cli (the split ES modules of earlier versions, stale maps). */
function removeStaleOutputs(folder, outputs) {
  const current = new Set(outputs.map((output) => resolve(output)));
  for (const entry of existsSync(folder) ? readdirSync(folder, { withFileTypes: true, recursive: true }) : []) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !current.has(resolve(path))) rmSync(path, { force: true });
  }
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && readdirSync(join(folder, entry.name)).length === 0)
      rmSync(join(folder, entry.name), { recursive: true });
  }
}

/**
 * A file compiled with the code cache (main.cjs, commands.cjs) must be ASCII, which the loader decodes as Latin-1 (half
 * the time of UTF-8): esbuild escapes strings and identifiers but leaves a few characters in regular expressions and
 * comments, where `\uXXXX` means the same. And it must not import(): code compiled by node:vm cannot.
 */
const COMPILED_WITH_CACHE = ['dist/cli/main.cjs', 'dist/cli/commands.cjs'];

function finishCachedBundle(outfile, metafile) {
  const text = readFileSync(outfile, 'utf8');
  const ascii = text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(outfile, ascii);
  const imports = metafile.outputs[relative(root, outfile).split('\\').join('/')]?.imports ?? [];
  const dynamic = imports.filter((found) => found.kind === 'dynamic-import');
  if (dynamic.length > 0)
    throw new Error(`${outfile} imports dynamically: ${dynamic.map((found) => found.path).join(', ')}`);
}

const cliOutputs = [];
for (const entry of entries) {
  // An entry whose source file this checkout lacks is skipped (commands.cjs is generated, from stdin).
  if (entry.entryPoints !== undefined && !existsSync(entry.entryPoints[0])) continue;
  const result = await build({ ...nodeBundleOptions, ...entry, metafile: true });
  if (COMPILED_WITH_CACHE.includes(entry.outfile)) finishCachedBundle(join(root, entry.outfile), result.metafile);
  if (entry.outfile.startsWith('dist/cli')) cliOutputs.push(...Object.keys(result.metafile.outputs));
}
// Removed only after the new files are written: a CLI running meanwhile finds its files.
removeStaleOutputs('dist/cli', cliOutputs);
