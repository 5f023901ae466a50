// `mfa-tray`: the terminal face of MFA Tray. Each subcommand lives in ./commands and registers itself here.
import { Command } from 'commander';
import { registerCommands } from './commands/index';

const program = new Command('mfa-tray')
  .description('Renew MFA-protected AWS sessions in ~/.aws and see when they expire.')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

registerCommands(program);

await program.parseAsync(process.argv);
