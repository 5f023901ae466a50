import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as timers from 'node:timers/promises';
import { cachedRuns } from '../../../testing/cli/code-cache-header';
import { cacheName, loadBundle } from './cached-script';

// A bundle with enough functions that V8's cache of a run holds more than the top level.
const BUNDLE = `exports.doors = { greet: () => ({ greet: (name) => 'hello ' + name + ' (' + __filename.length + ')' }) };
exports.sum = (xs) => xs.reduce((a, b) => a + b, 0);
`;

let dir: string;
let cacheDir: string;
let source: string;
let builtAt: Date;
let copies = 0;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-tray-bundle-'));
  cacheDir = join(dir, 'cache');
  source = BUNDLE;
  builtAt = new Date(1_700_000_000_000);
  copies = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

type Exports = { doors: { greet: () => { greet: (name: string) => string } }; sum: (xs: number[]) => number };

const cacheFile = () => join(cacheDir, 'commands.cjs.v8');

/**
 * Loads the bundle as a new CLI process would. Each load compiles a copy at a new path, with the same bytes and
 * time stamp (so the same cache applies): V8 would otherwise answer a second compile in this process from its
 * in-memory cache, and never read the one on disk.
 */
function load(command = 'renew', cache: string | undefined = cacheFile(), compiled?: () => number) {
  const copy = join(dir, `build-${(copies += 1)}`, 'commands.cjs');
  mkdirSync(join(copy, '..'));
  writeFileSync(copy, source);
  utimesSync(copy, builtAt, builtAt);
  return loadBundle<Exports>(copy, cache, command, compiled);
}

describe('the CLI commands bundle, compiled with V8 code cache', () => {
  it('runs the file as CommonJS, with its own file name, and compiles from source the first time', () => {
    const loaded = load();
    expect(loaded.fromCache).toBe(false);
    expect(loaded.exports.sum([1, 2, 3])).toBe(6);
    expect(loaded.exports.doors.greet().greet('git')).toMatch(/^hello git \(\d+\)$/);
  });

  it('saves the cache privately (0700 folder, 0600 file) and takes the bytecode from it the next time', async () => {
    load().saveCache();
    expect((await stat(cacheDir)).mode & 0o777).toBe(0o700);
    expect((await stat(cacheFile())).mode & 0o777).toBe(0o600);
    const again = load();
    expect(again.fromCache).toBe(true);
    expect(again.exports.sum([4, 5])).toBe(9);
  });

  it('rewrites the cache only for a command whose run it does not hold yet', async () => {
    load('renew').saveCache();
    const file = cacheFile();
    const firstWrite = (await stat(file)).mtimeMs;
    await timers.setTimeout(20);
    load('renew').saveCache();
    expect((await stat(file)).mtimeMs).toBe(firstWrite);
    load('status').saveCache();
    load('constructor').saveCache(); // a typo that names one of Object's own properties
    expect(await cachedRuns(file)).toEqual({ renew: 0, status: 0, constructor: 0 });
    expect(load('constructor').fromCache).toBe(true);
  });

  it("rewrites it for a known command's run that compiled clearly more: a path its earlier runs did not take", async () => {
    // `renew --help`, then a renewal: the same first word, some hundreds of kilobytes more bytecode.
    load('renew', cacheFile(), () => 400_000).saveCache();
    const file = cacheFile();
    const help = await stat(file);
    load('renew', cacheFile(), () => 410_000).saveCache(); // the same path, compiled a little differently
    expect((await stat(file)).mtimeMs).toBe(help.mtimeMs);
    load('renew', cacheFile(), () => 840_000).saveCache();
    expect(await cachedRuns(file)).toEqual({ renew: 840_000 });
    // A shorter run afterwards (a session still valid) leaves the larger cache alone.
    const renewal = await stat(file);
    load('renew', cacheFile(), () => 600_000).saveCache();
    expect((await stat(file)).mtimeMs).toBe(renewal.mtimeMs);
  });

  it('ignores the cache of an earlier build of the file (same length, another time stamp)', async () => {
    load().saveCache();
    source = BUNDLE.replace('hello', 'howdy');
    builtAt = new Date(1_700_000_005_000);
    const rebuilt = load();
    expect(rebuilt.fromCache).toBe(false);
    expect(rebuilt.exports.doors.greet().greet('x')).toMatch(/^howdy x/);
  });

  it('compiles from source when the cache is damaged, and writes a good one again', async () => {
    load().saveCache();
    const cacheFile = join(cacheDir, 'commands.cjs.v8');
    const bytes = await readFile(cacheFile);
    const headerEnd = bytes.indexOf(0x0a) + 1;
    await writeFile(
      cacheFile,
      Buffer.concat([bytes.subarray(0, headerEnd), Buffer.alloc(bytes.length - headerEnd, 7)]),
    );
    const damaged = load();
    expect(damaged.fromCache).toBe(false);
    expect(damaged.exports.sum([2, 2])).toBe(4);
    damaged.saveCache();
    expect(load().fromCache).toBe(true);
  });

  it.skipIf(process.getuid === undefined)(
    'never runs bytecode others could have written (group-writable file)',
    async () => {
      load().saveCache();
      await chmod(cacheFile(), 0o620);
      expect(load().fromCache).toBe(false);
    },
  );

  it.skipIf(process.getuid?.() !== 0)(
    "run as root in another user's home (sudo keeps HOME), leaves that user's cache folder to their own runs",
    async () => {
      const nobody = 65_534;
      await chown(dir, nobody, nobody);
      const loaded = load();
      loaded.saveCache();
      await expect(stat(cacheDir)).rejects.toMatchObject({ code: 'ENOENT' });
      await chown(dir, 0, 0);
      load().saveCache();
      expect((await stat(cacheFile())).uid).toBe(0);
    },
  );

  it('carries on without a cache where none can be written', async () => {
    await writeFile(cacheDir, 'a file where the folder would be');
    const loaded = load();
    expect(() => loaded.saveCache()).not.toThrow();
    expect(load().fromCache).toBe(false);
    expect(load('renew', undefined).exports.sum([1])).toBe(1);
  });
});

describe("other copies' caches", () => {
  it('are removed, when a cache is written, once the bundle they were made from is gone; others stay', async () => {
    const gone = load('renew', join(cacheDir, 'commands.cjs.0000000a.v8'));
    gone.saveCache();
    const kept = load('renew', join(cacheDir, 'commands.cjs.0000000b.v8'));
    kept.saveCache();
    await rm(join(dir, 'build-1'), { recursive: true }); // the first copy was uninstalled
    await writeFile(join(cacheDir, 'notes.txt'), 'not a cache');
    load('renew', join(cacheDir, 'commands.cjs.0000000c.v8')).saveCache();
    expect((await readdir(cacheDir)).sort()).toEqual([
      'commands.cjs.0000000b.v8',
      'commands.cjs.0000000c.v8',
      'notes.txt',
    ]);
  });

  it('and those of an earlier build of the same copy (an upgrade in place), whatever command they hold', async () => {
    const copy = join(dir, 'installed', 'commands.cjs');
    mkdirSync(join(copy, '..'));
    const build = (text: string, at: number) => {
      writeFileSync(copy, text);
      utimesSync(copy, new Date(at), new Date(at));
    };
    build(BUNDLE, 1_700_000_000_000);
    loadBundle(copy, join(cacheDir, 'commands.cjs.0000000a.status.v8'), 'status').saveCache();
    loadBundle(copy, join(cacheDir, 'commands.cjs.0000000a.renew.v8'), 'renew').saveCache();
    build(BUNDLE.replace('hello', 'howdy'), 1_700_000_009_000);
    loadBundle(copy, join(cacheDir, 'commands.cjs.0000000a.renew.v8'), 'renew').saveCache();
    expect(await readdir(cacheDir)).toEqual(['commands.cjs.0000000a.renew.v8']);
  });

  it('and temp files of runs killed while writing one are removed; a running writer keeps its own', async () => {
    const killed = spawnSync(process.execPath, ['-e', '']).pid!;
    await mkdir(cacheDir, { recursive: true });
    await writeFile(join(cacheDir, `commands.cjs.0000000a.v8.${killed}.tmp`), 'half a cache');
    await writeFile(join(cacheDir, `commands.cjs.0000000a.v8.${process.ppid}.tmp`), 'being written');
    load('renew', join(cacheDir, 'commands.cjs.0000000c.v8')).saveCache();
    expect((await readdir(cacheDir)).sort()).toEqual([
      'commands.cjs.0000000a.v8.' + String(process.ppid) + '.tmp',
      'commands.cjs.0000000c.v8',
    ]);
  });
});

describe('the name of the code cache file', () => {
  it('is one per installed copy (its folder) and runtime, and the same for every run of that copy', () => {
    const checkout = cacheName('/home/ada/mfa-tray/dist/cli/commands.cjs');
    expect(checkout).toMatch(/^commands\.cjs\.[0-9a-f]{8}\.v8$/);
    expect(cacheName('/home/ada/mfa-tray/dist/cli/commands.cjs')).toBe(checkout);
    expect(cacheName('/opt/MFA Tray/resources/cli/commands.cjs')).not.toBe(checkout);
    // Per command where asked: that command's functions only.
    expect(cacheName('/home/ada/mfa-tray/dist/cli/commands.cjs', 'renew')).toBe(checkout.replace(/\.v8$/, '.renew.v8'));
  });
});
