import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import * as timers from 'node:timers/promises';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsFileError } from './aws-file-error';
import { readAwsFile } from './read-aws-file';
import type { WatchedInode } from './open-writers';
import { updateAwsFile } from './update-aws-file';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aws-files-update-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** An idempotent edit, as updateAwsFile requires: adds the line unless the text already ends with it. */
const appendLine = (line: string) => (text: string) => (text.endsWith(`${line}\n`) ? text : `${text}${line}\n`);
const FAST = { settleMs: 0 };

async function readAndUpdate(path: string): Promise<{ read: string; update: string }> {
  const message = (error: unknown) =>
    error instanceof AwsFileError ? error.message : `not an AwsFileError: ${String(error)}`;
  return {
    read: await readAwsFile(path).then(() => 'read it', message),
    update: await updateAwsFile(path, (text) => `${text}x = 1\n`, FAST).then(() => 'wrote it', message),
  };
}

/** readAndUpdate in a child process running as nobody (uid 65534). */
async function asNobody(path: string): Promise<{ read: string; update: string }> {
  const bundle = join(folder, 'as-nobody.mjs');
  await build({
    stdin: {
      contents: `import { readAwsFile } from './read-aws-file'; import { updateAwsFile } from './update-aws-file'; import { AwsFileError } from './aws-file-error';
        const message = (error) => (error instanceof AwsFileError ? error.message : 'not an AwsFileError: ' + String(error));
        const path = process.argv[2];
        const read = await readAwsFile(path).then(() => 'read it', message);
        const update = await updateAwsFile(path, (text) => text + 'x = 1\\n', { settleMs: 0 }).then(() => 'wrote it', message);
        console.log(JSON.stringify({ read, update }));`,
      resolveDir: import.meta.dirname,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'silent',
  });
  await chmod(folder, 0o777); // nobody must reach the file (and may try to write beside it)
  const { stdout } = await promisify(execFile)(process.execPath, [bundle, path], { uid: 65534, gid: 65534 });
  return JSON.parse(stdout) as { read: string; update: string };
}

/** What proves a file untouched: its bytes (hashed; skipped for huge files, where ctime already tells), mtime and ctime. */
async function fingerprint(path: string): Promise<{ bytes: string; mtimeMs: number; ctimeMs: number; size: number }> {
  const { mtimeMs, ctimeMs, size } = await stat(path);
  const bytes =
    size > 1024 * 1024
      ? 'huge'
      : createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
  return { bytes, mtimeMs, ctimeMs, size };
}

describe('updateAwsFile', () => {
  it('asks /proc before reading and once after the rename for both inodes; before the rename only for the backup', async () => {
    const path = join(folder, 'credentials');
    await writeFile(path, '[a]\nx = 1\n');
    const asked: WatchedInode[][] = [];
    const findWriters = (files: readonly WatchedInode[]) => {
      asked.push([...files]);
      return [];
    };
    const first = await stat(path);
    // The first write takes the one-time backup: nobody may be writing the file it copies, before and after.
    await updateAwsFile(path, appendLine('y = 2'), { settleMs: 1, findWriters });
    const second = await stat(path);
    const inodes = () => asked.splice(0).map((files) => files.map((file) => file.ino));
    expect(inodes()).toEqual([[first.ino], [first.ino], [first.ino], [first.ino, second.ino]]);
    // Later writes: a writer busy at the rename leaves its bytes in the replaced file, which the check after the
    // rename merges. Each pass costs a readlink per descriptor of every process: tens of milliseconds on a desktop.
    await updateAwsFile(path, appendLine('z = 3'), { settleMs: 1, findWriters });
    const third = await stat(path);
    expect(inodes()).toEqual([[second.ino], [second.ino, third.ino]]);
    expect(await readFile(path, 'utf8')).toBe('[a]\nx = 1\ny = 2\nz = 3\n');
  });

  it.each([
    ['from /proc', {}],
    ['by the stamps (no /proc)', { findWriters: () => undefined }],
  ])(
    'keeps both edits when a writer that read the file before our rename rewrites it in place just after (%s)',
    async (_how, options) => {
      // What `aws configure set` does: read the file, close it, then open it again truncating and write its edit of
      // what it read. Reopened after our rename, that is our file it truncates, dropping our line.
      const path = join(folder, 'config');
      await writeFile(path, '[a]\nx = 1\n');
      let theirBase = '';
      await updateAwsFile(path, appendLine('ours = 1'), {
        ...options,
        settleMs: 50,
        commitAfter: readFile(path, 'utf8').then((text) => void (theirBase = text)),
        // 10 ms after our rename, within the settle; synchronous, so it is whole before the settle's timer runs.
        onFirstCommit: () => void setTimeout(() => writeFileSync(path, `${theirBase}theirs = 1\n`), 10),
      });
      expect(await readFile(path, 'utf8')).toBe('[a]\nx = 1\ntheirs = 1\nours = 1\n');
    },
  );

  it('writes through a chain of symlinks to the final file; the links stay links', async () => {
    await mkdir(join(folder, 'dotfiles'));
    const real = join(folder, 'dotfiles', 'credentials');
    await writeFile(real, '[a]\nx = 1\n', { mode: 0o600 });
    await symlink('dotfiles/credentials', join(folder, 'middle'));
    await symlink(join(folder, 'middle'), join(folder, 'credentials'));
    await updateAwsFile(join(folder, 'credentials'), appendLine('y = 2'), FAST);
    expect((await lstat(join(folder, 'credentials'))).isSymbolicLink()).toBe(true);
    expect((await lstat(join(folder, 'middle'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(folder, 'middle'))).toBe('dotfiles/credentials');
    expect(await readFile(real, 'utf8')).toBe('[a]\nx = 1\ny = 2\n');
  });

  it('creates the target of a dangling link, as aws configure set does', async () => {
    await symlink(join(folder, 'elsewhere', 'config'), join(folder, 'config'));
    await updateAwsFile(join(folder, 'config'), appendLine('[default]'), FAST);
    expect((await lstat(join(folder, 'config'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(folder, 'elsewhere', 'config'), 'utf8')).toBe('[default]\n');
  });

  it('keeps an existing mode, even one the umask would narrow (0664 stays 0664); new files get 0600 and new folders 0700', async () => {
    const existing = join(folder, 'config');
    await writeFile(existing, '[default]\n');
    await chmod(existing, 0o664);
    await updateAwsFile(existing, appendLine('region = x'), FAST);
    expect((await stat(existing)).mode & 0o777).toBe(0o664);

    const fresh = join(folder, 'home', '.aws', 'credentials');
    await updateAwsFile(fresh, appendLine('[a]'), FAST);
    expect((await stat(fresh)).mode & 0o777).toBe(0o600);
    expect((await stat(join(folder, 'home'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(folder, 'home', '.aws'))).mode & 0o777).toBe(0o700);
  });

  it('backs the file up once before its first change and never overwrites that backup', async () => {
    const path = join(folder, 'credentials');
    await writeFile(path, '[a]\noriginal = 1\n', { mode: 0o644 });
    const first = await updateAwsFile(path, appendLine('second = 2'), FAST);
    expect(first).toEqual({ changed: true, backupPath: `${path}.mfa-tray-backup` });
    const second = await updateAwsFile(path, appendLine('third = 3'), FAST);
    expect(second).toEqual({ changed: true });
    expect(await readFile(`${path}.mfa-tray-backup`, 'utf8')).toBe('[a]\noriginal = 1\n');
    expect((await stat(`${path}.mfa-tray-backup`)).mode & 0o777).toBe(0o600);
    expect((await readdir(folder)).sort()).toEqual(['credentials', 'credentials.mfa-tray-backup']);
  });

  it('neither backs up nor writes when the edit changes nothing', async () => {
    const path = join(folder, 'config');
    await writeFile(path, '[default]\n');
    const before = await fingerprint(path);
    expect(await updateAwsFile(path, (text) => text, FAST)).toEqual({ changed: false });
    expect(await fingerprint(path)).toEqual(before);
    expect(await readdir(folder)).toEqual(['config']);
  });

  it('refuses an edit whose result botocore would reject, leaving the file as it was', async () => {
    const path = join(folder, 'config');
    await writeFile(path, '[default]\n');
    const before = await fingerprint(path);
    await expect(updateAwsFile(path, (text) => `${text}[default]\n`, FAST)).rejects.toBeInstanceOf(AwsFileError);
    expect(await fingerprint(path)).toEqual(before);
  });

  const badFiles: [string, (path: string) => Promise<void>, RegExp][] = [
    ['binary', (path) => writeFile(path, Buffer.from([0x5b, 0x61, 0x5d, 0x0a, 0x00, 0x01, 0xff])), /./],
    [
      'UTF-8 BOM',
      (path) => writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[a]\nk = v\n')])),
      /./,
    ],
    ['non-UTF-8 (Latin-1)', (path) => writeFile(path, Buffer.from('[a]\nk = caf\xe9\n', 'latin1')), /./],
    ['duplicate section', (path) => writeFile(path, '[a]\nk = 1\n[b]\n[a]\nk = 2\n'), /line 4/],
    ['key before any section', (path) => writeFile(path, 'k = v\n[a]\n'), /line 1/],
    ['huge (50 MB)', (path) => writeFile(path, '').then(() => truncate(path, 50 * 1024 * 1024)), /MB/],
  ];
  for (const [kind, create, reason] of badFiles) {
    it(`refuses to read or write a ${kind} file: AwsFileError naming it, bytes and mtime unchanged`, async () => {
      const path = join(folder, 'credentials');
      await create(path);
      const before = await fingerprint(path);
      const readError = await readAwsFile(path).catch((error: unknown) => error);
      expect(readError).toBeInstanceOf(AwsFileError);
      expect((readError as AwsFileError).file).toBe(path);
      expect((readError as AwsFileError).message).toMatch(reason);
      expect((readError as AwsFileError).problems.length).toBeGreaterThan(0);
      await expect(updateAwsFile(path, appendLine('x = 1'), FAST)).rejects.toBeInstanceOf(AwsFileError);
      expect(await fingerprint(path)).toEqual(before);
      expect(await readdir(folder)).toEqual(['credentials']);
    });
  }

  it('refuses an unreadable file (EACCES) with a clear error and writes nothing', async () => {
    const path = join(folder, 'config');
    await writeFile(path, '[default]\n', { mode: 0o000 });
    await chmod(path, 0o000);
    const before = await fingerprint(path);
    // root reads anything: run the reader and the writer as an unprivileged user instead
    const outcome = process.getuid?.() === 0 ? await asNobody(path) : await readAndUpdate(path);
    expect(outcome.read).toMatch(/config: cannot be read: permission denied/);
    expect(outcome.update).toMatch(/config: cannot be read: permission denied/);
    expect(await fingerprint(path)).toEqual(before);
  });

  it('refuses a folder where the file should be', async () => {
    const path = join(folder, 'config');
    await mkdir(path);
    await expect(readAwsFile(path)).rejects.toThrow(/folder/);
    await expect(updateAwsFile(path, appendLine('[a]'), FAST)).rejects.toBeInstanceOf(AwsFileError);
  });

  it('reads a missing file as empty and says so', async () => {
    expect(await readAwsFile(join(folder, 'nothing'))).toEqual({ text: '', exists: false });
  });

  it('re-applies the edit when the file changed between our read and our rename', async () => {
    const path = join(folder, 'config');
    await writeFile(path, '[default]\n');
    let calls = 0;
    await updateAwsFile(
      path,
      (text) => {
        calls += 1;
        // An outside writer changes the file while we are preparing our write (first round only).
        if (calls === 1) void writeFile(path, '[default]\noutside = 1\n');
        return appendLine('ours = 1')(text);
      },
      FAST,
    );
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(await readFile(path, 'utf8')).toBe('[default]\noutside = 1\nours = 1\n');
  });

  it('re-applies the edit when the file was replaced by rename while the write waited for commitAfter', async () => {
    const path = join(folder, 'config');
    await writeFile(path, '[default]\n');
    let otherFileCommitted = (): void => {};
    const commitAfter = new Promise<void>((resolve) => (otherFileCommitted = resolve));
    let calls = 0;
    await updateAwsFile(
      path,
      (text) => {
        calls += 1;
        // While our write waits for the other file, an editor saves this one by rename.
        if (calls === 1) {
          void (async () => {
            await timers.setTimeout(30);
            await writeFile(`${path}.editor`, '[default]\noutside = 1\n');
            await rename(`${path}.editor`, path);
            otherFileCommitted();
          })();
        }
        return appendLine('ours = 1')(text);
      },
      { ...FAST, commitAfter },
    );
    expect(await readFile(path, 'utf8')).toBe('[default]\noutside = 1\nours = 1\n');
  });
});
