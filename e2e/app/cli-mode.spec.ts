// The app's CLI entry (`electron . --mfa-tray-cli ARGS`, what `git mfa` runs in a packaged app) under the same
// fake: output on stdout/stderr and the exit code, with no tray and no window.
import { runAppCli } from '../../testing/electron-fake/harness';
import { scenarioConfig, SCENARIO_CREDENTIALS } from '../../testing/scenario/scenario-files';
import { expect, test } from './app-fixtures';

test('status through the app CLI prints the sessions and exits 0; an unknown command exits non-zero', async ({
  machine,
}) => {
  const m = await machine({ config: scenarioConfig('2020-01-01T00:00:00Z'), credentials: SCENARIO_CREDENTIALS });
  const status = await runAppCli(m.env, ['status']);
  expect(status.stderr).toBe('');
  expect(status.stdout).toContain('MyRepositoryAssumer');
  expect(status.stdout).toMatch(/expired/i);
  expect(status.code).toBe(0);

  const wrong = await runAppCli(m.env, ['no-such-command']);
  expect(wrong.code).not.toBe(0);
  expect(wrong.stderr).toContain('no-such-command');
});
