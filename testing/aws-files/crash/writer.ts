// Test helper, run as its own process by harness.ts: rewrites the file named by argv[2] forever
// through updateAwsFile, each time with the next version, and prints each version number once written.
// The harness kills it with SIGKILL at random moments.
import { crashTestVersion, crashTestVersionOf } from './versions';
import { updateAwsFile } from '../../../electron/core/aws-files/update-aws-file';

const target = process.argv[2];
if (target === undefined) throw new Error('usage: crash-test-writer <file>');
for (;;) {
  let written = 0;
  await updateAwsFile(
    target,
    (current) => {
      written = crashTestVersionOf(current) + 1;
      return crashTestVersion(written);
    },
    // Nobody else writes this file: no need to wait for late in-place writers.
    { settleMs: 0, role: 'credentials' },
  );
  process.stdout.write(`${written}\n`);
}
