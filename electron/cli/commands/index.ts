import type { Command } from 'commander';

type Register = (program: Command) => void;

/** Every subcommand, in `--help` order, each loaded only when needed: one line per command file. */
const COMMANDS: Record<string, () => Promise<Register>> = {
  renew: async () => (await import('./renew')).registerRenewCommand,
  'credential-process': async () => (await import('./credential-process')).registerCredentialProcessCommand,
  'git-credential': async () => (await import('./git-credential')).registerGitCredentialCommand,
  profiles: async () => (await import('./profiles')).registerProfilesCommand,
  status: async () => (await import('./status')).registerStatusCommand,
  devices: async () => (await import('./devices')).registerDevicesCommand,
};

/**
 * Adds the subcommand named first on the command line, or every subcommand when none is (help, version, a typo):
 * `mfa-tray renew` then loads no module of `devices` (QR codes, IAM) or `profiles`.
 */
export async function registerCommands(program: Command, args: readonly string[]): Promise<void> {
  const named = args[0] !== undefined && Object.hasOwn(COMMANDS, args[0]) ? [COMMANDS[args[0]]!] : undefined;
  for (const load of named ?? Object.values(COMMANDS)) (await load())(program);
}
