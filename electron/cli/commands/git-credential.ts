// `mfa-tray git-credential TARGET [--source PROFILE] get`: a git credential helper listed BEFORE
// `aws codecommit credential-helper`. It never answers git (stdout stays empty, so git asks the next helper);
// it only makes sure TARGET's MFA session is fresh first, renewing on the terminal, so an expired session no
// longer ends in git asking for a username that the user has to Ctrl-C.
import type { Command } from 'commander';
import { resolveAwsFileLocations } from '../../core/aws-files';
import { loadProfileModel } from '../../core/profiles';
import { openTerminal } from '../terminal/code-sources';
import { notASession, sessionTarget, validCredentials } from '../terminal/session-keys';
import { renewOnTerminal } from '../terminal/terminal-renewal';
import { errorMessage } from '../../shared/error-message';

const GIT_CREDENTIAL_HELP = `
git runs this with the operation last (get, store or erase) and the request on stdin. For "get" it checks
TARGET's MFA session and, when it has expired (or has less than a minute left), asks for a code on the
terminal and renews it; with no terminal it says to run \`git mfa\`. It never prints on stdout and exits 0
whatever happens (only a malformed command line exits 2), so git always goes on to the next credential helper
(aws codecommit credential-helper).

  [credential]
      helper =
      helper = !mfa-tray git-credential MyRepositoryAssumer --source FetchMfaCredentials
      helper = !aws codecommit --profile MyRepositoryContributor credential-helper $@`;

interface GitCredentialOptions {
  source?: string;
}

/** git writes the request and closes the pipe; reading it all means git never meets a closed pipe. */
async function drainStdin(): Promise<void> {
  // By hand on a terminal there is no request to wait for.
  if (process.stdin.isTTY) return;
  for await (const chunk of process.stdin) void chunk;
}

/** git's own switch for "never prompt" (GUIs, scripts, our wizard's clone) rules out our prompt as well. */
function terminalAllowed(): boolean {
  return process.env.GIT_TERMINAL_PROMPT !== '0';
}

async function freshenSession(target: string, options: GitCredentialOptions): Promise<void> {
  const model = await loadProfileModel(resolveAwsFileLocations(process.env));
  // With --source the pair is explicit (as `git mfa` renews it); without, the target must be a known session.
  const session = options.source === undefined ? sessionTarget(model, target) : target;
  const unusable = options.source === undefined ? notASession(model, target, session) : undefined;
  if (unusable) {
    process.stderr.write(`mfa-tray git-credential: ${unusable}\n`);
    return;
  }
  if (validCredentials(model, session, Date.now())) return;
  const terminal = terminalAllowed() ? openTerminal() : undefined;
  if (!terminal) {
    process.stderr.write(
      `The MFA session "${session}" has expired: run \`git mfa\` (or renew it from the MFA Tray icon), then retry.\n`,
    );
    return;
  }
  const outcome = await renewOnTerminal(terminal, { target: session, source: options.source });
  if (outcome.kind !== 'renewed') process.stderr.write(`${outcome.message}\n`);
}

export function registerGitCredentialCommand(program: Command): void {
  program
    .command('git-credential')
    .description(
      'git credential helper: renew an expired MFA session on the terminal before the CodeCommit helper runs.',
    )
    .argument('<target>', 'the MFA session profile the CodeCommit role signs with, e.g. MyRepositoryAssumer')
    .argument('<operation>', 'what git asks: get, store or erase')
    .option('--source <profile>', 'profile with the long-term keys and mfa_serial (default: the paired one)')
    .addHelpText('after', GIT_CREDENTIAL_HELP)
    .action(async (target: string, operation: string, options: GitCredentialOptions) => {
      await drainStdin();
      // git's protocol: store, erase and any operation a newer git invents are ignored silently.
      if (operation !== 'get') return;
      try {
        await freshenSession(target, options);
      } catch (error) {
        // Whatever went wrong, git must still reach the next helper: say why here and step aside.
        process.stderr.write(`mfa-tray git-credential: ${errorMessage(error)}\n`);
      }
    });
}
