// Bundles the Node-side entry points with esbuild: the Electron main process (ESM), the sandboxed
// preload (a single CommonJS file, since a sandboxed preload cannot require our modules) and the CLI.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', legalComments: 'none' };
const esmRequireShim = "import { createRequire as __mfaCreateRequire } from 'node:module'; const require = __mfaCreateRequire(import.meta.url);";

const entries = [
  { entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.js', format: 'esm', external: ['electron'], banner: { js: esmRequireShim } },
  { entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/preload/preload.cjs', format: 'cjs', external: ['electron'], platform: 'browser' },
  { entryPoints: ['electron/cli/mfa-tray.ts'], outfile: 'dist/cli/mfa-tray.js', format: 'esm', banner: { js: esmRequireShim } },
];

for (const entry of entries) {
  if (!existsSync(entry.entryPoints[0])) continue;
  await build({ ...common, ...entry });
}
