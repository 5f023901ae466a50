// Runs git without a shell and without ever waiting on a prompt: a failing credential helper must end in an
// error the wizard can explain, not in git asking a window-less process for a username.
import { execFile } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export type GitRunner = (args: readonly string[], options?: { cwd?: string }) => Promise<GitResult>;

export interface GitRunnerOptions {
  gitPath?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export function createGitRunner({
  gitPath = 'git',
  env = process.env,
  timeoutMs = 120_000,
}: GitRunnerOptions = {}): GitRunner {
  const gitEnv = { ...env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', LC_ALL: 'C' };
  return (args, options = {}) =>
    new Promise((resolve) => {
      execFile(
        gitPath,
        [...args],
        { cwd: options.cwd, env: gitEnv, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, windowsHide: true },
        (error, stdout, stderr) => {
          if (!error) return resolve({ code: 0, stdout, stderr });
          const spawnFailed = typeof error.code === 'string';
          resolve({
            code: spawnFailed ? 127 : typeof error.code === 'number' ? error.code : 1,
            stdout,
            stderr: spawnFailed ? `${error.code}: ${error.message}` : stderr,
          });
        },
      );
    });
}
