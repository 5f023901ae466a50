import { chown, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateAwsFile } from './update-aws-file';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aws-files-backup-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.skipIf(process.getuid?.() !== 0)('backups made as root (sudo mfa-tray renew)', () => {
  it('belong to the live file’s owner, so the user can read and remove them; still 0600', async () => {
    const path = join(folder, 'credentials');
    await writeFile(path, '[a]\nk = 1\n', { mode: 0o600 });
    await chown(path, 65534, 65533);
    await updateAwsFile(path, (text) => (text.includes('x = 1') ? text : `${text}x = 1\n`), { settleMs: 0 });
    const backup = await stat(`${path}.mfa-tray-backup`);
    expect({ uid: backup.uid, gid: backup.gid, mode: backup.mode & 0o777 }).toEqual({
      uid: 65534,
      gid: 65533,
      mode: 0o600,
    });
    expect(await readFile(`${path}.mfa-tray-backup`, 'utf8')).toBe('[a]\nk = 1\n');
    const live = await stat(path);
    expect([live.uid, live.gid]).toEqual([65534, 65533]);
  });
});
