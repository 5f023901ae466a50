import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitRunner, type GitRunner } from './git-runner';
import {
  APP_CLI_FLAG,
  codeCommitHttpsUrl,
  gitCredentialHelper,
  gitMfaAlias,
  resolveCliInvocation,
  roleCredentialHelper,
  setUpRepository,
  type RepositorySetupDeps,
} from './repository-setup';

const input = {
  name: 'myRepository',
  region: 'eu-west-1',
  roleProfile: 'MyRepositoryContributor',
  targetProfile: 'MyRepositoryAssumer',
  sourceProfile: 'FetchMfaCredentials',
};

let root: string;
let git: GitRunner;
let deps: RepositorySetupDeps;
let bare: string;

const awsHelper = (roleProfile: string) => `!aws codecommit --profile ${roleProfile} credential-helper $@`;

/** Runs a `!` helper the way git does: sh, with the operation appended. */
function runHelperAsGit(helper: string, operation: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('/bin/sh', ['-c', `${helper.slice(1)} ${operation}`], { cwd }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end();
  });
}

async function lines(args: string[], cwd: string): Promise<string[]> {
  const result = await git(args, { cwd });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout.split('\n').filter((line, index, all) => index < all.length - 1 || line !== '');
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mfa-tray-repo-'));
  // Isolated from the machine's git config, like a fresh user account.
  git = createGitRunner({
    env: { ...process.env, HOME: root, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(root, 'gitconfig') },
  });
  bare = join(root, 'codecommit', 'myRepository.git');
  const seed = join(root, 'seed');
  await mkdir(seed, { recursive: true });
  await writeFile(join(seed, 'README.md'), 'hello\n');
  for (const args of [
    ['init', '-q', '--bare', '--initial-branch=main', bare],
    ['init', '-q', seed],
    ['-C', seed, 'add', '.'],
    ['-C', seed, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'x'],
    ['-C', seed, 'push', '-q', bare, 'HEAD:refs/heads/main'],
  ]) {
    const result = await git(args);
    expect(result.code, result.stderr).toBe(0);
  }
  // A stand-in for our CLI that shows how the alias started it.
  const fakeCli = join(root, 'fake cli.mjs');
  await writeFile(fakeCli, 'console.log(JSON.stringify({ args: process.argv.slice(2) }));\n');
  // Node plays the app binary, the stand-in script its app folder: the alias must reach it in CLI mode.
  deps = {
    git,
    cli: resolveCliInvocation({ kind: 'electron-app', execPath: process.execPath, appArgs: [fakeCli] }),
    repositoryUrl: () => bare,
  };
  await mkdir(join(root, 'work'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('repository setup', () => {
  it('builds the CodeCommit HTTPS URL', () => {
    expect(codeCommitHttpsUrl('eu-west-1', 'myRepository')).toBe(
      'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/myRepository',
    );
  });

  it('clones with our CodeCommit helper alone by default, UseHttpPath and a git mfa alias that starts our CLI', async () => {
    const result = await setUpRepository({ ...input, parentFolder: join(root, 'work') }, deps);
    const clone = join(root, 'work', 'myRepository');
    expect(result).toMatchObject({ ok: true, kind: 'cloned', path: clone });
    const helpers = await lines(['config', '--local', '--get-all', 'credential.helper'], clone);
    expect(helpers).toEqual(['', roleCredentialHelper(deps.cli, 'MyRepositoryContributor')]);
    // Our helper really starts the CLI in CLI mode, with the operation git appends as its last argument.
    const helperRan = JSON.parse(await runHelperAsGit(helpers[1] ?? '', 'get', clone)) as { args: string[] };
    expect(helperRan).toEqual({ args: [APP_CLI_FLAG, 'git-credential', 'MyRepositoryContributor', 'get'] });
    expect(await lines(['config', '--get', 'credential.usehttppath'], clone)).toEqual(['true']);
    expect(await lines(['remote', 'get-url', 'origin'], clone)).toEqual([bare]);
    expect(await lines(['log', '--format=%s'], clone)).toEqual(['x']);
    // The alias really runs: the quoted path with a space arrives as one argument, in Electron's Node mode.
    const ran = JSON.parse((await lines(['mfa'], clone))[0] ?? '{}') as { args: string[] };
    expect(ran).toEqual({ args: [APP_CLI_FLAG, 'renew', 'MyRepositoryAssumer', '--source', 'FetchMfaCredentials'] });
  });

  it("with the AWS CLI's helper chosen, writes it exactly as the blog does, after our session helper", async () => {
    await setUpRepository({ ...input, credentialHelper: 'aws-cli', parentFolder: join(root, 'work') }, deps);
    const clone = join(root, 'work', 'myRepository');
    const helpers = await lines(['config', '--local', '--get-all', 'credential.helper'], clone);
    expect(helpers).toEqual([
      '',
      gitCredentialHelper(deps.cli, 'MyRepositoryAssumer', 'FetchMfaCredentials'),
      '!aws codecommit --profile MyRepositoryContributor credential-helper $@',
    ]);
    const helperRan = JSON.parse(await runHelperAsGit(helpers[1] ?? '', 'get', clone)) as { args: string[] };
    expect(helperRan).toEqual({
      args: [APP_CLI_FLAG, 'git-credential', 'MyRepositoryAssumer', '--source', 'FetchMfaCredentials', 'get'],
    });
    expect(await lines(['config', '--get', 'credential.usehttppath'], clone)).toEqual(['true']);
  });

  it('keeps a git-remote-codecommit remote and says which profile it signs with and what it needs', async () => {
    const parentFolder = join(root, 'work');
    await setUpRepository({ ...input, parentFolder }, deps);
    const clone = join(parentFolder, 'myRepository');
    const url = 'codecommit::eu-west-1://SomeoneElse@myRepository';
    await git(['remote', 'set-url', 'origin', url], { cwd: clone });
    const again = await setUpRepository({ ...input, parentFolder }, deps);
    expect(again).toMatchObject({ ok: true, kind: 'reconfigured' });
    expect(again.message).toContain(`Its remote (${url}) goes through git-remote-codecommit`);
    expect(again.message).toContain('the profile SomeoneElse through botocore');
    expect(again.message).toContain('names the profile SomeoneElse, not MyRepositoryContributor');
    expect(await lines(['remote', 'get-url', 'origin'], clone)).toEqual([url]);
    await git(['remote', 'set-url', 'origin', 'codecommit://MyRepositoryContributor@myRepository'], { cwd: clone });
    const same = await setUpRepository({ ...input, parentFolder }, deps);
    expect(same.message).toContain('the profile MyRepositoryContributor through botocore');
    expect(same.message).not.toContain('names the profile');
  });

  it('reconfigures an existing clone instead of cloning again, replacing the old helper and alias', async () => {
    const parentFolder = join(root, 'work');
    await setUpRepository({ ...input, parentFolder }, deps);
    const clone = join(parentFolder, 'myRepository');
    await git(['config', '--local', '--add', 'credential.helper', 'store'], { cwd: clone });
    const again = await setUpRepository(
      { ...input, roleProfile: 'OtherRole', credentialHelper: 'aws-cli', parentFolder },
      deps,
    );
    expect(again).toMatchObject({ ok: true, kind: 'reconfigured' });
    expect(again.message).not.toContain('git-remote-codecommit');
    expect(await lines(['config', '--local', '--get-all', 'credential.helper'], clone)).toEqual([
      '',
      gitCredentialHelper(deps.cli, 'MyRepositoryAssumer', 'FetchMfaCredentials'),
      awsHelper('OtherRole'),
    ]);
    expect(await lines(['config', '--local', '--get-all', 'alias.mfa'], clone)).toHaveLength(1);
  });

  it('refuses a folder that holds something else, and explains a failed clone', async () => {
    const parentFolder = join(root, 'work');
    await mkdir(join(parentFolder, 'myRepository'));
    await writeFile(join(parentFolder, 'myRepository', 'notes.txt'), 'mine');
    expect(await setUpRepository({ ...input, parentFolder }, deps)).toMatchObject({ ok: false, kind: 'folder-taken' });
    const missing = await setUpRepository(
      { ...input, name: 'other', parentFolder },
      { ...deps, repositoryUrl: () => join(root, 'nope.git') },
    );
    expect(missing).toMatchObject({
      ok: false,
      kind: 'clone-failed',
      message: expect.stringContaining('Cloning other failed'),
    });
  });

  it('reports a missing git', async () => {
    const noGit = createGitRunner({ gitPath: join(root, 'no-such-git') });
    expect(await setUpRepository({ ...input, parentFolder: root }, { ...deps, git: noGit })).toMatchObject({
      ok: false,
      kind: 'git-missing',
    });
  });

  it("starts the CLI with the running Node, the installed app's launcher, or the app binary in its CLI mode", () => {
    expect(resolveCliInvocation({ kind: 'launcher', launcher: '/opt/MFA Tray/resources/bin/mfa-tray' })).toEqual({
      argv: ['/opt/MFA Tray/resources/bin/mfa-tray'],
    });
    expect(
      resolveCliInvocation({ kind: 'node', execPath: '/usr/bin/node', cliScript: '/app/bin/mfa-tray.cjs' }),
    ).toEqual({ argv: ['/usr/bin/node', '/app/bin/mfa-tray.cjs'] });
    expect(resolveCliInvocation({ kind: 'electron-app', execPath: '/Apps/MFA Tray', appArgs: [] })).toEqual({
      argv: ['/Apps/MFA Tray', APP_CLI_FLAG],
    });
    expect(
      resolveCliInvocation({ kind: 'electron-app', execPath: '/dev/electron', appArgs: ['/src/mfa-tray'] }),
    ).toEqual({ argv: ['/dev/electron', '/src/mfa-tray', APP_CLI_FLAG] });
  });

  it('quotes alias and helper words for sh', () => {
    expect(gitMfaAlias({ argv: ["/Apps/MFA Tray/it's"] }, 'T', 'S')).toBe(
      `!'/Apps/MFA Tray/it'\\''s' renew T --source S`,
    );
    expect(gitCredentialHelper({ argv: ["/Apps/MFA Tray/it's"] }, 'T', 'S')).toBe(
      `!'/Apps/MFA Tray/it'\\''s' git-credential T --source S`,
    );
  });
});
