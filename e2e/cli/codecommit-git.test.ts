// The blog's git flow with MFA Tray as CodeCommit's credential helper, with real git against the emulator's
// CodeCommit endpoint: the role's keys come from one AssumeRole, cached where the AWS CLI looks for them (so
// `/usr/bin/aws --profile ROLE` then works without assuming the role again), and git's username and password are
// CodeCommit's signature — no Python AWS CLI in the credential step.
import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type StsEmulator } from '../../tools/sts-emulator';
import { ensureCliBuilt } from '../../testing/cli/build-cli';
import { CLI, runAws, runCli } from '../../testing/cli/run-cli';
import { scenario, scenarioCode, scenarioSeed } from '../../testing/scenario/scenario';
import { createScenarioLab, ROLE_PROFILE, TARGET, type ScenarioLab } from '../../testing/scenario/scenario-lab';

const run = promisify(execFile);
let emulator: StsEmulator;
let lab: ScenarioLab;

beforeAll(() => ensureCliBuilt(), 120_000);
beforeEach(async () => {
  lab = await createScenarioLab('http://127.0.0.1:1');
  await mkdir(join(lab.dir, 'repos'));
  await run('git', ['init', '-q', '--bare', join(lab.dir, 'repos', 'myRepository')]);
  emulator = await startEmulator({
    seed: scenarioSeed,
    git: { root: join(lab.dir, 'repos'), region: scenario.region },
  });
  lab.env.AWS_ENDPOINT_URL_STS = emulator.url;
});
afterEach(async () => {
  await emulator.close();
  await rm(lab.dir, { recursive: true, force: true });
});

function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...lab.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'c',
    GIT_AUTHOR_EMAIL: 'c@example.com',
    GIT_COMMITTER_NAME: 'c',
    GIT_COMMITTER_EMAIL: 'c@example.com',
  };
}

/** git configured as the wizard writes it, with our helper in the CodeCommit helper's place (any host: 127.0.0.1). */
function git(args: string[], cwd = lab.dir) {
  const helper = `!'${process.execPath}' '${CLI}' git-credential ${ROLE_PROFILE} --any-host`;
  return run(
    'git',
    ['-c', 'credential.helper=', '-c', `credential.helper=${helper}`, '-c', 'credential.useHttpPath=true', ...args],
    { cwd, env: gitEnv() },
  );
}

describe('git with mfa-tray as the CodeCommit credential helper', () => {
  it('clones and pushes after a renewal with one AssumeRole, and the AWS CLI then uses the same cached role keys', async () => {
    expect((await runCli(['renew', TARGET, '--code', scenarioCode(emulator.now())], lab.env)).code).toBe(0);
    await git(['clone', '-q', `${emulator.url}/v1/repos/myRepository`, 'work']);
    const work = join(lab.dir, 'work');
    await writeFile(join(work, 'change.txt'), 'pushed through MFA Tray\n');
    await run('git', ['add', '.'], { cwd: work, env: gitEnv() });
    await run('git', ['commit', '-qm', 'change'], { cwd: work, env: gitEnv() });
    await git(['push', '-q', 'origin', 'HEAD:main'], work);
    const { stdout } = await run(
      'git',
      ['--git-dir', join(lab.dir, 'repos', 'myRepository'), 'log', '--format=%s', 'main'],
      { env: gitEnv() },
    );
    expect(stdout.trim()).toBe('change');
    expect(emulator.callCount('AssumeRole')).toBe(1);
    expect(emulator.callCount('GitDenied')).toBe(0);

    // One cache entry, named by botocore's key, which the AWS CLI itself then uses: no AssumeRole of its own
    // (it could not reach the emulator for one — 2.9 ignores AWS_ENDPOINT_URL_STS for the role).
    expect(await readdir(join(lab.dir, '.aws', 'cli', 'cache'))).toEqual([
      expect.stringMatching(/^[0-9a-f]{40}\.json$/),
    ]);
    const identity = await runAws(
      ['sts', 'get-caller-identity', '--profile', ROLE_PROFILE, '--endpoint-url', emulator.url, '--output', 'json'],
      lab.env,
    );
    expect(identity.stderr).toBe('');
    expect(JSON.parse(identity.stdout)).toMatchObject({
      Arn: expect.stringContaining(':assumed-role/MyRepositoryContributorRole/'),
    });
    expect(emulator.callCount('AssumeRole')).toBe(1);
  });

  it('with the MFA session expired and no terminal, answers nothing: git fails cleanly, with the hint on stderr', async () => {
    await expect(git(['clone', '-q', `${emulator.url}/v1/repos/myRepository`, 'work'])).rejects.toThrow(
      /git mfa|Authentication failed|could not read Username/,
    );
    expect(emulator.callCount('AssumeRole')).toBe(0);
  });
});
