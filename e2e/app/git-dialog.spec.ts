// The blog's git flow without a terminal while the app runs: the MFA session has expired, `git push` runs as a GUI
// runs it (no terminal, GIT_TERMINAL_PROMPT=0) with mfa-tray as CodeCommit's helper, and the app's token dialog
// appears naming "git in ~/work"; a code typed there renews the session and the push goes through. Real git, the
// built CLI, the emulator's CodeCommit endpoint and the built app under the fake Electron.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI, runCliWithoutTerminal } from '../../testing/cli/run-cli';
import { scenario, scenarioSeed } from '../../testing/scenario/scenario';
import { SCENARIO_CREDENTIALS, scenarioConfig } from '../../testing/scenario/scenario-files';
import { startEmulator } from '../../tools/sts-emulator';
import { expect, test as appTest, trayReady } from './app-fixtures';

const run = promisify(execFile);

// This file's emulator also serves CodeCommit's git endpoint, from a bare repository in its own folder.
const test = appTest.extend<{ reposDir: string }>({
  reposDir: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'mfa-tray-repos-'));
      await run('git', ['init', '-q', '--bare', join(dir, 'myRepository')]);
      await use(dir);
      await rm(dir, { recursive: true, force: true });
    },
    { scope: 'test' },
  ],
  emulator: async ({ reposDir }, use) => {
    const emulator = await startEmulator({
      port: 0,
      seed: scenarioSeed,
      git: { root: reposDir, region: scenario.region },
    });
    await use(emulator);
    await emulator.close();
  },
});

test('git push without a terminal gets the tray’s token dialog naming git and its folder, then succeeds', async ({
  machine,
  emulator,
  reposDir,
}) => {
  const m = await machine({ config: scenarioConfig('2020-01-01T00:00:00Z'), credentials: SCENARIO_CREDENTIALS });
  const app = m.launch(['--hidden']);
  await trayReady(app);

  const work = join(m.home, 'work');
  await mkdir(work);
  const env = {
    ...m.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'c',
    GIT_AUTHOR_EMAIL: 'c@example.com',
    GIT_COMMITTER_NAME: 'c',
    GIT_COMMITTER_EMAIL: 'c@example.com',
  };
  await run('git', ['init', '-q', '-b', 'main'], { cwd: work, env });
  await writeFile(join(work, 'change.txt'), 'pushed through the tray dialog\n');
  await run('git', ['add', '.'], { cwd: work, env });
  await run('git', ['commit', '-qm', 'change'], { cwd: work, env });
  // As the wizard configures it, with our helper answering for the role (any host: the endpoint is 127.0.0.1).
  const helper = `!'${process.execPath}' '${CLI}' git-credential ${scenario.profiles.role} --any-host`;
  const push = run(
    'git',
    [
      '-c',
      'credential.helper=',
      '-c',
      `credential.helper=${helper}`,
      '-c',
      'credential.useHttpPath=true',
      'push',
      `${emulator.url}/v1/repos/myRepository`,
      'HEAD:main',
    ],
    { cwd: work, env },
  );

  const dialog = await app.shown('token-dialog');
  await expect(dialog.getByTestId('requested-by')).toHaveText('Requested by git in ~/work');
  await dialog.getByLabel('6-digit code from your authenticator').fill(m.code());
  await expect(dialog.getByRole('status').filter({ hasText: 'Renewed' })).toBeVisible();

  const pushed = await push;
  expect(pushed.stderr).toContain('MFA Tray: enter the MFA code for "MyRepositoryAssumer"');
  const { stdout } = await run('git', ['--git-dir', join(reposDir, 'myRepository'), 'log', '--format=%s', 'main'], {
    env,
  });
  expect(stdout.trim()).toBe('change');
  expect(emulator.callCount('GetSessionToken')).toBe(1);
});

test('an SDK’s credential_process without a terminal: closing the dialog answers it “cancelled”, exit 2', async ({
  machine,
  emulator,
}) => {
  const m = await machine({ config: scenarioConfig('2020-01-01T00:00:00Z'), credentials: SCENARIO_CREDENTIALS });
  const app = m.launch(['--hidden']);
  await trayReady(app);
  // With no controlling terminal even when the tests run in one, as an IDE runs it.
  const sdk = runCliWithoutTerminal(['credential-process', scenario.profiles.target], m.env);
  const dialog = await app.shown('token-dialog');
  await expect(dialog.getByTestId('requested-by')).toHaveText(/^Requested by .+ in \//);
  await dialog.getByLabel('6-digit code from your authenticator').press('Escape');
  const failed = await sdk;
  expect(failed).toMatchObject({ code: 2, stdout: '' });
  expect(failed.stderr).toContain('The MFA Tray dialog for "MyRepositoryAssumer" was closed without renewing it.');
  expect(emulator.callCount('GetSessionToken')).toBe(0);
});
