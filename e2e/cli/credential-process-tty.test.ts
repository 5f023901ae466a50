// credential-process with an expired session and a terminal (as when git's credential helper runs in a shell):
// the prompt names the device on /dev/tty, stdout carries only the JSON.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scenario, scenarioCode } from '../../testing/scenario/scenario';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { CLI } from '../../testing/cli/run-cli';
import { createScenarioLab, TARGET } from '../../testing/scenario/scenario-lab';

const emulator = useScenarioEmulator('file');

describe('credential-process on a terminal', () => {
  it('asks for the code on the terminal, renews, and prints the JSON on stdout', { timeout: 60_000 }, async () => {
    const lab = await createScenarioLab(emulator().url);
    const jsonFile = join(lab.dir, 'stdout.json');
    // util-linux `script` gives the CLI a controlling terminal; stdout is redirected to a file, as git would pipe it.
    const child = spawn(
      '/usr/bin/script',
      ['-qec', `"${process.execPath}" "${CLI}" credential-process ${TARGET} > "${jsonFile}"`, '/dev/null'],
      { env: lab.env },
    );
    let terminal = '';
    let typed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      terminal += chunk.toString();
      if (!typed && terminal.includes(`MFA code for ${scenario.mfaSerial}`)) {
        typed = true;
        child.stdin.write(`${scenarioCode(Date.now())}\r`);
      }
    });
    const exitCode = await new Promise((resolve) => child.on('exit', resolve));
    expect(exitCode).toBe(0);
    expect(terminal).toMatch(/Renewed "MyRepositoryAssumer"/);
    const printed = JSON.parse(await readFile(jsonFile, 'utf8'));
    expect(printed).toMatchObject({
      Version: 1,
      AccessKeyId: expect.stringMatching(/^ASIA/),
      Expiration: expect.stringMatching(/Z$/),
    });
    expect(terminal).not.toContain(printed.SecretAccessKey);
    expect(emulator().callCount('GetSessionToken')).toBe(1);
  });
});
