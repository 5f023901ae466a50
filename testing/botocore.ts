// Runs botocore (Debian's awscli package) as the oracle for tests and the benchmark.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';
/** Debian's awscli package, which carries the botocore the AWS CLI reads files with. */
export const AWSCLI_PATH = '/usr/lib/python3/dist-packages/awscli';

export const botocoreAvailable = existsSync(PYTHON) && existsSync(`${AWSCLI_PATH}/botocore/configloader.py`);

/** Runs a Python script with botocore importable; its stdout is parsed as JSON. */
export function runBotocore(script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): unknown {
  const stdout = execFileSync(PYTHON, ['-c', script, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PYTHONPATH: AWSCLI_PATH },
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout) as unknown;
}
