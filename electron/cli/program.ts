// The `mfa-tray` program: every subcommand, shared by the terminal entry (mfa-tray.ts) and the desktop app's
// CLI mode (`MFA Tray --mfa-tray-cli …`, used by `git mfa` where the packaged app has no Node of its own).
import { Command } from 'commander';
import { registerCommands } from './commands/index';

/** Usage errors exit with 2 in every subcommand (commander's default is 1, which the reports use for file problems). */
const USAGE_EXIT = 2;

function createProgram(): Command {
  const program = new Command('mfa-tray')
    .description('Renew MFA-protected AWS sessions in ~/.aws and see when they expire.')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) })
    // Set before the subcommands are added, so each of them inherits it.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : USAGE_EXIT));
  registerCommands(program);
  return program;
}

/** Runs one command line (the words after `mfa-tray`). */
export async function runCli(args: readonly string[]): Promise<void> {
  // The SDK warns on stderr about Node 20 support dates: noise for a CLI whose stderr is the user's (and git's).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  await createProgram().parseAsync([...args], { from: 'user' });
}
