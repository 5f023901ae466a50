// kill -9 at every step of a renewal's two-file write (shared by the integration test and scripts/pair-crash.ts).
// strace kills the writer on entering its k-th rename, link, unlink, fsync, mkdir or rmdir (each k up to the
// number a full write makes; UV_THREADPOOL_SIZE=1 keeps all of them on one thread, so k counts them in order).
// After each kill the next reader (loadProfileModel, as status, the app and renew run it) must find keys and
// expiration of the same version, every other byte as seeded, and the next write must leave no junk behind.
// With `readOnly`, the AWS folder is one MFA Tray may not write: both files are written in place, with journal,
// restore copies, pair record and backups in the state folder, and the kills also land on its writes and truncates.
import { execFile, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { rawConfigParse } from '../../../electron/core/ini';
import { loadProfileModel } from '../../../electron/core/profiles';
import { pairVersionValues, versionOfExpiration, versionOfKey } from './versions';
import { bundleChild } from '../bundle-child';
import { inPlaceAreaFor } from '../../../electron/core/aws-files/in-place-write';
import { makeFolderReadOnly } from '../read-only-folder';

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
  // An in-place write's steps: the new bytes over the old, the truncate to their length.
  'pwrite64',
  'ftruncate',
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
  /** The kill left a file torn: the new keys before the old file's tail (its legacy token), as an in-place write can. */
  torn: boolean;
  /** Problems after the next reader and after the next write; empty when all is well. */
  problems: string[];
}

function seedFiles(version: number): { config: string; credentials: string } {
  const values = pairVersionValues(version);
  return {
    config: `[default]\nregion = eu-west-1\n\n# team roles\n[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = mfa\n\n[profile mfa]\nregion = eu-west-1\nmfa_tray_source_profile = default\nexpiration = ${values.expiration}\n`,
    credentials: `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n[mfa]\naws_access_key_id = ${values.aws_access_key_id}\naws_secret_access_key = ${values.aws_secret_access_key}\naws_session_token = ${values.aws_session_token}\naws_security_token = ${values.aws_session_token}\n`,
  };
}

/** The state folder of a run in a read-only AWS folder: beside it. */
const stateDirOf = (folder: string) => `${folder}-state`;

/** Where the one-time backup of `file` lives: beside it, or (read-only folder) in the state folder. */
const backupOf = (folder: string, file: string, readOnly: boolean) =>
  readOnly
    ? `${inPlaceAreaFor(stateDirOf(folder), join(folder, file)).stem}.mfa-tray-backup`
    : join(folder, `${file}.mfa-tray-backup`);

async function seed(folder: string, firstWrite: boolean, readOnly: boolean): Promise<() => Promise<void>> {
  await mkdir(folder, { recursive: true });
  const files = seedFiles(SEED_VERSION);
  await writeFile(join(folder, 'config'), files.config, { mode: 0o600 });
  await writeFile(join(folder, 'credentials'), files.credentials, { mode: 0o600 });
  if (readOnly) await mkdir(join(stateDirOf(folder), 'aws-files'), { recursive: true, mode: 0o700 });
  // A later renewal: the one-time backups exist already, so the write takes no backup.
  if (!firstWrite) {
    await writeFile(backupOf(folder, 'config', readOnly), files.config, { mode: 0o600 });
    await writeFile(backupOf(folder, 'credentials', readOnly), files.credentials, { mode: 0o600 });
  }
  if (!readOnly) return async () => undefined;
  const undo = await makeFolderReadOnly(folder);
  if (undo === undefined) throw new Error(`cannot make ${folder} read-only here`);
  return undo;
}

const writerArgs = (bundle: string, folder: string, version: number, readOnly: boolean) => [
  bundle,
  folder,
  String(version),
  ...(readOnly ? [stateDirOf(folder)] : []),
];

export function buildPairWriter(folder: string): Promise<string> {
  return bundleChild(new URL('./writer.ts', import.meta.url), folder, 'pair-crash-writer.mjs');
}

const childEnv = () => ({ ...process.env, UV_THREADPOOL_SIZE: '1' });

/** Every kill point: each of the watched system calls, as many times as one full write makes it. */
export async function killPoints(
  bundle: string,
  folder: string,
  firstWrite: boolean,
  readOnly = false,
): Promise<KillPoint[]> {
  const undo = await seed(folder, firstWrite, readOnly);
  const log = `${folder}.strace.log`;
  try {
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
        ...writerArgs(bundle, folder, SEED_VERSION + 1, readOnly),
      ],
      { env: childEnv() },
    );
  } finally {
    await undo();
  }
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

async function inodesOf(folder: string): Promise<number[]> {
  return Promise.all(['config', 'credentials'].map(async (file) => (await stat(join(folder, file))).ino));
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
  readOnly = false,
): Promise<PairCrashResult> {
  const undo = await seed(folder, firstWrite, readOnly);
  try {
    return await crashSeeded(bundle, folder, point, firstWrite, readOnly);
  } finally {
    await undo();
  }
}

async function crashSeeded(
  bundle: string,
  folder: string,
  point: KillPoint,
  firstWrite: boolean,
  readOnly: boolean,
): Promise<PairCrashResult> {
  const seeded = seedFiles(SEED_VERSION);
  const inodes = readOnly ? await inodesOf(folder) : undefined;
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
        ...writerArgs(bundle, folder, SEED_VERSION + 1, readOnly),
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
  const afterKill = await read();
  const leftBehind = versionsIn(afterKill.config, afterKill.credentials);
  const torn = leftBehind.keys !== SEED_VERSION && afterKill.credentials.includes('aws_security_token');
  const locations = {
    config: join(folder, 'config'),
    credentials: join(folder, 'credentials'),
    cliCacheDir: join(folder, 'cli', 'cache'),
    ...(readOnly && { stateDir: stateDirOf(folder) }),
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
  await promisify(execFile)(process.execPath, writerArgs(bundle, folder, SEED_VERSION + 2, readOnly));
  const final = await read();
  const finalVersions = versionsIn(final.config, final.credentials);
  if (finalVersions.keys !== SEED_VERSION + 2 || finalVersions.expiration !== SEED_VERSION + 2)
    problems.push(`after the next write: ${JSON.stringify(finalVersions)}`);
  const names = (await readdir(folder)).sort();
  const backups = ['config', 'credentials'].map((file) => backupOf(folder, file, readOnly));
  const expectedNames = readOnly
    ? ['config', 'credentials']
    : ['config', ...backups, 'credentials'].map((p) => basename(p)).sort();
  if (JSON.stringify(names) !== JSON.stringify(expectedNames)) problems.push(`left in the folder: ${names.join(', ')}`);
  if (readOnly) {
    // Only the backups stay in the state folder: no journal, restore copy, pair record or lock.
    const kept = (await readdir(join(stateDirOf(folder), 'aws-files'))).sort();
    const wanted = backups.map((p) => basename(p)).sort();
    if (JSON.stringify(kept) !== JSON.stringify(wanted)) problems.push(`left in the state folder: ${kept.join(', ')}`);
    if (JSON.stringify(await inodesOf(folder)) !== JSON.stringify(inodes))
      problems.push('a file was replaced, not written in place');
  }
  for (const [index, file] of (['config', 'credentials'] as const).entries()) {
    const backup = await readFile(backups[index] ?? '', 'utf8').catch(() => '');
    if (backup !== seeded[file]) problems.push(`${file} backup is not the seeded file`);
  }
  return { point, firstWrite, killed, leftBehind, torn, problems };
}
