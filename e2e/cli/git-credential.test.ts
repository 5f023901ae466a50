// `mfa-tray git-credential` as git's first credential helper, against the STS emulator: it never answers git
// (stdout stays empty) but renews an expired MFA session on the terminal, so the next helper — CodeCommit's,
// played here by a stand-in that answers only while the session in the AWS files is valid — signs in without
// the user having to Ctrl-C a username prompt.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gitCredentialHelper, resolveCliInvocation } from '../../electron/core/onboarding';
import { scenario, scenarioCode } from '../../testing/scenario/scenario';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { CLI, runProcess, type CliResult } from '../../testing/cli/run-cli';
import { createScenarioLab, SOURCE, TARGET, type ScenarioLab } from '../../testing/scenario/scenario-lab';

const emulator = useScenarioEmulator('test');

const REQUEST = 'protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\npath=v1/repos/myRepository\n\n';
const HELPER_ARGS = ['git-credential', TARGET, '--source', SOURCE];
const PROMPT = `MFA code for ${scenario.mfaSerial}`;

/** setsid: a session of its own, so no /dev/tty even when the tests run in a terminal. */
const withoutTerminal = (args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> =>
  runProcess('/usr/bin/setsid', ['-w', ...args], env, input);

/** Runs a shell command on a fresh terminal (util-linux `script`), typing the current code when the prompt shows. */
async function onTerminal(command: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; terminal: string }> {
  const child = spawn('/usr/bin/script', ['-qec', command, '/dev/null'], { env });
  let terminal = '';
  let typed = false;
  child.stdout.on('data', (chunk: Buffer) => {
    terminal += chunk.toString();
    if (!typed && terminal.includes(PROMPT)) {
      typed = true;
      child.stdin.write(`${scenarioCode(Date.now())}\r`);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, terminal };
}

const validLab = () =>
  createScenarioLab(emulator().url, {
    expiration: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  });

// The AWS CLI's stand-in: answers git only while TARGET's expiration in the config file lies ahead.
const STAND_IN = `
const op = process.argv[2];
const text = require('node:fs').readFileSync(process.env.AWS_CONFIG_FILE, 'utf8');
const section = text.split(/^\\[/m).find((s) => s.startsWith('profile ${TARGET}]')) ?? '';
const expiration = /^expiration\\s*=\\s*(\\S+)/m.exec(section)?.[1];
if (op === 'get' && expiration && Date.parse(expiration) > Date.now()) process.stdout.write('username=stand-in\\npassword=signed-with-fresh-keys\\n');
`;

/** A repository configured as the wizard does it, with the stand-in in the CodeCommit helper's place. */
async function gitRepository(lab: ScenarioLab): Promise<{ repo: string; env: NodeJS.ProcessEnv }> {
  const repo = join(lab.dir, 'repo');
  await mkdir(repo);
  const standIn = join(lab.dir, 'stand-in.cjs');
  await writeFile(standIn, STAND_IN);
  const env = { ...lab.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(lab.dir, 'gitconfig') };
  const cli = resolveCliInvocation({ kind: 'node', execPath: process.execPath, cliScript: CLI });
  const helpers = ['', gitCredentialHelper(cli, TARGET, SOURCE), `!'${process.execPath}' '${standIn}'`];
  for (const args of [
    ['init', '-q', repo],
    ...helpers.map((helper) => ['-C', repo, 'config', '--add', 'credential.helper', helper]),
    ['-C', repo, 'config', 'credential.UseHttpPath', 'true'],
  ]) {
    const result = await runProcess('/usr/bin/git', args, env);
    expect(result.code, result.stderr).toBe(0);
  }
  return { repo, env };
}

describe('mfa-tray git-credential', { timeout: 60_000 }, () => {
  it('does nothing with a valid session: no output, exit 0, no STS call', async () => {
    const lab = await validLab();
    const result = await withoutTerminal([process.execPath, CLI, ...HELPER_ARGS, 'get'], lab.env, REQUEST);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(emulator().callCount('GetSessionToken')).toBe(0);
  });

  it('renews an expired session on the terminal, naming the device, and prints nothing on stdout', async () => {
    const lab = await createScenarioLab(emulator().url);
    const stdoutFile = join(lab.dir, 'stdout.txt');
    await writeFile(join(lab.dir, 'request.txt'), REQUEST);
    // As git runs it: the request on stdin, stdout piped away from the terminal.
    const command = `"${process.execPath}" "${CLI}" ${HELPER_ARGS.join(' ')} get < "${join(lab.dir, 'request.txt')}" > "${stdoutFile}"`;
    const { code, terminal } = await onTerminal(command, lab.env);
    expect(code).toBe(0);
    expect(terminal).toContain(`${PROMPT} (renewing ${TARGET} with ${SOURCE}'s keys)`);
    expect(terminal).toMatch(/Renewed "MyRepositoryAssumer"/);
    expect(await readFile(stdoutFile, 'utf8')).toBe('');
    expect(emulator().callCount('GetSessionToken')).toBe(1);
    expect(
      Date.parse(/expiration = (\S+)/.exec((await lab.snapshot()).config)?.[1] ?? '') - Date.now(),
    ).toBeGreaterThan(86_000_000);
  });

  it('without a terminal or the app says to start MFA Tray or run `git mfa`, exits 0 and changes nothing', async () => {
    const lab = await createScenarioLab(emulator().url);
    const before = await lab.snapshot();
    const result = await withoutTerminal([process.execPath, CLI, ...HELPER_ARGS, 'get'], lab.env, REQUEST);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `The MFA session "${TARGET}" has expired: start MFA Tray (its dialog then asks for the code) or run \`git mfa\`, then retry.\n`,
    );
    expect(emulator().callCount('GetSessionToken')).toBe(0);
    expect(await lab.snapshot()).toEqual(before);
  });

  it('does not prompt when git is told not to (GIT_TERMINAL_PROMPT=0), even on a terminal', async () => {
    const lab = await createScenarioLab(emulator().url);
    const { code, terminal } = await onTerminal(
      `"${process.execPath}" "${CLI}" ${HELPER_ARGS.join(' ')} get < /dev/null`,
      { ...lab.env, GIT_TERMINAL_PROMPT: '0' },
    );
    expect(code).toBe(0);
    expect(terminal).not.toContain(PROMPT);
    expect(terminal).toContain('run `git mfa`');
    expect(emulator().callCount('GetSessionToken')).toBe(0);
  });

  it('ignores store and erase silently, even with an expired session', async () => {
    const lab = await createScenarioLab(emulator().url);
    for (const operation of ['store', 'erase']) {
      const result = await withoutTerminal(
        [process.execPath, CLI, ...HELPER_ARGS, operation],
        lab.env,
        `${REQUEST.trim()}\nusername=u\npassword=p\n\n`,
      );
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    }
  });

  it('lets `git credential fill` through after renewing on the terminal, where the next helper alone would fail', async () => {
    const lab = await createScenarioLab(emulator().url);
    const { repo, env } = await gitRepository(lab);
    const request = join(lab.dir, 'request.txt');
    await writeFile(request, REQUEST);

    // Control: no terminal (and git may not prompt either) — the stand-in refuses the expired session, git fails.
    const refused = await withoutTerminal(
      ['/usr/bin/git', '-C', repo, 'credential', 'fill'],
      { ...env, GIT_TERMINAL_PROMPT: '0' },
      REQUEST,
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('run `git mfa`');

    const answer = join(lab.dir, 'answer.txt');
    const { code, terminal } = await onTerminal(
      `/usr/bin/git -C "${repo}" credential fill < "${request}" > "${answer}"`,
      env,
    );
    expect(code).toBe(0);
    expect(terminal).toContain(PROMPT);
    expect(terminal).not.toMatch(/Username for/);
    expect(await readFile(answer, 'utf8')).toBe(
      `protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\npath=v1/repos/myRepository\nusername=stand-in\npassword=signed-with-fresh-keys\n`,
    );
    expect(emulator().callCount('GetSessionToken')).toBe(1);
  });
});
