// `npm run demo`: a throwaway lab to try `mfa-tray renew` without an AWS account. Starts the STS emulator with
// the scenario's seed, writes the scenario's three profiles into a temp AWS folder, prints the environment to
// use them, serves a CodeCommit repository to clone through MFA Tray, and prints the lab device's current code
// every 30 s (it may: the device is a throwaway test one). A local HTTPS proxy with a throwaway test CA stands in
// for AWS's STS and CodeCommit host names, so that /usr/bin/aws 2.9 (which cannot be given an STS endpoint for a
// role) can use the role profile and `git clone` can use the repository's real CodeCommit URL.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command, InvalidArgumentError } from 'commander';
import { generateTotp, msUntilNextWindow } from '../../electron/core/totp';
import { scenario, scenarioSeed } from '../../testing/scenario/scenario';
import { awsHostNames, createTestCertificates, opensslAvailable } from '../../testing/tls/test-certificates';
import { startEmulator, startTlsProxy } from '../sts-emulator';

const { profiles } = scenario;

const options = new Command('demo')
  .description('Start a local STS emulator and a throwaway AWS folder with the scenario profiles.')
  .option(
    '--port <port>',
    'emulator port (0 picks a free one)',
    (v) => {
      const port = Number(v);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is 0-65535');
      return port;
    },
    0,
  )
  .parse()
  .opts<{ port: number }>();

const dir = await mkdtemp(join(tmpdir(), 'mfa-tray-demo-'));
const repositories = join(dir, 'repos');
await createDemoRepository(join(repositories, 'myRepository'));
const emulator = await startEmulator({
  port: options.port,
  seed: scenarioSeed,
  git: { root: repositories, region: scenario.region },
});
const files = { config: join(dir, 'config'), credentials: join(dir, 'credentials'), state: join(dir, 'state') };
await writeFile(
  files.config,
  `[profile ${profiles.source}]
mfa_serial = ${scenario.mfaSerial}
get_session_token_duration_seconds = ${scenario.sessionDurationSeconds}

[profile ${profiles.target}]

[profile ${profiles.role}]
region = ${scenario.region}
role_arn = ${scenario.roleArn}
source_profile = ${profiles.target}
`,
  { mode: 0o600 },
);
// Keys of the emulator's seed: they open nothing but this local emulator.
await writeFile(
  files.credentials,
  `[${profiles.source}]\naws_access_key_id = ${scenario.activeKey.id}\naws_secret_access_key = ${scenario.activeKey.secret}\n`,
  { mode: 0o600 },
);

// us-east-1 too: the global STS name and a default region of us-east-1 are what most tools start from.
const certificates = opensslAvailable
  ? await createTestCertificates(dir, awsHostNames([scenario.region, 'us-east-1']))
  : undefined;
const proxy = certificates
  ? await startTlsProxy({ upstream: emulator.url, key: certificates.key, cert: certificates.cert })
  : undefined;
const env = [
  `export AWS_CONFIG_FILE=${files.config}`,
  `export AWS_SHARED_CREDENTIALS_FILE=${files.credentials}`,
  `export AWS_ENDPOINT_URL_STS=${emulator.url}`,
  `export MFA_TRAY_STATE_DIR=${files.state}`,
  ...(proxy && certificates
    ? [
        `export HTTPS_PROXY=${proxy.url}`,
        `export AWS_CA_BUNDLE=${certificates.caFile}`,
        `export GIT_SSL_CAINFO=${certificates.caFile}`,
      ]
    : []),
];
const cli = fileURLToPath(new URL('../../bin/mfa-tray.cjs', import.meta.url));
const repositoryUrl = `https://git-codecommit.${scenario.region}.amazonaws.com/v1/repos/myRepository`;
const throughProxy = proxy
  ? `and the role profile, through the demo's proxy for AWS's STS and CodeCommit host names:
  /usr/bin/aws sts get-caller-identity --profile ${profiles.role}
Then clone the demo CodeCommit repository by its real URL with MFA Tray as git's credential helper (it assumes the
role once and caches its keys where the AWS CLI looks for them, ~/.aws/cli/cache):
  git -c credential.helper= -c 'credential.helper=!mfa-tray git-credential ${profiles.role}' \\
      -c credential.useHttpPath=true clone ${repositoryUrl}
or as the AWS blog does it, with the AWS CLI's helper:
  git -c credential.helper= -c 'credential.helper=!/usr/bin/aws codecommit --profile ${profiles.role} credential-helper $@' \\
      -c credential.useHttpPath=true clone ${repositoryUrl}
(Use that terminal for the demo only: its HTTPS_PROXY refuses every other site.)`
  : `(No openssl here: the role profile and the real CodeCommit URL need the demo's proxy and its test CA. Clone
through the emulator's own address instead, --any-host because it is 127.0.0.1:
  git -c credential.helper= -c 'credential.helper=!mfa-tray git-credential ${profiles.role} --any-host' \\
      -c credential.useHttpPath=true clone ${emulator.url}/v1/repos/myRepository)`;
process.stdout.write(`MFA Tray demo: STS emulator at ${emulator.url}, throwaway AWS folder ${dir}

Paste these lines into another terminal:
${env.join('\n')}

Then renew the MFA session (type the code printed below when asked, or pass it with --code). mfa-tray is the
command \`npm link\` puts on your PATH, or run ${process.execPath} ${cli}:
  mfa-tray renew ${profiles.target}
and use it with the real AWS CLI, or as credential_process JSON:
  /usr/bin/aws sts get-caller-identity --profile ${profiles.target} --endpoint-url ${emulator.url} --region us-east-1
  mfa-tray credential-process ${profiles.target}
${throughProxy}
Each code works once (like AWS): renewing again needs the next code, and --force while the session is still valid.
The demo MFA device ${scenario.mfaSerial} shows these codes (Ctrl-C ends the demo and deletes the folder):
`);

function printCode(): void {
  const now = Date.now();
  process.stdout.write(
    `  code ${generateTotp(scenario.mfaSecret, now)}  (valid for ${Math.ceil(msUntilNextWindow(now) / 1000)} s)\n`,
  );
}
printCode();
let timer: NodeJS.Timeout = setTimeout(
  function tick() {
    printCode();
    timer = setTimeout(tick, msUntilNextWindow(Date.now()) + 50);
  },
  msUntilNextWindow(Date.now()) + 50,
);

async function stop(): Promise<void> {
  clearTimeout(timer);
  await proxy?.close();
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

/** A bare repository with one commit, as CodeCommit would hold it. */
async function createDemoRepository(bare: string): Promise<void> {
  const run = promisify(execFile);
  const seed = `${bare}-seed`;
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'MFA Tray demo',
    GIT_AUTHOR_EMAIL: 'demo@example.com',
    GIT_COMMITTER_NAME: 'MFA Tray demo',
    GIT_COMMITTER_EMAIL: 'demo@example.com',
  };
  await run('git', ['init', '-q', '--bare', '--initial-branch=main', bare]);
  await run('git', ['init', '-q', '--initial-branch=main', seed]);
  await writeFile(join(seed, 'README.md'), '# myRepository\n\nPushed and pulled through MFA Tray.\n');
  await run('git', ['add', 'README.md'], { cwd: seed, env });
  await run('git', ['commit', '-qm', 'First commit'], { cwd: seed, env });
  await run('git', ['push', '-q', bare, 'main'], { cwd: seed, env });
  await rm(seed, { recursive: true, force: true });
}
