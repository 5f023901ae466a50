import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WatchedInode } from './open-writers';
import { findOpenWriters } from './open-writers';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aws-files-writers-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function watched(path: string): Promise<WatchedInode> {
  const stats = await stat(path);
  return { dev: stats.dev, ino: stats.ino, realPath: path };
}

describe.skipIf(!existsSync('/proc/self/fd'))('findOpenWriters', () => {
  it('names who holds which of the files open for writing, and not a reader', async () => {
    const credentials = join(folder, 'credentials');
    const config = join(folder, 'config');
    await writeFile(credentials, '[a]\n');
    await writeFile(config, '[default]\n');
    // Writes the credentials file (held open, as `aws configure set` between its truncate and close) and reads config.
    const holder = spawn(process.execPath, [
      '-e',
      `const fs = require('fs'); fs.openSync(process.argv[1], 'r+'); fs.openSync(process.argv[2], 'r'); console.log('open'); setInterval(() => {}, 1000);`,
      credentials,
      config,
    ]);
    try {
      await new Promise((opened) => holder.stdout.once('data', opened));
      const files = [await watched(credentials), await watched(config)];
      const writers = findOpenWriters(files) ?? [];
      expect(writers).toEqual([{ pid: holder.pid, command: 'node', holds: [files[0]] }]);
    } finally {
      holder.kill();
    }
  });
});
