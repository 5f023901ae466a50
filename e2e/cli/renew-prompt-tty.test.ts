// `mfa-tray renew` as a person runs it in a terminal: a code pasted with a space is taken, a typo asks again, and a
// window whose code was already used is waited out with a countdown, then the prompt comes back. Scripts (no
// terminal) keep the immediate answer.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import * as timers from 'node:timers/promises';
import { msUntilNextWindow } from '../../electron/core/totp';
import { scenario, scenarioCode } from '../../testing/scenario/scenario';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { onTerminal, runCli } from '../../testing/cli/run-cli';
import { createScenarioLab, TARGET } from '../../testing/scenario/scenario-lab';

const emulator = useScenarioEmulator('test');
const PROMPT = `MFA code for ${scenario.mfaSerial}`;

describe('renew on a terminal', () => {
  it('asks again after a typo and takes a code pasted with a space', { timeout: 60_000 }, async () => {
    const lab = await createScenarioLab(emulator().url);
    const typed: string[] = [];
    const { code, screen } = await onTerminal(`renew ${TARGET}`, lab.env, (shown) => {
      const prompts = shown.split(/MFA code for|Code \(Ctrl-C to cancel\)/).length - 1;
      if (prompts <= typed.length) return undefined;
      const current = scenarioCode(Date.now());
      // First a typo (five digits), then the code as people paste it: "123 456".
      typed.push(typed.length === 0 ? current.slice(0, 5) : `${current.slice(0, 3)} ${current.slice(3)}`);
      return typed.at(-1);
    });
    expect(screen).toContain(PROMPT);
    expect(screen).toContain('That was 5 digits; the code has 6.');
    expect(code).toBe(0);
    expect(screen).toMatch(/Renewed "MyRepositoryAssumer"/);
    expect(typed).toHaveLength(2);
    expect(emulator().callCount('GetSessionToken')).toBe(1);
  });

  it(
    'waits out a used window with a countdown, then asks for the next code; a script gets the answer at once',
    { timeout: 90_000 },
    async () => {
      const lab = await createScenarioLab(emulator().url);
      // Use the window's code about 8 s before it ends: the countdown is seen, and the test waits little.
      const left = msUntilNextWindow(Date.now());
      await timers.setTimeout(left >= 8_000 ? left - 8_000 : left + 22_000);
      const first = await runCli(['renew', TARGET, '--code', scenarioCode(Date.now())], lab.env);
      expect(first.code).toBe(0);

      // No terminal: today's immediate answer, exit 2.
      const script = await runCli(['renew', TARGET, '--force'], lab.env, '000000\n');
      expect(script.code).toBe(2);
      expect(script.stderr).toMatch(/Wait \d+ s for the next code\./);

      let askedAt = 0;
      const { code, screen } = await onTerminal(`renew ${TARGET} --force`, lab.env, (shown) => {
        if (askedAt !== 0 || !shown.includes(PROMPT)) return undefined;
        askedAt = Date.now();
        return scenarioCode(askedAt);
      });
      expect(screen).toMatch(/the next code comes in \d+ s…/);
      expect(screen.indexOf('The next code is ready.')).toBeLessThan(screen.indexOf(PROMPT));
      expect(code).toBe(0);
      expect(screen).toMatch(/Renewed "MyRepositoryAssumer"/);
      expect(emulator().callCount('GetSessionToken')).toBe(2);
    },
  );
});

describe('usage', () => {
  it('prints the version and, for a usage error, the one line that matters and where help is', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await runCli(['--version'], process.env)).toMatchObject({ code: 0, stdout: `${version}\n` });
    const missing = await runCli(['renew'], process.env);
    expect(missing).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        "error: missing required argument 'target' (or --all-roles-of DEVICE)\nRun `mfa-tray renew --help` for usage.\n",
    });
    const badValue = await runCli(['devices', 'code'], process.env);
    expect(badValue.stderr).toBe(
      "error: missing required argument 'serial'\nRun `mfa-tray devices code --help` for usage.\n",
    );
  });
});
