// dist/cli/mfa-tray.cjs, what `mfa-tray` (bin/mfa-tray.cjs) and the packaged app run: the CLI's entry, dist/cli/main.cjs,
// compiled with V8's code cache. git runs the entry on every fetch and push, where compiling its 100 KB and then each
// function the run calls costs more than reading their bytecode.
import { join } from 'node:path';
import { runCached } from './cached-script';

runCached(join(__dirname, 'main.cjs'));
