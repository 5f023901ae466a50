// Tests and benchmarks that start the CLI run the real bundle (node bin/mfa-tray.cjs → dist/cli/mfa-tray.cjs). This
// rebuilds it (npm run build:node) when a source file is newer, once, whichever test file gets here first.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireFileLock } from '../../electron/core/aws-files/file-lock';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = join(root, 'dist', 'cli', 'mfa-tray.cjs');

function newestSourceMs(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleMs(): number {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return 0;
  }
}

export async function ensureCliBuilt(): Promise<void> {
  mkdirSync(join(root, 'dist'), { recursive: true });
  // A build takes seconds; test files started together wait for the first one's.
  const lock = await acquireFileLock(join(root, 'dist', '.cli-build'), { timeoutMs: 120_000 });
  try {
    if (bundleMs() < newestSourceMs(join(root, 'electron'))) {
      execFileSync(process.execPath, [join(root, 'scripts', 'build-node.mjs')], { cwd: root, stdio: 'inherit' });
    }
  } finally {
    await lock.release();
  }
}
