// The rigs' child processes (writers killed or raced) are bundled first: a bundled child starts in ~50 ms,
// instead of several hundred through a TypeScript loader, so the kill and race timings mean what they say.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Bundles `entry` (a URL next to the caller) into `folder/name`; returns the bundle's path. */
export async function bundleChild(entry: URL, folder: string, name: string): Promise<string> {
  const bundle = join(folder, name);
  await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'silent',
  });
  return bundle;
}
