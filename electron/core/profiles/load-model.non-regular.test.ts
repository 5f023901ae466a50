import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProfileModel } from './load-model';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'profiles-fifo-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('loadProfileModel with a FIFO for an AWS file', () => {
  // The app's model load, status and renew's pre-check all start here; before the fix the open() blocked forever.
  for (const fifo of ['config', 'credentials'] as const) {
    it(
      `reads a FIFO ${fifo} file at once as the AWS CLI does (no such file) and reports it as a problem`,
      { timeout: 5_000 },
      async () => {
        const locations = {
          config: join(folder, 'config'),
          credentials: join(folder, 'credentials'),
          cliCacheDir: join(folder, 'cache'),
        };
        await writeFile(locations.config, '[profile dev]\nregion = eu-west-1\n');
        await writeFile(locations.credentials, '[keys]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = s\n');
        await rm(locations[fifo]);
        execFileSync('mkfifo', [locations[fifo]]);
        const model = await loadProfileModel(locations);
        expect(model.profiles.has(fifo === 'config' ? 'keys' : 'dev')).toBe(true);
        expect(model.profiles.has(fifo === 'config' ? 'dev' : 'keys')).toBe(false);
        expect(model.problems).toEqual([
          expect.objectContaining({
            fileRole: fifo,
            line: 0,
            message: expect.stringMatching(/is a named pipe \(FIFO\), not a file/),
          }),
        ]);
      },
    );
  }
});
