// `mfa-tray credential-process PROFILE`: for `credential_process = mfa-tray credential-process NAME` in a
// profile. Prints the MFA session's keys (or an MFA role's, from the AWS CLI's cache) as the AWS CLI/SDKs expect,
// renewing on the terminal when it can.
import type { Command } from 'commander';
import { resolveAwsFileLocations } from '../../core/aws-files';
import { loadProfileModel } from '../../core/profiles';
import { EXIT, exitCodeFor } from '../terminal/exit-codes';
import { openTerminal } from '../terminal/code-sources';
import { notASession, sessionTarget, targetCredentials } from '../terminal/session-keys';
import { renewOnTerminal } from '../terminal/terminal-renewal';

const CREDENTIAL_PROCESS_EXIT_HELP = `
Exit codes:
  0   the keys were printed (renewed on the terminal first when needed)
  2   user error: not an MFA session or MFA role profile, expired with no terminal to ask on, wrong or already used code,
      bad keys, clock skew, cancelled
  3   AWS or network error while renewing: throttling, timeout, AWS internal error, unreachable`;

export function registerCredentialProcessCommand(program: Command): void {
  program
    .command('credential-process')
    .description(
      "Print an MFA session's or MFA role's keys as credential_process JSON; renew on the terminal when expired.",
    )
    .argument('<profile>', 'the MFA session profile (or its source profile), or an MFA role profile')
    .addHelpText('after', CREDENTIAL_PROCESS_EXIT_HELP)
    .action(async (profile: string) => {
      const locations = resolveAwsFileLocations(process.env);
      const model = await loadProfileModel(locations);
      const target = sessionTarget(model, profile);
      const unusable = notASession(model, profile, target);
      if (unusable) {
        process.stderr.write(`${unusable}\n`);
        process.exitCode = EXIT.userError;
        return;
      }
      const ready = await targetCredentials(model, target, locations.cliCacheDir, Date.now());
      if (ready) {
        process.stdout.write(`${JSON.stringify(ready)}\n`);
        return;
      }
      const terminal = openTerminal();
      if (!terminal) {
        process.stderr.write(
          `"${target}" has expired (or was never renewed) and there is no terminal to ask for a code. Renew it with \`mfa-tray renew ${target}\` (or the MFA Tray icon), then retry.\n`,
        );
        process.exitCode = EXIT.userError;
        return;
      }
      const outcome = await renewOnTerminal(terminal, { target });
      if (outcome.kind !== 'renewed') {
        process.stderr.write(`${outcome.message}\n`);
        process.exitCode = exitCodeFor(outcome);
        return;
      }
      const renewed = await targetCredentials(
        await loadProfileModel(locations),
        target,
        locations.cliCacheDir,
        Date.now(),
      );
      if (!renewed) {
        process.stderr.write(`"${target}" was renewed but its keys could not be read back.\n`);
        process.exitCode = EXIT.userError;
        return;
      }
      process.stdout.write(`${JSON.stringify(renewed)}\n`);
    });
}
