// kill -9 at every step of a renewal's two-file write (shared by the integration test and scripts/pair-crash.ts).
// strace kills the writer on entering its k-th rename, link, unlink, fsync, mkdir or rmdir (each k up to the
// number a full write makes; UV_THREADPOOL_SIZE=1 keeps all of them on one thread, so k counts them in order).
// After each kill the next reader (loadProfileModel, as status, the app and renew run it) must find keys and
// expiration of the same version, every other byte as seeded, and the next write must leave no junk behind.
import { execFile, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { rawConfigParse } from '../../../electron/core/ini';
import { loadProfileModel } from '../../../electron/core/profiles';
import { pairVersionValues, versionOfExpiration, versionOfKey } from './versions';
import { bundleChild } from '../bundle-child';

export const STRACE = '/usr/bin/strace';
const KILL_SYSCALLS = [
  'rename',
  'renameat',
  'renameat2',
  'link',
  'linkat',
  'unlink',
  'unlinkat',
  'fsync',
  'fdatasync',
  'mkdir',
  'mkdirat',
  'rmdir',
];
const SEED_VERSION = 1;

export interface KillPoint {
  syscall: string;
  nth: number;
}

export interface PairCrashResult {
  point: KillPoint;
  firstWrite: boolean;
  killed: boolean;
  /** On disk right after the kill, before any reader: versions of the keys and of the expiration. */
  leftBehind: { keys?: number; expiration?: number };
  /** Problems after the next reader and after the next write; empty when all is well. */
  problems: string[];
}

function seedFiles(version: number): { config: string; credentials: string } {
  const values = pairVersionValues(version);
  return {
    config: `[default]\nregion = eu-west-1\n\n# team roles\n[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = mfa\n\n[profile mfa]\nregion = eu-west-1\nmfa_tray_source_profile = default\nexpiration = ${values.expiration}\n`,
    credentials: `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n[mfa]\naws_access_key_id = ${values.aws_access_key_id}\naws_secret_access_key = ${values.aws_secret_access_key}\naws_session_token = ${values.aws_session_token}\n`,
  };
}

async function seed(folder: string, firstWrite: boolean): Promise<void> {
  await mkdir(folder, { recursive: true });
  const files = seedFiles(SEED_VERSION);
  await writeFile(join(folder, 'config'), files.config, { mode: 0o600 });
  await writeFile(join(folder, 'credentials'), files.credentials, { mode: 0o600 });
  // A later renewal: the one-time backups exist already, so the write takes no backup.
  if (!firstWrite) {
    await writeFile(join(folder, 'config.mfa-tray-backup'), files.config, { mode: 0o600 });
    await writeFile(join(folder, 'credentials.mfa-tray-backup'), files.credentials, { mode: 0o600 });
  }
}

export function buildPairWriter(folder: string): Promise<string> {
  return bundleChild(new URL('./writer.ts', import.meta.url), folder, 'pair-crash-writer.mjs');
}

const childEnv = () => ({ ...process.env, UV_THREADPOOL_SIZE: '1' });

/** Every kill point: each of the watched system calls, as many times as one full write makes it. */
export async function killPoints(bundle: string, folder: string, firstWrite: boolean): Promise<KillPoint[]> {
  await seed(folder, firstWrite);
  const log = join(folder, 'strace.log');
  await promisify(execFile)(
    STRACE,
    [
      '-f',
      '-qq',
      '-o',
      log,
      '-e',
      `trace=${KILL_SYSCALLS.join(',')}`,
      process.execPath,
      bundle,
      folder,
      String(SEED_VERSION + 1),
    ],
    { env: childEnv() },
  );
  const counts = new Map<string, Map<string, number>>(); // syscall -> thread -> count
  for (const line of (await readFile(log, 'utf8')).split('\n')) {
    const match = /^(\d+)\s+(\w+)\(/.exec(line);
    if (!match) continue;
    const [, thread = '', syscall = ''] = match;
    const perThread = counts.get(syscall) ?? new Map<string, number>();
    perThread.set(thread, (perThread.get(thread) ?? 0) + 1);
    counts.set(syscall, perThread);
  }
  return [...counts].flatMap(([syscall, perThread]) =>
    Array.from({ length: Math.max(...perThread.values()) }, (_, index) => ({ syscall, nth: index + 1 })),
  );
}

function versionsIn(config: string, credentials: string): { keys?: number; expiration?: number } {
  const keys = versionOfKey(rawConfigParse(credentials).mfa?.aws_access_key_id);
  const expiration = versionOfExpiration(rawConfigParse(config)['profile mfa']?.expiration);
  return { ...(keys !== undefined && { keys }), ...(expiration !== undefined && { expiration }) };
}

function otherSections(text: string): string {
  const raw = rawConfigParse(text);
  delete raw.mfa;
  delete raw['profile mfa'];
  return JSON.stringify(raw);
}

/** Kills one writer at `point`, then checks what the next reader and the next writer see. */
export async function crashAt(
  bundle: string,
  folder: string,
  point: KillPoint,
  firstWrite: boolean,
): Promise<PairCrashResult> {
  await seed(folder, firstWrite);
  const seeded = seedFiles(SEED_VERSION);
  const killed = await new Promise<boolean>((resolve, reject) => {
    const child = spawn(
      STRACE,
      [
        '-f',
        '-qq',
        '-o',
        '/dev/null',
        '-e',
        `trace=${point.syscall}`,
        '-e',
        `inject=${point.syscall}:signal=KILL:when=${point.nth}`,
        process.execPath,
        bundle,
        folder,
        String(SEED_VERSION + 1),
      ],
      { env: childEnv(), stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    // strace ends the way its tracee did: by SIGKILL when the injection fired, with 0 when the write completed.
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' || code === 137) resolve(true);
      else if (code === 0) resolve(false);
      else reject(new Error(`writer failed (${String(code ?? signal)}): ${stderr}`));
    });
  });
  const read = async () => ({
    config: await readFile(join(folder, 'config'), 'utf8'),
    credentials: await readFile(join(folder, 'credentials'), 'utf8'),
  });
  const problems: string[] = [];
  const leftBehind = versionsIn(...(Object.values(await read()) as [string, string]));
  const locations = {
    config: join(folder, 'config'),
    credentials: join(folder, 'credentials'),
    cliCacheDir: join(folder, 'cli', 'cache'),
  };

  // The next reader: what status, the app and renew's check see.
  const model = await loadProfileModel(locations);
  const seen = versionOfExpiration(model.profiles.get('mfa')?.settings.expiration);
  const afterRead = await read();
  const onDisk = versionsIn(afterRead.config, afterRead.credentials);
  if (onDisk.keys === undefined || onDisk.keys !== onDisk.expiration)
    problems.push(
      `after the kill and the next read: keys of version ${String(onDisk.keys)}, expiration of version ${String(onDisk.expiration)}`,
    );
  if (seen !== onDisk.keys)
    problems.push(`the reader saw expiration version ${String(seen)} for keys of version ${String(onDisk.keys)}`);
  if (otherSections(afterRead.config) !== otherSections(seeded.config)) problems.push('other config sections changed');
  if (otherSections(afterRead.credentials) !== otherSections(seeded.credentials))
    problems.push('other credentials sections changed');

  // The next write completes normally and tidies what the killed one left.
  await promisify(execFile)(process.execPath, [bundle, folder, String(SEED_VERSION + 2)]);
  const final = await read();
  const finalVersions = versionsIn(final.config, final.credentials);
  if (finalVersions.keys !== SEED_VERSION + 2 || finalVersions.expiration !== SEED_VERSION + 2)
    problems.push(`after the next write: ${JSON.stringify(finalVersions)}`);
  const names = (await readdir(folder)).filter((name) => name !== 'strace.log').sort();
  const expectedNames = ['config', 'config.mfa-tray-backup', 'credentials', 'credentials.mfa-tray-backup'];
  if (JSON.stringify(names) !== JSON.stringify(expectedNames)) problems.push(`left in the folder: ${names.join(', ')}`);
  for (const file of ['config', 'credentials'] as const) {
    const backup = await readFile(join(folder, `${file}.mfa-tray-backup`), 'utf8').catch(() => '');
    if (backup !== seeded[file]) problems.push(`${file} backup is not the seeded file`);
  }
  return { point, firstWrite, killed, leftBehind, problems };
}
