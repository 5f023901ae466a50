import type { Command } from 'commander';
import { registerCredentialProcessCommand } from './credential-process';
import { registerRenewCommand } from './renew';

/** Adds every subcommand to the program; one line per command file. */
export function registerCommands(program: Command): void {
  registerRenewCommand(program);
  registerCredentialProcessCommand(program);
}
