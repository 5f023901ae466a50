// Test helper, run by harness.ts under strace, which SIGKILLs it at one chosen system call: renews the profile
// `mfa` to version argv[3] (keys and expiration that name it) with writeProfileSettings, as renew does; argv[4] is
// the state folder (where a read-only folder's in-place writes keep their journal), if any.
import { join } from 'node:path';
import { writeProfileSettings } from '../../../electron/core/aws-files/profile-settings';
import { pairVersionValues } from './versions';

const [folder, version, stateDir] = process.argv.slice(2);
if (folder === undefined || version === undefined) throw new Error('usage: pair-crash-writer <folder> <version>');
await writeProfileSettings(
  {
    config: join(folder, 'config'),
    credentials: join(folder, 'credentials'),
    cliCacheDir: join(folder, 'cli', 'cache'),
    ...(stateDir !== undefined && { stateDir }),
  },
  'mfa',
  // Dropping the legacy token (as a renewal of an aws-mfa profile does) makes the new text shorter than the old: a
  // kill before an in-place write's truncate leaves it torn (the new bytes, then the old file's tail).
  { ...pairVersionValues(Number(version)), aws_security_token: null },
);
