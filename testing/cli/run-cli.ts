// Runs the built CLI (node bin/mfa-tray.mjs) as a real process.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../bin/mfa-tray.mjs', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runProcess(file: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    // A child that exits without reading its input (git config, a refusing helper) closes the pipe: EPIPE is no failure.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });
}

export const runCli = (args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> =>
  runProcess(process.execPath, [CLI, ...args], env, input);

/**
 * As a GUI, an IDE or an SDK starts it: in a session of its own (util-linux setsid), with no controlling terminal,
 * so no /dev/tty even when the tests run in one.
 */
export const runCliWithoutTerminal = (args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> =>
  runProcess('/usr/bin/setsid', ['-w', process.execPath, CLI, ...args], env, input);

export const runAws = (args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> =>
  runProcess('/usr/bin/aws', args, env);
