import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCommands } from './index';

async function registered(args: string[]): Promise<string[]> {
  const program = new Command('mfa-tray');
  await registerCommands(program, args);
  return program.commands.map((command) => command.name());
}

describe('which subcommands a command line loads', () => {
  it('only the one it names', async () => {
    expect(await registered(['renew', 'MyRepositoryAssumer'])).toEqual(['renew']);
    expect(await registered(['git-credential', 'p', 'get'])).toEqual(['git-credential']);
  });

  it('none for the version, which the program answers itself', async () => {
    expect(await registered(['--version'])).toEqual([]);
    expect(await registered(['-V'])).toEqual([]);
  });

  it('all of them for help or a typo, so that both can list them', async () => {
    const all = ['renew', 'credential-process', 'git-credential', 'profiles', 'status', 'devices'];
    expect(await registered([])).toEqual(all);
    expect(await registered(['--help'])).toEqual(all);
    expect(await registered(['renwe'])).toEqual(all);
  });
});
