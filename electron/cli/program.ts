// The `mfa-tray` program: every subcommand, shared by the terminal entry (mfa-tray.ts) and the desktop app's
// CLI mode (`MFA Tray --mfa-tray-cli …`, used by `git mfa` where the packaged app has no Node of its own).
import { Command } from 'commander';
import { registerCommands } from './commands/index';
import { cliVersion } from './output/version';
import { quietSdkNotice } from './sdk-notice';

/** Usage errors exit with 2 in every subcommand (commander's default is 1, which the reports use for file problems). */
const USAGE_EXIT = 2;

/** A usage error is one line and where to read more: the whole help buries the line that matters. */
function helpHint(command: Command): string {
  const path: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) path.unshift(at.name());
  return `Run \`${path.join(' ')} --help\` for usage.`;
}

function withHints(command: Command): void {
  command.showHelpAfterError(helpHint(command));
  for (const sub of command.commands) withHints(sub);
}

async function createProgram(args: readonly string[]): Promise<Command> {
  const program = new Command('mfa-tray')
    .description('Renew MFA-protected AWS sessions in ~/.aws and see when they expire.')
    .version(cliVersion(), '-V, --version', 'print the version')
    .configureOutput({ outputError: (text, write) => write(text) })
    // Set before the subcommands are added, so each of them inherits it.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : USAGE_EXIT));
  await registerCommands(program, args);
  withHints(program);
  return program;
}

/** Runs one command line (the words after `mfa-tray`). */
export async function runCli(args: readonly string[]): Promise<void> {
  quietSdkNotice();
  await (await createProgram(args)).parseAsync([...args], { from: 'user' });
}
