// Where the AWS CLI looks for its files, resolved exactly as botocore does it: the env var (or the default)
// goes through os.path.expandvars and then os.path.expanduser (botocore/configloader.py raw_config_parse).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { resolveStateDir } from './state-dir';

export interface AwsFileLocations {
  config: string;
  credentials: string;
  cliCacheDir: string;
  /**
   * MFA Tray's own state folder. A file whose folder MFA Tray may not write is rewritten in place, with its lock,
   * backup and crash journal kept here (in-place-write.ts); without it such a folder is refused.
   */
  stateDir?: string;
}

const DEFAULT_CONFIG = '~/.aws/config';
const DEFAULT_CREDENTIALS = '~/.aws/credentials';

/**
 * The config file, the credentials file, the AWS CLI's role-credential cache and MFA Tray's state folder for this
 * environment.
 * `home` replaces the home folder used for `~` (tests; the Electron shell passes app.getPath('home')).
 */
export function resolveAwsFileLocations(env: NodeJS.ProcessEnv = process.env, home?: string): AwsFileLocations {
  const configured = (name: string, fallback: string): string => {
    const value = env[name];
    // An empty variable would name no file at all; botocore then reads nothing. We fall back to the default.
    return value === undefined || value === '' ? fallback : value;
  };
  const resolve = (raw: string): string => expandUser(expandVars(raw, env), env, home);
  return {
    config: resolve(configured('AWS_CONFIG_FILE', DEFAULT_CONFIG)),
    credentials: resolve(configured('AWS_SHARED_CREDENTIALS_FILE', DEFAULT_CREDENTIALS)),
    // awscli: os.path.expanduser(os.path.join('~', '.aws', 'cli', 'cache')); not tied to AWS_CONFIG_FILE.
    cliCacheDir: expandUser(join('~', '.aws', 'cli', 'cache'), env, home),
    stateDir: resolveStateDir(env),
  };
}

/** Python's posixpath.expandvars: `$NAME` / `${NAME}` (ASCII word characters); unknown variables stay as written. */
export function expandVars(path: string, env: NodeJS.ProcessEnv): string {
  if (!path.includes('$')) return path;
  // A global replace never rescans substituted text, as expandvars never re-expands a value.
  return path.replace(/\$(\w+|\{[^}]*\})/g, (match, token: string) => {
    const name = token.startsWith('{') ? token.slice(1, -1) : token;
    const value = env[name];
    return value === undefined ? match : value;
  });
}

/** Python's expanduser: a leading `~` (HOME, else the passwd entry) or `~user` (passwd); otherwise unchanged. */
export function expandUser(path: string, env: NodeJS.ProcessEnv, home?: string): string {
  if (!path.startsWith('~')) return path;
  const separators = process.platform === 'win32' ? /[/\\]/ : /\//;
  const rest = path.slice(1);
  const match = separators.exec(rest);
  const end = match ? match.index + 1 : path.length;
  const userName = path.slice(1, end);
  let userHome: string | undefined;
  if (userName === '') {
    userHome = home ?? (process.platform === 'win32' ? env.USERPROFILE : env.HOME) ?? homedir();
  } else {
    userHome = passwdHome(userName);
    if (userHome === undefined) return path;
  }
  userHome = userHome.replace(process.platform === 'win32' ? /[/\\]+$/ : /\/+$/, '');
  return userHome + path.slice(end) || '/';
}

function passwdHome(userName: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  let passwd: string;
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    return undefined;
  }
  for (const line of passwd.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === userName && fields[5] !== undefined) return fields[5];
  }
  return undefined;
}
