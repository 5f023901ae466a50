// The CLI's CommonJS files compiled with V8's code cache: its entry (dist/cli/main.cjs, run by dist/cli/mfa-tray.cjs)
// and the rest of its commands (dist/cli/commands.cjs, opened by the entry's doors). Compiling commands.cjs's 2.3 MB
// and then each function a command runs costs a renewal ~50 ms, taking the bytecode from the cache ~15; the entry's
// 100 KB, on every git fetch and push, a few milliseconds. The cache, which holds every function the commands ran
// so far, is only ever a speed-up: missing, stale, rejected by V8 or unwritable, the file is compiled from source.
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { isAscii } from 'node:buffer';
import { Script } from 'node:vm';
import { isProcessAlive } from '../../core/aws-files/process-alive';
import { resolveCodeCacheDir } from './code-cache-dir';

/** The first line of a cache file; the V8 data follows it. */
interface CacheHeader {
  /** The bundle the bytecode was compiled from: V8 itself checks only the source's length. */
  bundle: string;
  /** Where that bundle is: a cache whose bundle is gone is removed when another copy writes its own. */
  file: string;
  /**
   * The command lines' first words whose runs are in it, each with how much bytecode the largest such run had compiled
   * by its end (0 where not measured): a new word's run adds its functions, and so does a run of a known word that
   * compiled clearly more, having taken a path the earlier ones did not (`renew` after `renew --help`).
   */
  runs: Record<string, number>;
}

export interface LoadedBundle<T> {
  exports: T;
  /** Whether V8 took the bytecode from the cache. */
  fromCache: boolean;
  /** Writes the cache (temp file and rename) when this run compiled what it did not hold; never throws. */
  saveCache(): void;
}

/** A cache that stops growing: past this many first words (typos included), new ones are not added. */
const MAX_COMMANDS = 32;
/** Caches of one command each stop there too: past this many files of a copy, new words get none. */
const MAX_COMMAND_FILES = 12;
/** More bytecode than a known word's largest run by this much means a path not in the cache (identical runs: 0). */
const NEW_PATH_BYTES = 32 * 1024;

/** How much bytecode this process has compiled so far (all of its scripts and Node's own). */
export type CompiledBytes = () => number;

export interface CacheOptions {
  /** With it, a run of a word the cache holds that compiled clearly more than its largest earlier run rewrites it. */
  compiled?: CompiledBytes;
  /**
   * One cache per command word, instead of one for all: V8 reads the whole of a cache, so a file holding the functions
   * of every command the user ran would make each of them pay for all the others (renew ~10 ms more here).
   */
  perCommand?: boolean;
}

/**
 * Runs a CommonJS file of the CLI compiled with its code cache in the user's cache folder, which is rewritten at exit
 * (when every function this command ran is compiled) if it lacked them.
 */
export function runCached<T>(file: string, { compiled, perCommand = false }: CacheOptions = {}): T {
  const cacheDir = resolveCodeCacheDir();
  const command = commandWord(process.argv[2]);
  const cacheFile =
    cacheDir === undefined ? undefined : join(cacheDir, cacheName(file, perCommand ? command : undefined));
  const loaded = loadBundle<T>(file, cacheFile, command, compiled);
  process.once('exit', () => {
    if (!perCommand || loaded.fromCache || cacheDir === undefined || commandFiles(cacheDir, file) < MAX_COMMAND_FILES)
      loaded.saveCache();
  });
  return loaded.exports;
}

/** How many per-command caches of this copy of `file` the folder holds. */
function commandFiles(cacheDir: string, file: string): number {
  const prefix = cacheName(file).slice(0, -'v8'.length);
  try {
    return readdirSync(cacheDir).filter((name) => name.startsWith(prefix) && name.endsWith('.v8')).length;
  } catch {
    return 0; // no folder yet
  }
}

/** A CommonJS file compiled with the code cache kept in cacheFile; `command` names what this run does. */
export function loadBundle<T>(
  file: string,
  cacheFile: string | undefined,
  command: string,
  compiled: CompiledBytes = () => 0,
): LoadedBundle<T> {
  const { source, stamp } = readSource(file);
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile, stamp);
  // Node's own CommonJS wrapper, on the first line: line numbers stay those of the file and its source map.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, {
    filename: file,
    cachedData: cached?.data,
  });
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const fromCache = cached !== undefined && !script.cachedDataRejected;
  const covered = fromCache ? cached.runs : {};
  return {
    exports: module.exports,
    fromCache,
    saveCache: () => {
      if (cacheFile === undefined) return;
      // Own keys only: a word such as `constructor` must not find Object's.
      const known = Object.hasOwn(covered, command) ? covered[command] : undefined;
      const bytes = compiled();
      if (known === undefined ? Object.keys(covered).length >= MAX_COMMANDS : bytes <= known + NEW_PATH_BYTES) return;
      const runs = { ...covered, [command]: Math.max(bytes, known ?? 0) };
      writeCache(cacheFile, { bundle: stamp, file, runs }, script.createCachedData());
    },
  };
}

/**
 * One cache per installed copy and runtime ("main.cjs.1a2b3c4d.v8"), and per command if asked
 * ("commands.cjs.1a2b3c4d.renew.v8"): a checkout run by Node and the packaged app run by Electron's Node would
 * otherwise take turns throwing each other's cache away.
 */
export function cacheName(file: string, command?: string): string {
  // FNV-1a: a name, not a secret, and node:crypto would cost more to load than the whole lookup.
  let hash = 0x811c9dc5;
  for (const char of `${dirname(file)}\0${process.version}\0${process.arch}`) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return `${basename(file)}.${hash.toString(16).padStart(8, '0')}${command === undefined ? '' : `.${command}`}.v8`;
}

/** The command line's first word, as a cache records it ("renew", "git-credential"). */
function commandWord(word: string | undefined): string {
  return word !== undefined && /^[a-z][a-z0-9-]{0,39}$/.test(word) ? word : 'other';
}

function readSource(file: string): { source: string; stamp: string } {
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    const bytes = readFileSync(fd);
    // The build writes ASCII, which decodes as Latin-1 in half the time of UTF-8, into a string V8 scans faster.
    const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
    // The runtime needs no place here: V8 rejects bytecode of another version, and cacheName keeps them apart.
    return { source, stamp: `${stats.size}:${stats.mtimeMs}` };
  } finally {
    closeSync(fd);
  }
}

/** The runs a cache of this very bundle holds, and its V8 data; undefined for none usable. */
function readCache(cacheFile: string, stamp: string): { runs: Record<string, number>; data: Buffer } | undefined {
  try {
    if (!privateToUs(dirname(cacheFile)) || !privateToUs(cacheFile)) return undefined;
    const bytes = readFileSync(cacheFile);
    const found = headerIn(bytes);
    const runs = found?.header.runs;
    if (found?.header.bundle !== stamp || !isRunsRecord(runs)) return undefined;
    return { runs, data: bytes.subarray(found.end + 1) };
  } catch {
    return undefined; // none yet, or unreadable: compile from source
  }
}

function isRunsRecord(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((bytes) => Number.isSafeInteger(bytes) && (bytes as number) >= 0)
  );
}

/** Bytecode is code we run: only from a file and folder that nobody else could have written. */
function privateToUs(path: string): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return true; // Windows: the folder is under the user's own profile
  const stats = statSync(path);
  return stats.uid === uid && (stats.mode & 0o022) === 0;
}

function writeCache(cacheFile: string, header: CacheHeader, data: Buffer): void {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    // Run as root in another user's home (sudo keeps HOME), a folder or file made now would be root's: that user's
    // own runs could then neither read nor replace it.
    if (process.getuid?.() === 0 && ownerOfNearest(dirname(cacheFile)) !== 0) return;
    mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
    writeFileSync(temp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), data]), { mode: 0o600 });
    // One rename: a concurrent run reads the old cache or the new one, never half of one.
    renameSync(temp, cacheFile);
    removeAbandonedCaches(cacheFile, header);
  } catch {
    // A cache that cannot be written (read-only home, full disk) is not worth a word: the next run compiles again.
    try {
      rmSync(temp, { force: true });
    } catch {
      // no folder to leave a temp file in
    }
  }
}

/** The owner of `path`, or of its nearest existing ancestor. */
function ownerOfNearest(path: string): number {
  for (;;) {
    try {
      return statSync(path).uid;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(path) === path) throw error;
      path = dirname(path);
    }
  }
}

/**
 * The caches beside `cacheFile` that no run will read again: of copies that are gone (a moved checkout, an upgrade
 * into a new folder), and of earlier builds of this copy (an upgrade in place: of commands no longer run, nothing
 * would replace them); each names its bundle in its header. And temp files of runs killed while writing one. Checked
 * only when a cache is written, and there are at most a few.
 */
function removeAbandonedCaches(cacheFile: string, written: CacheHeader): void {
  const folder = dirname(cacheFile);
  const prefix = `${basename(written.file)}.`;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (path === cacheFile || !name.startsWith(prefix)) continue;
    try {
      // A temp file of a run killed while it wrote (megabytes each, and nothing else would ever remove it).
      const writer = /\.v8\.(\d+)\.tmp$/.exec(name)?.[1];
      if (writer !== undefined && !isProcessAlive(Number(writer))) rmSync(path, { force: true });
      if (!name.endsWith('.v8')) continue;
      const { file, bundle } = headerOf(path) ?? {};
      const earlierBuild = file === written.file && bundle !== written.bundle;
      if (file === undefined || earlierBuild || !existsSync(file)) rmSync(path, { force: true });
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
}

/** A cache file's first line, read alone (the V8 data after it is megabytes). */
function headerOf(path: string): Partial<CacheHeader> | undefined {
  const fd = openSync(path, 'r');
  try {
    const start = Buffer.alloc(64 * 1024);
    return headerIn(start.subarray(0, readSync(fd, start, 0, start.length, 0)))?.header;
  } finally {
    closeSync(fd);
  }
}

/** The JSON first line of a cache file's bytes, and where it ends; undefined without one. */
function headerIn(bytes: Buffer): { header: Partial<CacheHeader>; end: number } | undefined {
  const end = bytes.indexOf(0x0a);
  return end < 0
    ? undefined
    : { header: JSON.parse(bytes.subarray(0, end).toString('utf8')) as Partial<CacheHeader>, end };
}
