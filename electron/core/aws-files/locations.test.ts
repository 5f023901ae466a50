import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expandUser, expandVars, resolveAwsFileLocations } from './locations';
import { resolveStateDir } from './state-dir';

/** Python's own os.path.expandvars + expanduser (what botocore runs) on each path, with the given env. */
function pythonExpand(paths: string[], env: Record<string, string>): string[] {
  const script =
    'import json,os,sys; print(json.dumps([os.path.expanduser(os.path.expandvars(p)) for p in json.loads(sys.argv[1])]))';
  const output = execFileSync('/usr/bin/python3', ['-c', script, JSON.stringify(paths)], { env, encoding: 'utf8' });
  return JSON.parse(output) as string[];
}

describe('resolveAwsFileLocations', () => {
  it('defaults to ~/.aws/config, ~/.aws/credentials and ~/.aws/cli/cache under the home folder', () => {
    expect(resolveAwsFileLocations({ HOME: '/home/ann' })).toEqual({
      config: '/home/ann/.aws/config',
      credentials: '/home/ann/.aws/credentials',
      cliCacheDir: '/home/ann/.aws/cli/cache',
      stateDir: resolveStateDir({ HOME: '/home/ann' }),
    });
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE with $VAR, ${VAR} and ~ expanded', () => {
    const env = {
      HOME: '/home/ann',
      AWS_CONFIG_FILE: '$XDG/aws/${NAME}.ini',
      AWS_SHARED_CREDENTIALS_FILE: '~/secret/creds',
      XDG: '/cfg',
      NAME: 'cfg',
      MFA_TRAY_STATE_DIR: '/state/mfa-tray',
    };
    expect(resolveAwsFileLocations(env)).toEqual({
      config: '/cfg/aws/cfg.ini',
      credentials: '/home/ann/secret/creds',
      cliCacheDir: '/home/ann/.aws/cli/cache',
      stateDir: '/state/mfa-tray',
    });
  });

  it('uses the home folder it is given for ~', () => {
    expect(resolveAwsFileLocations({ HOME: '/ignored' }, '/given/').config).toBe('/given/.aws/config');
  });

  it('treats an empty variable as unset', () => {
    expect(resolveAwsFileLocations({ HOME: '/h', AWS_CONFIG_FILE: '' }).config).toBe('/h/.aws/config');
  });
});

describe('expandVars + expandUser agree with Python os.path (botocore)', () => {
  it('on tricky paths', () => {
    const env = { HOME: '/home/ann/', A: 'x', B_1: '/abs', EMPTY: '', PATH: process.env.PATH ?? '/usr/bin' };
    const paths = [
      '~',
      '~/',
      '~/.aws/config',
      '~root/x',
      '~nosuchuser123/x',
      'a~/b',
      '$A/$A',
      '${A}b',
      '$Ab',
      '$B_1/c',
      '${B_1}',
      '$MISSING/x',
      '${MISSING}',
      '${}',
      '$',
      'a$',
      '$$A',
      '$EMPTY/x',
      '~$A',
      '$HOME/x',
      '${A',
      '$A${A}$A',
      'é$A',
    ];
    const ours = paths.map((path) => expandUser(expandVars(path, env), env));
    expect(ours).toEqual(pythonExpand(paths, env));
  });

  it('does not re-expand a substituted value', () => {
    expect(expandVars('$A', { A: '$B', B: 'no' })).toBe('$B');
  });
});
