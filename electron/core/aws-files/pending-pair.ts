// One profile's renewal changes two files, and no rename can replace two files at once: killed between the
// credentials rename and the config rename, a profile would keep the new keys with the old `expiration`
// (every reader then thinks the fresh session expired, and the next renew spends a code for nothing).
// So before the first rename we record the pair beside the config file; the next write or model load
// completes it from that record when its writer died, or drops it when the keys never landed. The record holds
// no secret: the config edits (expiration and the like) and a hash of the credential values.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { IniEdit } from '../ini';
import { applyEdits, rawConfigParse } from '../ini';
import { fsyncDirectory, removeLeftoverTempFiles, writeTempFile } from './atomic-write';
import { backupPathFor } from './backup';
import { acquireFileLock, lockDirFor, removeDeadLockGraves } from './file-lock';
import { isProcessAlive } from './process-alive';
import { folderIsReadOnly, inPlaceAreaFor, recoverInPlaceWrites } from './in-place-write';
import type { AwsFileLocations } from './locations';
import { readAwsFile } from './read-aws-file';
import { resolveSymlinkTarget } from './symlink-target';
import { inPlaceFolder, PENDING_MARKER, TEMP_MARKER } from './trace-names';
import { updateAwsFile } from './update-aws-file';

/** A pair record of a writer on another host (whose pid we cannot check) is its orphan after this long. */
const ORPHAN_AGE_MS = 60_000;
/** Far longer than a two-file write can take (its waits are bounded at 10 s each). */
const LIVE_WRITE_MAX_MS = 10 * 60_000;
/** A repair waits out a killed writer's lock folder (removed after at most 1 s without an owner file). */
const REPAIR_LOCK_WAIT_MS = 3_000;
/** How long tidying waits for another process's lock: it is housekeeping, never worth blocking a read. */
const TIDY_LOCK_WAIT_MS = 200;

interface PairRecord {
  version: 1;
  pid: number;
  host: string;
  profile: string;
  /** The credential keys written (names only) and a hash of their values. */
  credentials: { path: string; section: string; keys: string[]; hash: string };
  config: { path: string; edits: IniEdit[] };
}

export interface PendingPair {
  /** The pair is complete (or was undone): the record goes. */
  clear(): Promise<void>;
}

/**
 * Writes the record (durably, before either rename) of a two-file write about to start. Best effort: where no
 * file can be created beside the config file, the pair is still written credentials first, only unrecorded.
 */
export async function recordPendingPair(
  locations: AwsFileLocations,
  profile: string,
  credentialEdits: readonly IniEdit[],
  configEdits: IniEdit[],
): Promise<PendingPair> {
  try {
    return await writeRecord(locations, profile, credentialEdits, configEdits);
  } catch {
    return { clear: async () => undefined };
  }
}

async function writeRecord(
  locations: AwsFileLocations,
  profile: string,
  credentialEdits: readonly IniEdit[],
  configEdits: IniEdit[],
): Promise<PendingPair> {
  const config = await resolveSymlinkTarget(locations.config);
  const credentials = await resolveSymlinkTarget(locations.credentials);
  const record: PairRecord = {
    version: 1,
    pid: process.pid,
    host: hostname(),
    profile,
    credentials: {
      path: credentials,
      section: profile,
      keys: credentialEdits.map((edit) => edit.key),
      hash: hashOf(credentialEdits),
    },
    config: { path: config, edits: configEdits },
  };
  // Named by our pid: a record torn by a kill while it was written can be told dead and removed at once. Beside
  // the config file, or in the state folder where that folder is read-only to us (the files are written in place).
  await mkdir(dirname(config), { recursive: true, mode: 0o700 });
  const stem =
    locations.stateDir !== undefined && (await folderIsReadOnly(dirname(config)))
      ? inPlaceAreaFor(locations.stateDir, config).stem
      : config;
  await mkdir(dirname(stem), { recursive: true, mode: 0o700 });
  const path = `${stem}${PENDING_MARKER}${process.pid}-${randomBytes(6).toString('hex')}`;
  await writeTempFile(path, new TextEncoder().encode(JSON.stringify(record)), 0o600);
  await fsyncDirectory(dirname(path));
  return { clear: () => unlink(path).catch(() => undefined) };
}

/** The credential values (null: deleted) as one hash, to recognise them in the file without storing them. */
function hashOf(edits: readonly { key: string; value: string | null }[]): string {
  const sorted = [...edits]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((edit) => [edit.key, edit.value]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/**
 * Finishes what killed MFA Tray processes left in the AWS folder: puts back torn in-place writes, completes or
 * drops their pair records, removes their lock folders and the temp files (which may hold keys) beside both files.
 * Run through completeInterruptedWrites (interrupted-writes.ts), which comes here only when such traces are there;
 * never throws and never waits long for a live process's lock.
 */
export async function repairInterruptedWrites(locations: AwsFileLocations): Promise<void> {
  let config: string;
  let credentials: string;
  try {
    config = await resolveSymlinkTarget(locations.config);
    credentials = await resolveSymlinkTarget(locations.credentials);
  } catch {
    return;
  }
  const { stateDir } = locations;
  if (stateDir !== undefined) {
    // First the files themselves, so that a pair record below judges the credentials as they really are.
    await recoverInPlaceWrites(stateDir);
    const folder = inPlaceFolder(stateDir);
    const records = await readdir(folder).catch(() => [] as string[]);
    for (const name of records.filter((n) => n.includes(PENDING_MARKER)))
      await settleRecord(join(folder, name), stateDir).catch(() => undefined);
  }
  const folders = [...new Set([dirname(config), dirname(credentials)])];
  for (const folder of folders) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const target of [config, credentials].filter((file) => dirname(file) === folder)) {
      const base = basename(target);
      const ours = names.filter((name) => name.startsWith(`${base}.mfa-tray-`));
      if (ours.length === 0) continue;
      for (const name of ours.filter((n) => n.startsWith(`${base}${PENDING_MARKER}`)))
        await settleRecord(join(folder, name), stateDir).catch(() => undefined);
      await removeDeadLockGraves(target, ours);
      if (ours.some((name) => name.includes(TEMP_MARKER) || name === basename(lockDirFor(target))))
        await removeDeadWritersFiles(target);
    }
  }
}

async function settleRecord(path: string, stateDir: string | undefined): Promise<void> {
  const writer = /-(\d+)-[0-9a-f]{12}$/.exec(path)?.[1];
  if (writer === undefined) return;
  let record: PairRecord;
  try {
    record = JSON.parse(await readFile(path, 'utf8')) as PairRecord;
  } catch (error) {
    // Torn: its writer was killed while writing it, before touching either file.
    if (error instanceof SyntaxError && !isProcessAlive(Number(writer))) await unlink(path);
    return;
  }
  if (record.version !== 1) return;
  // A live writer is still between its two renames: it clears the record itself. (A record far older than any
  // write takes belongs to a dead writer whose pid was reused.)
  const ageMs = Date.now() - (await stat(path)).mtimeMs;
  if (record.host === hostname() ? isProcessAlive(record.pid) && ageMs < LIVE_WRITE_MAX_MS : ageMs < ORPHAN_AGE_MS)
    return;
  const keys = rawConfigParse((await readAwsFile(record.credentials.path, { role: 'credentials' })).text)[
    record.credentials.section
  ];
  const found = record.credentials.keys.map((key) => ({
    key,
    value: typeof keys?.[key] === 'string' ? keys[key] : null,
  }));
  // The new keys landed and the config file does not say so yet: bring it up to them.
  const complete = (text: string) => applyEdits(text, record.config.edits, { file: 'config' });
  if (hashOf(found) === record.credentials.hash) {
    const config = (await readAwsFile(record.config.path, { role: 'config' })).text;
    if (complete(config) !== config)
      await updateAwsFile(record.config.path, complete, {
        role: 'config',
        lock: { timeoutMs: REPAIR_LOCK_WAIT_MS },
        stateDir,
      });
  }
  await unlink(path);
}

/** Takes the file's lock (which removes a dead holder's lock folder) and deletes dead writers' temp files. */
async function removeDeadWritersFiles(target: string): Promise<void> {
  let lock;
  try {
    lock = await acquireFileLock(target, { timeoutMs: TIDY_LOCK_WAIT_MS });
  } catch {
    return; // a live process holds it and tidies under it itself
  }
  try {
    await removeLeftoverTempFiles(target, [backupPathFor(target)]);
  } finally {
    await lock.release();
  }
}
