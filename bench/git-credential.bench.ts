// A git operation's credential step with a valid MFA session, side by side in one run: MFA Tray as CodeCommit's
// helper (`mfa-tray git-credential ROLE`, role keys from the AWS CLI's cache) against the blog's
// `aws codecommit --profile ROLE credential-helper get` (the Python AWS CLI, same cache), plus the session
// pre-check alone (`mfa-tray git-credential SESSION`, which never answers), an SDK's `credential_process` answer from
// the same valid session (`mfa-tray credential-process SESSION`), and a bare `node -e 0` for reference.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startEmulator } from '../tools/sts-emulator';
import { ensureCliBuilt } from '../testing/cli/build-cli';
import { CLI, runCli } from '../testing/cli/run-cli';
import { scenarioCode, scenarioSeed } from '../testing/scenario/scenario';
import { createScenarioLab, ROLE_PROFILE, TARGET } from '../testing/scenario/scenario-lab';

const RUNS = 15;
const REQUEST = 'protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\npath=v1/repos/myRepository\n\n';

function timed(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = execFile(file, args, { env }, (error, stdout) => {
      if (error) reject(error);
      else resolve({ ms: performance.now() - started, stdout });
    });
    child.stdin?.end(REQUEST);
  });
}

async function median(file: string, args: string[], env: NodeJS.ProcessEnv, check?: (stdout: string) => void) {
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i += 1) {
    const { ms, stdout } = await timed(file, args, env);
    check?.(stdout);
    if (i > 0) times.push(ms); // the first run warms the page cache
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const answers = (stdout: string) => {
  if (!/^username=\S+\npassword=\d{8}T\d{6}Z[0-9a-f]{64}\n$/.test(stdout)) throw new Error(`not an answer: ${stdout}`);
};

export async function run(): Promise<void> {
  await ensureCliBuilt();
  const emulator = await startEmulator({ seed: scenarioSeed });
  const lab = await createScenarioLab(emulator.url);
  try {
    const renewed = await runCli(['renew', TARGET, '--code', scenarioCode(emulator.now())], lab.env);
    if (renewed.code !== 0) throw new Error(`renew failed: ${renewed.stderr}`);
    // One AssumeRole fills the AWS CLI's cache; every timed run below is served from it.
    await timed(process.execPath, [CLI, 'git-credential', ROLE_PROFILE, 'get'], lab.env);
    const env = { ...lab.env, AWS_PAGER: '' };
    const node = await median(process.execPath, ['-e', '0'], env);
    const precheck = await median(process.execPath, [CLI, 'git-credential', TARGET, 'get'], env);
    const credentialProcess = await median(process.execPath, [CLI, 'credential-process', TARGET], env, (stdout) => {
      if (!stdout.startsWith('{"Version":1,')) throw new Error(`not credential_process JSON: ${stdout}`);
    });
    const ours = await median(process.execPath, [CLI, 'git-credential', ROLE_PROFILE, 'get'], env, answers);
    const awsCli = await median(
      '/usr/bin/aws',
      ['codecommit', '--profile', ROLE_PROFILE, 'credential-helper', 'get'],
      env,
      answers,
    );
    if (emulator.callCount('AssumeRole') !== 1) throw new Error('a timed run assumed the role again');
    console.log(`credential step, valid session (median of ${RUNS}):`);
    console.log(`  aws codecommit credential-helper  ${awsCli.toFixed(0)} ms`);
    console.log(
      `  mfa-tray git-credential ROLE      ${ours.toFixed(0)} ms   → ${(awsCli / ours).toFixed(1)}× faster (target ≥ 8×, ≤ 100 ms)`,
    );
    console.log(`  mfa-tray git-credential SESSION   ${precheck.toFixed(0)} ms   (pre-check alone; target ≤ 60 ms)`);
    console.log(
      `  mfa-tray credential-process       ${credentialProcess.toFixed(0)} ms   (an SDK's credential_process)`,
    );
    console.log(`  node -e 0                         ${node.toFixed(0)} ms   (Node's own start, for reference)`);
    // What the CLI adds to Node's start: the part of the targets that is ours, and steadier than wall time on a busy machine.
    console.log(
      `  beyond Node's start: pre-check ${(precheck - node).toFixed(0)} ms, CodeCommit answer ${(ours - node).toFixed(0)} ms (load average ${loadavg()[0]!.toFixed(1)})`,
    );
  } finally {
    await emulator.close();
    await rm(lab.dir, { recursive: true, force: true });
  }
}
