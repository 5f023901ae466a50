import { Command, InvalidArgumentError } from 'commander';
import { errorMessage } from '../../electron/shared/error-message';
import { startEmulator } from './server';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('a port is a whole number 0-65535');
  return port;
}

const program = new Command('sts-emulator')
  .description(
    'Local STS/IAM endpoint speaking the AWS query protocol, for tests, benchmarks and demos (127.0.0.1 only).',
  )
  .requiredOption(
    '--seed <file>',
    'seed JSON: accounts, users, keys, MFA devices, roles (see tools/sts-emulator/README.md)',
  )
  .option('--port <port>', 'port to listen on; 0 picks a free one', parsePort, 0)
  .parse();

const options = program.opts<{ seed: string; port: number }>();
try {
  const emulator = await startEmulator({ port: options.port, seed: options.seed });
  // The URL is the first stdout line: scripts read it to find the port.
  process.stdout.write(`${emulator.url}\n`);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`sts-emulator: ${errorMessage(error)}\n`);
  process.exit(1);
}
