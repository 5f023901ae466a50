// Step 6: clone a CodeCommit repository over HTTPS so every fetch and push signs in through the role profile, and
// add `git mfa`, which renews the MFA session from inside the repo. Two ways to sign, both kept working:
// - ours (the default): `mfa-tray git-credential ROLE` renews an expired session on the terminal and answers git
//   with CodeCommit's password itself (role keys shared with the AWS CLI's cache), no Python started;
// - the AWS CLI's, as the blog writes it (`aws codecommit --profile ROLE credential-helper $@`), after our
//   session helper, which renews an expired MFA session and answers nothing.
// An existing clone whose remote is a git-remote-codecommit URL keeps it: that helper asks git for no credentials.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gitRemoteCodeCommitNote, parseCodeCommitUrl } from '../../shared/codecommit-url';
import type { GitCredentialHelperChoice, WizardRepositoryResult } from '../../shared/contract';
import type { GitRunner } from './git-runner';

/** How to start our CLI from a shell, independent of PATH (git GUIs and IDEs often have a different one). */
export interface CliInvocation {
  /** Executable and leading arguments, e.g. [node, bin/mfa-tray.cjs] or [app binary, --mfa-tray-cli]. */
  argv: readonly string[];
}

/** The desktop app runs one CLI command line instead of starting the tray when given this first. */
export const APP_CLI_FLAG = '--mfa-tray-cli';

export type CliRuntime =
  | { kind: 'node'; execPath: string; cliScript: string }
  /** `appArgs`: what the binary needs before our flag (the app folder in development, nothing when packaged). */
  | { kind: 'electron-app'; execPath: string; appArgs: readonly string[] }
  /** The installed app's `mfa-tray` launcher (resources/bin), which runs the CLI with the app binary as Node. */
  | { kind: 'launcher'; launcher: string };

/**
 * The CLI by absolute path, so `git mfa` works whatever PATH the git client has. An installed app has its launcher
 * (electron/main/cli-runtime.ts says which runtime applies); the app's own CLI mode remains for an AppImage and for
 * development, where it starts Electron for each command.
 */
export function resolveCliInvocation(runtime: CliRuntime): CliInvocation {
  switch (runtime.kind) {
    case 'node':
      return { argv: [runtime.execPath, runtime.cliScript] };
    case 'launcher':
      return { argv: [runtime.launcher] };
    case 'electron-app':
      return { argv: [runtime.execPath, ...runtime.appArgs, APP_CLI_FLAG] };
  }
}

export function codeCommitHttpsUrl(region: string, repository: string): string {
  return `https://git-codecommit.${region}.amazonaws.com/v1/repos/${repository}`;
}

export function credentialHelperCommand(roleProfile: string): string {
  return `!aws codecommit --profile ${roleProfile} credential-helper $@`;
}

/** git runs `!` aliases with sh (Git for Windows too), so every word is single-quoted for sh. */
export function gitMfaAlias(cli: CliInvocation, target: string, source: string): string {
  return shellCommand([...cli.argv, 'renew', target, '--source', source]);
}

/** Our CodeCommit helper: renews the role's MFA session when needed and answers git with the role's signature. */
export function roleCredentialHelper(cli: CliInvocation, roleProfile: string): string {
  return shellCommand([...cli.argv, 'git-credential', roleProfile]);
}

/**
 * Our session helper, listed before the AWS CLI's: it renews an expired session on the terminal and answers git
 * nothing, so the CodeCommit helper then signs with fresh keys. git runs `!` helpers with sh and appends the operation.
 */
export function gitCredentialHelper(cli: CliInvocation, target: string, source: string): string {
  return shellCommand([...cli.argv, 'git-credential', target, '--source', source]);
}

function shellCommand(words: readonly string[]): string {
  return `!${words.map(shellQuote).join(' ')}`;
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface RepositorySetupInput {
  name: string;
  region: string;
  roleProfile: string;
  parentFolder: string;
  targetProfile: string;
  sourceProfile: string;
  /** Which helper signs for CodeCommit (default ours). */
  credentialHelper?: GitCredentialHelperChoice;
}

export interface RepositorySetupDeps {
  git: GitRunner;
  cli: CliInvocation;
  /** Where the repository is fetched from; tests point it at a local bare repository. */
  repositoryUrl?: (region: string, name: string) => string;
}

export async function setUpRepository(
  input: RepositorySetupInput,
  deps: RepositorySetupDeps,
): Promise<WizardRepositoryResult> {
  const { git } = deps;
  const url = (deps.repositoryUrl ?? codeCommitHttpsUrl)(input.region, input.name);
  const destination = join(input.parentFolder, input.name);
  const version = await git(['--version']);
  if (version.code !== 0) {
    return {
      ok: false,
      kind: 'git-missing',
      message: 'Git is not installed or not on the PATH: install Git, then set up the repository again.',
    };
  }
  const existing = await inspectFolder(destination, git);
  if (existing === 'other') {
    return {
      ok: false,
      kind: 'folder-taken',
      message: `${destination} already exists and is not a clone of ${input.name}: choose another folder.`,
      path: destination,
    };
  }
  if (existing === 'clone') {
    const configured = await configureRepository(destination, input, deps);
    if (configured) return { ok: false, kind: 'clone-failed', message: configured, path: destination };
    const remote = await git(['remote', 'get-url', 'origin'], { cwd: destination });
    const viaRemoteHelper = remote.code === 0 ? remoteHelperNote(remote.stdout.trim(), input) : undefined;
    return {
      ok: true,
      kind: 'reconfigured',
      message: `${destination} was already cloned: its credential helper and \`git mfa\` are now up to date.${viaRemoteHelper ? ` ${viaRemoteHelper}` : ''}`,
      path: destination,
    };
  }
  const clone = await git(
    [
      'clone',
      ...helperSettings(input, deps.cli).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
      '--',
      url,
      destination,
    ],
    { cwd: input.parentFolder },
  );
  if (clone.code !== 0) return cloneFailure(clone.stderr, input, destination);
  const configured = await configureRepository(destination, input, deps);
  if (configured) return { ok: false, kind: 'clone-failed', message: configured, path: destination };
  return {
    ok: true,
    kind: 'cloned',
    message: `Cloned ${input.name} into ${destination}. Run \`git mfa\` there to renew your MFA session.`,
    path: destination,
  };
}

/** A clone through git-remote-codecommit: which profile signs (named in its URL), and what keeps it working. */
function remoteHelperNote(url: string, input: RepositorySetupInput): string | undefined {
  const remote = parseCodeCommitUrl(url);
  if (remote?.via !== 'git-remote-codecommit') return undefined;
  const other =
    remote.profile !== undefined && remote.profile !== input.roleProfile
      ? ` Its remote names the profile ${remote.profile}, not ${input.roleProfile}: \`git mfa\` renews ${input.targetProfile}, so make sure ${remote.profile} signs with that session.`
      : '';
  return `Its remote (${url}) goes through git-remote-codecommit: ${gitRemoteCodeCommitNote(remote)}${other}`;
}

/**
 * The [credential] lines for the chosen helper. credential.helper is multi-valued and git asks the helpers in
 * order: the empty value first drops helpers set globally (osxkeychain would cache CodeCommit passwords). Ours
 * answers alone; with the AWS CLI's, our session helper renews an expired MFA session first and answers nothing.
 */
export function helperSettings(input: RepositorySetupInput, cli: CliInvocation): [string, string][] {
  const helpers =
    (input.credentialHelper ?? 'mfa-tray') === 'mfa-tray'
      ? [roleCredentialHelper(cli, input.roleProfile)]
      : [
          gitCredentialHelper(cli, input.targetProfile, input.sourceProfile),
          credentialHelperCommand(input.roleProfile),
        ];
  return [
    ['credential.helper', ''],
    ...helpers.map((helper): [string, string] => ['credential.helper', helper]),
    ['credential.UseHttpPath', 'true'],
  ];
}

/** Sets the helper and the alias in the clone's own config; returns an error message, or undefined. */
async function configureRepository(
  destination: string,
  input: RepositorySetupInput,
  deps: RepositorySetupDeps,
): Promise<string | undefined> {
  const local = (...args: string[]): string[] => ['config', '--local', ...args];
  const steps: string[][] = [
    local('--unset-all', 'credential.helper'),
    ...helperSettings(input, deps.cli).map(([key, value]) =>
      key === 'credential.helper' ? local('--add', key, value) : local(key, value),
    ),
    local('alias.mfa', gitMfaAlias(deps.cli, input.targetProfile, input.sourceProfile)),
  ];
  for (const [index, args] of steps.entries()) {
    const result = await deps.git(args, { cwd: destination });
    // --unset-all exits 5 when there was nothing to unset.
    if (result.code !== 0 && !(index === 0 && result.code === 5)) {
      return `Could not configure git in ${destination}: ${lastLine(result.stderr)}`;
    }
  }
  return undefined;
}

async function inspectFolder(destination: string, git: GitRunner): Promise<'absent' | 'clone' | 'other'> {
  const info = await stat(destination).catch(() => undefined);
  if (!info) return 'absent';
  if (!info.isDirectory()) return 'other';
  if ((await readdir(destination)).length === 0) return 'absent';
  const top = await git(['rev-parse', '--show-toplevel'], { cwd: destination });
  if (top.code !== 0) return 'other';
  // A folder inside some other repository is not our clone.
  const [shownTop, real] = await Promise.all([realpath(top.stdout.trim()).catch(() => ''), realpath(destination)]);
  return shownTop === real ? 'clone' : 'other';
}

function cloneFailure(stderr: string, input: RepositorySetupInput, destination: string): WizardRepositoryResult {
  const detail = lastLine(stderr);
  if (/ExpiredToken|could not read Username|Authentication failed|terminal prompts disabled/i.test(stderr)) {
    return {
      ok: false,
      kind: 'needs-session',
      message: `AWS did not let git in through ${input.roleProfile}: renew your MFA session (tray → Renew), then set up the repository again.`,
      path: destination,
    };
  }
  return { ok: false, kind: 'clone-failed', message: `Cloning ${input.name} failed: ${detail}`, path: destination };
}

function lastLine(text: string): string {
  const lines = text
    .trim()
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  return lines[lines.length - 1]?.trim() ?? 'git gave no reason';
}
