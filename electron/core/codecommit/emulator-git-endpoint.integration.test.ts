// Our CodeCommit signature against the emulator's CodeCommit git endpoint, with real git: credentials signed as CodeCommit expects get a clone and
// a push through; a wrong signature or expired keys get CodeCommit's 403 and git fails without changing anything.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AssumeRoleCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeCommitGitCredentials } from './git-credentials';
import type { AwsKeys } from '../sts';
import { scenario, scenarioCode, SCENARIO_SEED_FILE } from '../../../testing/scenario/scenario';
import { startEmulator, type StsEmulator } from '../../../tools/sts-emulator';

const run = promisify(execFile);
const GIT_ENV = {
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir(),
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
};
let emulator: StsEmulator;
let dir: string;
let roleKeys: AwsKeys & { expiration: Date };

async function sts(keys: AwsKeys): Promise<STSClient> {
  return new STSClient({ region: 'us-east-1', endpoint: emulator.url, credentials: keys });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'codecommit-git-'));
  await run('git', ['init', '-q', '--bare', join(dir, 'repos', 'myRepository')]);
  emulator = await startEmulator({ seed: SCENARIO_SEED_FILE, git: { root: join(dir, 'repos'), region: 'eu-west-1' } });
  const session = await (
    await sts({ accessKeyId: scenario.activeKey.id, secretAccessKey: scenario.activeKey.secret })
  ).send(
    new GetSessionTokenCommand({
      SerialNumber: scenario.mfaSerial,
      TokenCode: scenarioCode(emulator.now()),
      DurationSeconds: 3600,
    }),
  );
  const c = session.Credentials!;
  const role = await (
    await sts({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! })
  ).send(new AssumeRoleCommand({ RoleArn: scenario.roleArn, RoleSessionName: 'git-test', DurationSeconds: 900 }));
  const r = role.Credentials!;
  roleKeys = {
    accessKeyId: r.AccessKeyId!,
    secretAccessKey: r.SecretAccessKey!,
    sessionToken: r.SessionToken!,
    expiration: r.Expiration!,
  };
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

/** git with a helper that answers the given credentials (as a credential helper would), over the emulator's URL. */
async function git(args: string[], credentials: { username: string; password: string }, cwd = dir) {
  const helper = `!f() { echo username=${credentials.username}; echo password=${credentials.password}; }; f`;
  return run(
    'git',
    ['-c', 'credential.helper=', '-c', `credential.helper=${helper}`, '-c', 'credential.useHttpPath=true', ...args],
    { cwd, env: GIT_ENV },
  );
}

const remote = () => `${emulator.url}/v1/repos/myRepository`;
const sign = (keys: AwsKeys, at = new Date(emulator.now())) =>
  codeCommitGitCredentials({
    host: new URL(emulator.url).host,
    path: 'v1/repos/myRepository',
    region: 'eu-west-1',
    keys,
    at,
  });

describe("the emulator's CodeCommit git endpoint", () => {
  it('clones and pushes with role credentials signed as CodeCommit expects', async () => {
    const credentials = await sign(roleKeys);
    await git(['clone', '-q', remote(), 'work'], credentials);
    await writeFile(join(dir, 'work', 'README'), 'hello\n');
    await run('git', ['add', 'README'], { cwd: join(dir, 'work'), env: GIT_ENV });
    await run('git', ['commit', '-qm', 'first'], { cwd: join(dir, 'work'), env: GIT_ENV });
    await git(['push', '-q', 'origin', 'HEAD:main'], credentials, join(dir, 'work'));
    const { stdout } = await run(
      'git',
      ['--git-dir', join(dir, 'repos', 'myRepository'), 'log', '--format=%s', 'main'],
      { env: GIT_ENV },
    );
    expect(stdout.trim()).toBe('first');
    expect(emulator.callCount('GitPush')).toBeGreaterThan(0);
  });

  it('answers 403 for a wrong signature, a stale time and expired keys, and git fails', async () => {
    const bad = await sign({ ...roleKeys, secretAccessKey: 'x'.repeat(40) });
    await expect(git(['ls-remote', remote()], bad)).rejects.toThrow(/403/);
    const stale = await sign(roleKeys, new Date(emulator.now() - 20 * 60_000));
    await expect(git(['ls-remote', remote()], stale)).rejects.toThrow(/403/);
    emulator.setClockOffset(roleKeys.expiration.getTime() - Date.now() + 60_000);
    try {
      await expect(git(['ls-remote', remote()], await sign(roleKeys))).rejects.toThrow(/403/);
    } finally {
      emulator.setClockOffset(0);
    }
    expect(emulator.callCount('GitDenied')).toBeGreaterThanOrEqual(3);
  });
});
