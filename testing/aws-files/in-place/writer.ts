// Test helper, run as its own process by harness.ts: a slow in-place writer, as `aws configure set` and editors
// that save in place are. On "go" (stdin) it reads the file, truncates it in place (open 'w', O_TRUNC), waits
// the gap with the descriptor open, writes its edited text and closes: for the gap the file is empty.
// Mode "update" opens it for writing without truncating (as editors that rewrite in place do), says "opened",
// and after the gap writes its text over the old and truncates it to that length.
// argv: file role section key value gapMs [truncate|update]
import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { applyEdits } from '../../../electron/core/ini';

const [file, role, section, key, value, gap, mode = 'truncate'] = process.argv.slice(2);
if (file === undefined || section === undefined || key === undefined || value === undefined || gap === undefined)
  throw new Error('usage: in-place-writer <file> <config|credentials> <section> <key> <value> <gapMs>');

process.stdin.once('data', () => {
  const text = readFileSync(file, 'utf8');
  const next = applyEdits(text, [{ section, key, value }], { file: role === 'credentials' ? 'credentials' : 'config' });
  const fd = openSync(file, mode === 'update' ? 'r+' : 'w');
  if (mode === 'update') process.stdout.write('opened\n');
  setTimeout(() => {
    const length = writeSync(fd, next, 0);
    ftruncateSync(fd, length);
    closeSync(fd);
    process.stdout.write('done\n', () => process.exit(0));
  }, Number(gap));
});
process.stdout.write('ready\n');
