import { execFileSync } from 'node:child_process';
import { lstat, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsFileError } from './aws-file-error';
import { writeProfileSettings } from './profile-settings';
import { readAwsFile } from './read-aws-file';
import { updateAwsFile } from './update-aws-file';

// A FIFO blocks open() until someone writes to it: before the fix every one of these hung (the test timed out).
let folder: string;
let server: Server | undefined;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aws-files-special-'));
});
afterEach(async () => {
  server?.close();
  server = undefined;
  await rm(folder, { recursive: true, force: true });
});

const kinds: [string, (path: string) => Promise<void>, RegExp][] = [
  [
    'a FIFO',
    async (path) => void execFileSync('mkfifo', [path]),
    /is a named pipe \(FIFO\), not a file: the AWS CLI ignores it/,
  ],
  [
    'a socket',
    (path) =>
      new Promise<void>((listening) => {
        server = createServer().listen(path, listening);
      }),
    /is a socket, not a file/,
  ],
  ['a link to a device', (path) => symlink('/dev/zero', path), /is a device, not a file/],
  [
    'a link to a FIFO',
    async (path) => {
      execFileSync('mkfifo', [`${path}.fifo`]);
      await symlink(`${path}.fifo`, path);
    },
    /named pipe/,
  ],
];

describe.skipIf(process.platform === 'win32')('AWS files that are not regular files', () => {
  for (const [kind, create, message] of kinds) {
    it(
      `${kind} is refused at once, never opened: read, update and writeProfileSettings do not block`,
      { timeout: 5_000 },
      async () => {
        const credentials = join(folder, 'credentials');
        await create(credentials);
        const error = await readAwsFile(credentials).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(AwsFileError);
        expect((error as AwsFileError).message).toMatch(message);
        await expect(updateAwsFile(credentials, (text) => `${text}[a]\n`, { settleMs: 0 })).rejects.toThrow(message);
        const config = join(folder, 'config');
        await writeFile(config, '[profile dev]\nregion = eu-west-1\n');
        await expect(
          writeProfileSettings({ config, credentials, cliCacheDir: join(folder, 'cache') }, 'dev', {
            aws_access_key_id: 'AKIAX',
          }),
        ).rejects.toThrow(message);
        expect((await lstat(credentials)).isFile()).toBe(false); // left as it was
      },
    );
  }
});
