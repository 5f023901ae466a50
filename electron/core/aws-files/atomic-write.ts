// Replace a file's bytes so that a crash at any moment leaves either the old or the new file, never a mix:
// temp file in the same folder, fsync, rename over the target, fsync the folder so the rename itself survives.
import { lstat, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as timers from 'node:timers/promises';
import { TEMP_MARKER } from './trace-names';

/**
 * Random hex for a temp file's name, from Web Crypto's global: loaded on first use, where importing node:crypto
 * would load it (8 ms) in every git helper call that bundles this file and writes nothing.
 */
function randomHex(bytes: number): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');
}

export interface PreparedWrite {
  tempPath: string;
  /** Rename the temp file over the target (then fsync the folder). */
  commit(): Promise<void>;
  /** Remove the temp file instead. */
  discard(): Promise<void>;
}

export interface AtomicWriteOptions {
  /**
   * Whether the new bytes must also survive a power cut or an OS crash (fsync of the file and of its folder), not
   * only a kill of our process, after which the page cache still holds them (default true). False for records that
   * matter for less time than a reboot takes.
   */
  survivesPowerLoss?: boolean;
}

/**
 * Writes `bytes` to a temp file beside `target` (durable by default), with `mode`, ready to be renamed over it.
 * Split from the rename so the caller can check, at the last moment, that nobody changed the target.
 */
export async function prepareAtomicWrite(
  target: string,
  bytes: Uint8Array,
  mode: number,
  owner?: { uid: number; gid: number },
  { survivesPowerLoss = true }: AtomicWriteOptions = {},
): Promise<PreparedWrite> {
  const tempPath = tempPathFor(target);
  await writeTempFile(tempPath, bytes, mode, owner, survivesPowerLoss);
  return {
    tempPath,
    async commit() {
      try {
        await renameWithRetry(tempPath, target);
      } catch (error) {
        await unlink(tempPath).catch(() => undefined);
        throw error;
      }
      if (survivesPowerLoss) await fsyncDirectory(dirname(target));
    },
    async discard() {
      await unlink(tempPath).catch(() => undefined);
    },
  };
}

/**
 * The one way we replace a file of our own (settings, used codes, lab devices): prepareAtomicWrite and commit at
 * once. The file ends with exactly `mode`; run as root (sudo), an existing file keeps its owner. No lock: each
 * caller serialises its own writes.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  mode: number,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const prepared = await prepareAtomicWrite(target, bytes, mode, await ownerToKeep(target), options);
  await prepared.commit();
}

async function ownerToKeep(target: string): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const stats = await lstat(target);
    return { uid: stats.uid, gid: stats.gid };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function tempPathFor(target: string): string {
  return join(dirname(target), `${basename(target)}${TEMP_MARKER}${randomHex(6)}`);
}

/**
 * Deletes temp files a killed writer left beside `target`. Call only while holding target's lock: then no
 * live writer of ours has a temp file for it. Exact names only, so other files' temp files are left alone.
 */
export async function removeLeftoverTempFiles(target: string, alsoFor: readonly string[] = []): Promise<void> {
  const folder = dirname(target);
  const owners = [target, ...alsoFor].map((path) => basename(path));
  const isLeftover = (name: string) =>
    owners.some(
      (owner) =>
        name.startsWith(owner + TEMP_MARKER) && /^[0-9a-f]{12}$/.test(name.slice(owner.length + TEMP_MARKER.length)),
    );
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return; // nothing to tidy if the folder cannot be listed; the write itself will report real problems
  }
  await Promise.all(names.filter(isLeftover).map((name) => unlink(join(folder, name)).catch(() => undefined)));
}

const WINDOWS_RENAME_RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RENAME_RETRY_DELAYS_MS = [10, 20, 40, 80, 160, 320];

/**
 * rename(), retried briefly on Windows, where a virus scanner, indexer or an editor holding the target
 * open makes it fail with EPERM/EBUSY for a moment.
 */
export async function renameWithRetry(
  from: string,
  to: string,
  platform: NodeJS.Platform = process.platform,
  renameFile: (from: string, to: string) => Promise<void> = rename,
  sleep: (ms: number) => Promise<void> = timers.setTimeout,
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await renameFile(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const delay = RENAME_RETRY_DELAYS_MS[attempt];
      if (platform !== 'win32' || !WINDOWS_RENAME_RETRY_CODES.has(code) || delay === undefined) throw error;
      await sleep(delay);
    }
  }
}

/** Makes a rename or file creation in `folder` durable. Windows cannot open folders: NTFS journals renames. */
export async function fsyncDirectory(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Creates `tempPath` (never an existing file) holding `bytes` with exactly `mode`, synced to disk unless `sync` is
 * false; on any failure nothing is left behind (a full disk must not leave a partial copy of the user's secrets).
 */
export async function writeTempFile(
  tempPath: string,
  bytes: Uint8Array,
  mode: number,
  owner?: { uid: number; gid: number },
  sync = true,
): Promise<void> {
  const handle = await open(tempPath, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    // open()'s mode is narrowed by the umask; the file must end with exactly the mode asked for.
    await handle.chmod(mode);
    // Run as root (sudo), the new file would otherwise change hands.
    if (owner !== undefined) await handle.chown(owner.uid, owner.gid);
    if (sync) await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await handle.close();
}
