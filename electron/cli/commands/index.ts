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

/** The program's own answer, which needs no subcommand. */
const VERSION_FLAGS = new Set(['-V', '--version']);

/**
 * Adds the subcommand named first on the command line, none for the version, or every subcommand when none is named
 * (help, a typo): `mfa-tray renew` then loads no module of `devices` (QR codes, IAM) or `profiles`.
 */
export async function registerCommands(program: Command, args: readonly string[]): Promise<void> {
  const first = args[0];
  if (first !== undefined && VERSION_FLAGS.has(first)) return;
  const named = first !== undefined && Object.hasOwn(COMMANDS, first) ? [COMMANDS[first]!] : undefined;
  for (const load of named ?? Object.values(COMMANDS)) (await load())(program);
}
