// `mfa-tray`: the terminal face of MFA Tray.
import { runCli } from './program';

await runCli(process.argv.slice(2));
