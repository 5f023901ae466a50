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

// Records the cache key of the last AssumeRoleCredentialFetcher botocore builds for each profile (the outermost
// role of a chain is built last). Nothing is fetched: the provider's load() only builds the deferred credentials.
const CAPTURE_CACHE_KEYS = `
import json, sys
import botocore.credentials as credentials, botocore.session
keys = {}
original = credentials.AssumeRoleCredentialFetcher.__init__
def capture(self, *args, **kwargs):
    original(self, *args, **kwargs)
    capture.last = self._create_cache_key()
credentials.AssumeRoleCredentialFetcher.__init__ = capture
for name in sys.argv[1:]:
    capture.last = None
    session = botocore.session.Session(profile=name)
    session.get_component('credential_provider').get_provider('assume-role').load()
    keys[name] = capture.last
print(json.dumps(keys))
`;

/** botocore's ~/.aws/cli/cache file name (without .json) for each role profile, as the installed AWS CLI computes it. */
export function botocoreRoleCacheKeys(profiles: string[], env: NodeJS.ProcessEnv): Record<string, string | null> {
  return runBotocore(CAPTURE_CACHE_KEYS, profiles, env) as Record<string, string | null>;
}
