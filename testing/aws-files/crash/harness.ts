// Crash safety check shared by the unit test and the long script: a child process rewrites a file through
// updateAwsFile while we kill it with SIGKILL at random moments; after every kill the file must be exactly
// the last version the child reported or the one after it, never empty, partial or older.
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crashTestVersion, crashTestVersionOf } from './versions';
import { bundleChild } from '../bundle-child';

export interface CrashTestResult {
  writes: number;
  kills: number;
  /** Kills after which the file held the version being written (its rename had landed, unreported). */
  killsAfterRename: number;
  target: string;
}

export async function runCrashTest(options: {
  folder: string;
  writes: number;
  meanWritesPerLife: number;
}): Promise<CrashTestResult> {
  const writerBundle = await bundleChild(
    new URL('./writer.ts', import.meta.url),
    options.folder,
    'crash-test-writer.mjs',
  );
  const awsFolder = join(options.folder, 'aws');
  await mkdir(awsFolder);
  const target = join(awsFolder, 'credentials');
  let reported = 0;
  let kills = 0;
  let killsAfterRename = 0;
  while (reported < options.writes) {
    reported = await runUntilKilled(writerBundle, target, reported, options);
    kills += 1;
    const text = await readFile(target, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && reported === 0) return undefined; // killed before the first write landed
      throw error;
    });
    if (text === undefined) continue;
    const onDisk = crashTestVersionOf(text);
    if (text !== crashTestVersion(onDisk) || (onDisk !== reported && onDisk !== reported + 1)) {
      throw new Error(
        `after kill ${kills}: expected version ${reported} or ${reported + 1}, found ${text.length} bytes claiming version ${onDisk}`,
      );
    }
    if (onDisk === reported + 1) killsAfterRename += 1;
    reported = onDisk;
  }
  return { writes: reported, kills, killsAfterRename, target };
}

/** Runs one writer until we kill it; returns the last version it reported. */
function runUntilKilled(
  writerBundle: string,
  target: string,
  reported: number,
  options: { writes: number; meanWritesPerLife: number },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerBundle, target], { stdio: ['ignore', 'pipe', 'pipe'] });
    let last = reported;
    let pendingLine = '';
    let stderr = '';
    let killScheduled = false;
    const scheduleKill = (withinMs: number) => {
      if (killScheduled) return;
      killScheduled = true;
      setTimeout(() => child.kill('SIGKILL'), Math.random() * withinMs);
    };
    // Some lives end before the first write (during start-up or while taking the lock).
    if (Math.random() < 0.1) scheduleKill(60);
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pendingLine + chunk.toString('utf8')).split('\n');
      pendingLine = lines.pop() ?? '';
      for (const line of lines) last = Number(line);
      // Kill a few milliseconds into the next write, at a random point of it.
      if (last >= options.writes || Math.random() < lines.length / options.meanWritesPerLife) scheduleKill(4);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`the writer stopped on its own: ${stderr}`));
    });
  });
}
