// Runs the built CLI (node bin/mfa-tray.cjs) as a real process.
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../bin/mfa-tray.cjs', import.meta.url));

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

/** The CLI on a real terminal (util-linux `script`); `answer` sees the screen so far and may type a line. */
export function onTerminal(args: string, env: NodeJS.ProcessEnv, answer: (screen: string) => string | undefined) {
  const child = spawn('/usr/bin/script', ['-qec', `"${process.execPath}" "${CLI}" ${args}`, '/dev/null'], { env });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
    const line = answer(screen);
    if (line !== undefined) child.stdin.write(`${line}\r`);
  });
  return new Promise<{ code: number | null; screen: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, screen })),
  );
}
