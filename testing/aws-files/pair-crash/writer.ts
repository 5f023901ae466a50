// Test helper, run by harness.ts under strace, which SIGKILLs it at one chosen system call: renews the profile
// `mfa` to version argv[3] (keys and expiration that name it) with writeProfileSettings, as renew does.
import { join } from 'node:path';
import { writeProfileSettings } from '../../../electron/core/aws-files/profile-settings';
import { pairVersionValues } from './versions';

const [folder, version] = process.argv.slice(2);
if (folder === undefined || version === undefined) throw new Error('usage: pair-crash-writer <folder> <version>');
await writeProfileSettings(
  {
    config: join(folder, 'config'),
    credentials: join(folder, 'credentials'),
    cliCacheDir: join(folder, 'cli', 'cache'),
  },
  'mfa',
  pairVersionValues(Number(version)),
);
