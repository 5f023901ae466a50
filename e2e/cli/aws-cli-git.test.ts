// The blog's git flow with the AWS CLI's own helper, end to end: real git, real /usr/bin/aws, the emulator's STS
// and CodeCommit git endpoint behind the TLS proxy (AWS CLI 2.9 ignores AWS_ENDPOINT_URL_STS, so its AssumeRole goes
// to sts.REGION.amazonaws.com: HTTPS_PROXY and AWS_CA_BUNDLE bring it here; git reaches the real CodeCommit host
// name through http.proxy and http.sslCAInfo). Then the session expires: the blog's setup fails with ExpiredToken,
// and with our session helper listed before the AWS CLI's (as the wizard writes it) one prompt renews it and the
// push goes through.
//
// Time: the emulator's clock is set 14 minutes back for the first part, so a 15-minute session issued then is
// within our 2-minute margin of its end by the real clock; then 2 minutes ahead, where it has ended for STS too.
// Both stay within the 15 minutes of skew SigV4 and CodeCommit allow.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeCommitHttpsUrl, helperSettings, resolveCliInvocation } from '../../electron/core/onboarding';
import { startEmulator, startTlsProxy, type StsEmulator, type TlsProxy } from '../../tools/sts-emulator';
import { ensureCliBuilt } from '../../testing/cli/build-cli';
import { CLI, runCli } from '../../testing/cli/run-cli';
import { scenario, scenarioCode, scenarioSeed } from '../../testing/scenario/scenario';
import { createScenarioLab, ROLE_PROFILE, SOURCE, TARGET, type ScenarioLab } from '../../testing/scenario/scenario-lab';
import { awsHostNames, createTestCertificates, opensslAvailable } from '../../testing/tls/test-certificates';

const run = promisify(execFile);
const missing = ['/usr/bin/aws', '/usr/bin/git', '/usr/bin/openssl', '/usr/bin/script'].filter((f) => !existsSync(f));
const PROMPT = `MFA code for ${scenario.mfaSerial}`;
const MINUTE = 60_000;

let certDir: string;
let caFile: string;
let emulator: StsEmulator;
let proxy: TlsProxy;
let lab: ScenarioLab;

beforeAll(async () => {
  if (missing.length > 0 || !opensslAvailable) return;
  await ensureCliBuilt();
  certDir = await mkdtemp(join(tmpdir(), 'aws-cli-git-tls-'));
  const certificates = await createTestCertificates(certDir, awsHostNames([scenario.region]));
  caFile = certificates.caFile;
  lab = await createScenarioLab('http://127.0.0.1:1');
  await mkdir(join(lab.dir, 'repos'));
  await run('git', ['init', '-q', '--bare', '--initial-branch=main', join(lab.dir, 'repos', 'myRepository')]);
  emulator = await startEmulator({
    seed: scenarioSeed,
    git: { root: join(lab.dir, 'repos'), region: scenario.region },
  });
  proxy = await startTlsProxy({ upstream: emulator.url, key: certificates.key, cert: certificates.cert });
  lab.env.AWS_ENDPOINT_URL_STS = emulator.url; // our CLI (the JS SDK) is told the endpoint directly
  // What git reads from the user's ~/.gitconfig here: the proxy and its CA, nothing else.
  await writeFile(join(lab.dir, '.gitconfig'), `[http]\n\tproxy = ${proxy.url}\n\tsslCAInfo = ${caFile}\n`);
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await emulator?.close();
  for (const dir of [lab?.dir, certDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...lab.env,
    // `aws` in the blog's helper line is /usr/bin/aws (an older one may come first on a developer's PATH).
    PATH: `/usr/bin:/bin:${dirname(process.execPath)}`,
    HTTPS_PROXY: proxy.url,
    AWS_CA_BUNDLE: caFile,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'c',
    GIT_AUTHOR_EMAIL: 'c@example.com',
    GIT_COMMITTER_NAME: 'c',
    GIT_COMMITTER_EMAIL: 'c@example.com',
    ...extra,
  };
}

const git = (args: string[], cwd: string, extra?: NodeJS.ProcessEnv) =>
  run('git', args, { cwd, env: env({ GIT_TERMINAL_PROMPT: '0', ...extra }) });

const pushedSubjects = async () =>
  (
    await run('git', ['--git-dir', join(lab.dir, 'repos', 'myRepository'), 'log', '--format=%s', 'main'], {
      env: env(),
    })
  ).stdout.trim();

/** A shell command on a fresh terminal (util-linux `script`), typing `code()` each time the prompt shows. */
async function onTerminal(command: string, cwd: string, extra: NodeJS.ProcessEnv, code: () => string) {
  const child = spawn('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd, env: env(extra) });
  let terminal = '';
  let prompts = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    terminal += chunk.toString();
    const seen = terminal.split(PROMPT).length - 1;
    for (; prompts < seen; prompts += 1) child.stdin.write(`${code()}\r`);
  });
  const exit = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { exit, terminal, prompts };
}

describe.skipIf(missing.length > 0)(
  `git through aws codecommit credential-helper (needs ${missing.join(', ') || 'nothing missing'})`,
  () => {
    it(
      'clones and pushes after `mfa-tray renew`; after expiry the blog setup fails, and with our helper first one prompt renews and the push succeeds',
      { timeout: 90_000 },
      async () => {
        const url = codeCommitHttpsUrl(scenario.region, 'myRepository');
        const work = join(lab.dir, 'work');
        const cli = resolveCliInvocation({ kind: 'node', execPath: process.execPath, cliScript: CLI });
        const input = {
          name: 'myRepository',
          region: scenario.region,
          roleProfile: ROLE_PROFILE,
          targetProfile: TARGET,
          sourceProfile: SOURCE,
          parentFolder: lab.dir,
        };
        const blog = ['', `!aws codecommit --profile ${ROLE_PROFILE} credential-helper $@`];

        // The blog's day: renew (as `git mfa` does), then git signs through the Python AWS CLI.
        emulator.setClockOffset(-14 * MINUTE);
        const renewed = await runCli(
          ['renew', TARGET, '--duration', '900', '--code', scenarioCode(emulator.now())],
          env(),
        );
        expect(renewed.stderr).toBe('');
        expect(renewed.code).toBe(0);
        await git(
          [
            'clone',
            '-q',
            ...blog.flatMap((h) => ['-c', `credential.helper=${h}`]),
            '-c',
            'credential.UseHttpPath=true',
            url,
            work,
          ],
          lab.dir,
        );
        await writeFile(join(work, 'first.txt'), 'through the AWS CLI helper\n');
        await git(['add', '.'], work);
        await git(['commit', '-qm', 'first'], work);
        await git(['push', '-q', 'origin', 'HEAD:main'], work);
        expect(await pushedSubjects()).toBe('first');
        expect(emulator.callCount('AssumeRole')).toBe(1); // the AWS CLI's own, cached in ~/.aws/cli/cache
        expect(proxy.connects).toEqual(
          expect.arrayContaining([
            `git-codecommit.${scenario.region}.amazonaws.com:443`,
            `sts.${scenario.region}.amazonaws.com:443`,
          ]),
        );

        // The next morning, for git: the MFA session has ended, and the role's cached keys (an hour at most) too.
        emulator.setClockOffset(2 * MINUTE);
        await rm(join(lab.dir, '.aws', 'cli', 'cache'), { recursive: true, force: true });
        await writeFile(join(work, 'second.txt'), 'after the session expired\n');
        await git(['add', '.'], work);
        await git(['commit', '-qm', 'second'], work);
        const failed = await git(['push', '-q', 'origin', 'HEAD:main'], work).then(
          () => undefined,
          (error: { stderr: string }) => error,
        );
        expect(failed?.stderr).toContain('ExpiredToken');
        expect(await pushedSubjects()).toBe('first');

        // The wizard's lines for the AWS CLI's helper: ours first, renewing on the terminal, then the blog's.
        await git(['config', '--local', '--unset-all', 'credential.helper'], work);
        for (const [key, value] of helperSettings({ ...input, credentialHelper: 'aws-cli' }, cli))
          await git(['config', '--local', ...(key === 'credential.helper' ? ['--add'] : []), key, value], work);
        const sessionsBefore = emulator.callCount('GetSessionToken');
        // The used-code record goes by the real clock, which did not move with the emulator's: a state folder of its own.
        const { exit, terminal, prompts } = await onTerminal(
          'git push -q origin HEAD:main',
          work,
          { MFA_TRAY_STATE_DIR: join(lab.dir, 'state-next-morning') },
          () => scenarioCode(emulator.now()),
        );
        expect(terminal).toContain(`${PROMPT} (renewing ${TARGET} with ${SOURCE}'s keys)`);
        expect(exit, terminal).toBe(0);
        expect(prompts).toBe(1);
        expect(emulator.callCount('GetSessionToken') - sessionsBefore).toBe(1);
        expect(await pushedSubjects()).toBe('second\nfirst');
      },
    );
  },
);
