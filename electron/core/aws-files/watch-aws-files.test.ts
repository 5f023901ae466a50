import { appendFile, mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as timers from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileRole } from './file-problem';
import type { AwsFileLocations } from './locations';
import { watchAwsFiles } from './watch-aws-files';

let folder: string;
let closeWatcher: (() => void) | undefined;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'aws-files-watch-'));
});
afterEach(async () => {
  closeWatcher?.();
  await rm(folder, { recursive: true, force: true });
});

const DEBOUNCE_MS = 60;

function watchRecording(locations: AwsFileLocations): FileRole[][] {
  const reports: FileRole[][] = [];
  closeWatcher = watchAwsFiles(locations, (changed) => reports.push(changed), { debounceMs: DEBOUNCE_MS }).close;
  return reports;
}

const SETTLE_MS = DEBOUNCE_MS * 4;
const settle = () => timers.setTimeout(SETTLE_MS);

function locationsIn(awsFolder: string): AwsFileLocations {
  return {
    config: join(awsFolder, 'config'),
    credentials: join(awsFolder, 'credentials'),
    cliCacheDir: join(awsFolder, 'cli', 'cache'),
  };
}

describe('watchAwsFiles', () => {
  it('reports several quick outside writes as one change', async () => {
    const locations = locationsIn(folder);
    await writeFile(locations.credentials, '[a]\n');
    const reports = watchRecording(locations);
    for (let index = 0; index < 5; index += 1) await appendFile(locations.credentials, `k${index} = v\n`);
    await settle();
    expect(reports).toEqual([['credentials']]);
  });

  it('sees a file replaced by rename (as editors and atomic writers do) and ignores unrelated files', async () => {
    const locations = locationsIn(folder);
    await writeFile(locations.config, '[default]\n');
    const reports = watchRecording(locations);
    await writeFile(join(folder, 'unrelated'), 'x');
    await settle();
    expect(reports).toEqual([]);
    await writeFile(join(folder, 'config.new'), '[default]\nregion = x\n');
    await rename(join(folder, 'config.new'), locations.config);
    await appendFile(locations.config, 'output = json\n'); // the new inode is watched as well
    await settle();
    expect(reports).toEqual([['config']]);
  });

  it('sees files created later, in a folder that does not exist yet', async () => {
    const locations = locationsIn(join(folder, 'home', '.aws'));
    const reports = watchRecording(locations);
    await mkdir(join(folder, 'home', '.aws'), { recursive: true });
    await settle();
    reports.length = 0;
    await writeFile(locations.credentials, '[a]\n');
    await settle();
    expect(reports).toEqual([['credentials']]);
  });

  it('follows a symlinked file to its target folder', async () => {
    const locations = locationsIn(folder);
    await mkdir(join(folder, 'dotfiles'));
    await writeFile(join(folder, 'dotfiles', 'config'), '[default]\n');
    await symlink(join(folder, 'dotfiles', 'config'), locations.config);
    const reports = watchRecording(locations);
    await appendFile(join(folder, 'dotfiles', 'config'), 'region = x\n');
    await settle();
    expect(reports).toEqual([['config']]);
  });

  it('reports nothing after close', async () => {
    const locations = locationsIn(folder);
    const reports = watchRecording(locations);
    closeWatcher?.();
    await writeFile(locations.config, '[default]\n');
    await settle();
    expect(reports).toEqual([]);
  });
});
