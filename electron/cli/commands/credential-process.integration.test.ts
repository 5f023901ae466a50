// credential-process named with a profile that is not an MFA session: a clear refusal, never an "expired"
// story or a prompt, and nothing on stdout for the AWS CLI to mistake for credentials.
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../../testing/cli/build-cli';
import { runCli } from '../../../testing/cli/run-cli';
import { createScenarioLab, ROLE_PROFILE } from '../../../testing/scenario/scenario-lab';

beforeAll(() => ensureCliBuilt(), 120_000);

describe('mfa-tray credential-process with a profile that is not an MFA session', { timeout: 60_000 }, () => {
  it('refuses a role profile by its kind and names the MFA session instead', async () => {
    const lab = await createScenarioLab('http://127.0.0.1:9');
    const result = await runCli(['credential-process', ROLE_PROFILE], lab.env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `Profile "${ROLE_PROFILE}" is a role profile, not an MFA session that MFA Tray renews. MFA sessions here: "MyRepositoryAssumer".\n`,
    );
  });

  it('refuses a profile that does not exist', async () => {
    const lab = await createScenarioLab('http://127.0.0.1:9');
    const result = await runCli(['credential-process', 'Nope'], lab.env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^There is no profile "Nope" in the AWS config or credentials file\. MFA sessions here: "MyRepositoryAssumer"\.\n$/,
    );
  });
});
