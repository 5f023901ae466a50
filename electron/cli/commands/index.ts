import type { Command } from 'commander';
import { registerCredentialProcessCommand } from './credential-process';
import { registerDevicesCommand } from './devices';
import { registerGitCredentialCommand } from './git-credential';
import { registerProfilesCommand } from './profiles';
import { registerRenewCommand } from './renew';
import { registerStatusCommand } from './status';

/** Adds every subcommand to the program; one line per command file. */
export function registerCommands(program: Command): void {
  registerRenewCommand(program);
  registerCredentialProcessCommand(program);
  registerGitCredentialCommand(program);
  registerProfilesCommand(program);
  registerStatusCommand(program);
  registerDevicesCommand(program);
}
