// `mfa-tray git-credential` on a terminal (git run in a shell): a code AWS rejects is asked for again, up to three
// codes, instead of letting git sign with expired keys; and twenty git processes at once, each on its own terminal,
// make one prompt and one GetSessionToken (the others wait on the device lock, then share the renewal).
import { describe, expect, it } from 'vitest';
import { scenario, scenarioCode } from '../../testing/scenario/scenario';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { onTerminal } from '../../testing/cli/run-cli';
import { createScenarioLab, SOURCE, TARGET } from '../../testing/scenario/scenario-lab';
import { loadProfileModel } from '../../electron/core/profiles';
import { resolveAwsFileLocations } from '../../electron/core/aws-files';
import { isStillValid, targetExpiration } from '../../electron/core/renewal';

const emulator = useScenarioEmulator('test');
const PROMPT = `MFA code for ${scenario.mfaSerial} (renewing`;
const HELPER = `git-credential ${TARGET} --source ${SOURCE} get`;

/** A 6-digit code that is none of the device's codes for the windows around now (the emulator accepts ±1). */
function wrongCode(at: number): string {
  const near = new Set([-30_000, 0, 30_000, 60_000].map((offset) => scenarioCode(at + offset)));
  for (let n = 0; ; n++) {
    const candidate = String((Number(scenarioCode(at)) + 123_457 * (n + 1)) % 1_000_000).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

const prompts = (screen: string) => screen.split(PROMPT).length - 1;

async function sessionValid(env: NodeJS.ProcessEnv): Promise<boolean> {
  return isStillValid(targetExpiration(await loadProfileModel(resolveAwsFileLocations(env)), TARGET), Date.now());
}

describe('git-credential on a terminal', () => {
  it('asks again after a code AWS rejected and renews with the second one', { timeout: 60_000 }, async () => {
    const lab = await createScenarioLab(emulator().url);
    const typed: string[] = [];
    const { code, screen } = await onTerminal(HELPER, lab.env, (shown) => {
      if (prompts(shown) <= typed.length) return undefined;
      typed.push(typed.length === 0 ? wrongCode(Date.now()) : scenarioCode(Date.now()));
      return typed.at(-1);
    });
    expect(code).toBe(0);
    expect(typed).toHaveLength(2);
    expect(screen).toMatch(/AWS rejected the MFA code for .* Try 2 of 3\./);
    expect(screen).toMatch(/Renewed "MyRepositoryAssumer"/);
    expect(emulator().callCount('GetSessionToken')).toBe(2);
    expect(await sessionValid(lab.env)).toBe(true);
  });

  it(
    'gives up after three rejected codes, says so, and leaves the session as it was',
    { timeout: 60_000 },
    async () => {
      const lab = await createScenarioLab(emulator().url);
      const before = await lab.snapshot();
      let typed = 0;
      const { code, screen } = await onTerminal(HELPER, lab.env, (shown) => {
        if (prompts(shown) <= typed) return undefined;
        typed++;
        return wrongCode(Date.now());
      });
      // git goes on (exit 0) to its next helper, which fails on the expired keys as git would anyway.
      expect(code).toBe(0);
      expect(typed).toBe(3);
      expect(screen).toContain('3 codes were rejected; nothing was renewed.');
      expect(emulator().callCount('GetSessionToken')).toBe(3);
      expect(await lab.snapshot()).toEqual(before);
    },
  );

  it(
    '20 git processes at once, each on its own terminal: one prompt, one GetSessionToken',
    { timeout: 120_000 },
    async () => {
      const lab = await createScenarioLab(emulator().url);
      let answered = 0;
      const runs = await Promise.all(
        Array.from({ length: 20 }, () => {
          let typedHere = false;
          return onTerminal(HELPER, lab.env, (shown) => {
            if (typedHere || prompts(shown) === 0) return undefined;
            typedHere = true;
            answered++;
            return scenarioCode(Date.now());
          });
        }),
      );
      expect(runs.map((run) => run.code)).toEqual(Array(20).fill(0));
      expect(runs.reduce((sum, run) => sum + prompts(run.screen), 0)).toBe(1);
      expect(answered).toBe(1);
      expect(emulator().callCount('GetSessionToken')).toBe(1);
      expect(await sessionValid(lab.env)).toBe(true);
    },
  );
});
