// `mfa-tray credential-process PROFILE`: for `credential_process = mfa-tray credential-process NAME` in a
// profile. Prints the MFA session's keys (or an MFA role's, from the AWS CLI's cache) as the AWS CLI/SDKs expect,
// renewing on the terminal when it can. SDKs run it at every start and expiry, so its command line runs from the
// CLI's entry (hot-commands.ts): what a valid session needs is imported here, the rest only when it has expired.
import type { Command } from 'commander';
import { resolveAwsFileLocations } from '../../core/aws-files';
import { loadProfileModel } from '../../core/profiles';
import { EXIT, exitCodeFor } from '../terminal/exit-codes';
import { notASession, seenSession, sessionTarget, targetCredentials } from '../terminal/session-keys';
import { writeStdout } from '../output/write-stdout';

const CREDENTIAL_PROCESS_EXIT_HELP = `
Exit codes:
  0   the keys were printed (renewed first when needed: on the terminal, or with no terminal in the running
      MFA Tray app's token dialog)
  2   user error: not an MFA session or MFA role profile, expired with neither a terminal nor the app to ask,
      wrong or already used code, bad keys, clock skew, cancelled (also the app's dialog closed, or no code
      within its wait)
  3   AWS or network error while renewing: throttling, timeout, AWS internal error, unreachable (also: the app
      could not be talked to)`;

export function registerCredentialProcessCommand(program: Command): void {
  program
    .command('credential-process')
    .description(
      "Print an MFA session's or MFA role's keys as credential_process JSON; renew on the terminal (or in the MFA Tray app) when expired.",
    )
    .argument('<profile>', 'the MFA session profile (or its source profile), or an MFA role profile')
    .addHelpText('after', CREDENTIAL_PROCESS_EXIT_HELP)
    .action(credentialProcess);
}

/** Prints the keys of `profile`'s session (renewed first when it has expired), or says why not and sets the exit code. */
export async function credentialProcess(profile: string): Promise<void> {
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
    writeStdout(`${JSON.stringify(ready)}\n`);
    return;
  }
  const { openTerminal } = await import('../terminal/code-sources');
  const terminal = openTerminal();
  if (!terminal) {
    // An SDK or IDE with no terminal: the running app's token dialog asks for the code (loaded only here).
    const { renewThroughApp } = await import('../terminal/app-prompt');
    const answer = await renewThroughApp(target, process.stderr);
    if (answer.kind !== 'renewed') {
      process.stderr.write(
        answer.kind === 'not-running'
          ? `"${target}" has expired (or was never renewed) and there is no terminal to ask for a code. Start MFA Tray (its dialog then asks for the code) or renew it with \`mfa-tray renew ${target}\`, then retry.\n`
          : `${answer.message}\n`,
      );
      process.exitCode = answer.kind === 'failed' ? EXIT.awsError : EXIT.userError;
      return;
    }
  } else {
    const { renewOnTerminal } = await import('../terminal/terminal-renewal');
    const outcome = await renewOnTerminal(terminal, { target, seen: seenSession(model, target) });
    if (outcome.kind !== 'renewed') {
      process.stderr.write(`${outcome.message}\n`);
      process.exitCode = exitCodeFor(outcome);
      return;
    }
  }
  const renewed = await targetCredentials(await loadProfileModel(locations), target, locations.cliCacheDir, Date.now());
  if (!renewed) {
    process.stderr.write(`"${target}" was renewed but its keys could not be read back.\n`);
    process.exitCode = EXIT.userError;
    return;
  }
  writeStdout(`${JSON.stringify(renewed)}\n`);
}
