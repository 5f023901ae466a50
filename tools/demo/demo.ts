// `npm run demo`: a throwaway lab to try `mfa-tray renew` without an AWS account. Starts the STS emulator with
// the scenario's seed, writes the scenario's three profiles into a temp AWS folder, prints the environment to
// use them, and prints the lab device's current code every 30 s (it may: the device is a throwaway test one).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { generateTotp, msUntilNextWindow } from '../../electron/core/totp';
import { loadSeedFile, startEmulator } from '../sts-emulator';

const seedPath = fileURLToPath(new URL('../sts-emulator/scenario-seed.json', import.meta.url));

const options = new Command('demo')
  .description('Start a local STS emulator and a throwaway AWS folder with the scenario profiles.')
  .option('--port <port>', 'emulator port (0 picks a free one)', (v) => {
    const port = Number(v);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is 0-65535');
    return port;
  }, 0)
  .parse()
  .opts<{ port: number }>();

const seed = await loadSeedFile(seedPath);
const user = seed.accounts[0]?.users[0];
const key = user?.accessKeys.find((k) => k.status === 'Active');
const device = user?.mfaDevices[0];
const roleAccount = seed.accounts.find((a) => a.roles.length > 0);
const role = roleAccount?.roles[0];
if (!user || !key || !device || !roleAccount || !role) throw new Error('The scenario seed lacks its user, key, MFA device or role.');

const emulator = await startEmulator({ port: options.port, seed });
const dir = await mkdtemp(join(tmpdir(), 'mfa-tray-demo-'));
const files = { config: join(dir, 'config'), credentials: join(dir, 'credentials'), state: join(dir, 'state') };
await writeFile(
  files.config,
  `[profile FetchMfaCredentials]
mfa_serial = ${device.serial}
get_session_token_duration_seconds = 86400

[profile MyRepositoryAssumer]

[profile MyRepositoryContributor]
region = us-east-1
role_arn = arn:aws:iam::${roleAccount.id}:role/${role.name}
source_profile = MyRepositoryAssumer
`,
  { mode: 0o600 },
);
// Keys of the emulator's seed: they open nothing but this local emulator.
await writeFile(files.credentials, `[FetchMfaCredentials]\naws_access_key_id = ${key.id}\naws_secret_access_key = ${key.secret}\n`, { mode: 0o600 });

const env = [
  `export AWS_CONFIG_FILE=${files.config}`,
  `export AWS_SHARED_CREDENTIALS_FILE=${files.credentials}`,
  `export AWS_ENDPOINT_URL_STS=${emulator.url}`,
  `export MFA_TRAY_STATE_DIR=${files.state}`,
];
process.stdout.write(`MFA Tray demo: STS emulator at ${emulator.url}, throwaway AWS folder ${dir}

Paste these lines into another terminal:
${env.join('\n')}

Then, in this folder, renew the MFA session (type the code printed below when asked, or pass it with --code):
  npx mfa-tray renew MyRepositoryAssumer
and use it with the real AWS CLI, or as credential_process JSON:
  /usr/bin/aws sts get-caller-identity --profile MyRepositoryAssumer --endpoint-url ${emulator.url} --region us-east-1
  npx mfa-tray credential-process MyRepositoryAssumer
Each code works once (like AWS): renewing again needs the next code, and --force while the session is still valid.
The demo MFA device ${device.serial} shows these codes (Ctrl-C ends the demo and deletes the folder):
`);

function printCode(): void {
  const now = Date.now();
  process.stdout.write(`  code ${generateTotp(device!.secret, now)}  (valid for ${Math.ceil(msUntilNextWindow(now) / 1000)} s)\n`);
}
printCode();
let timer: NodeJS.Timeout = setTimeout(function tick() {
  printCode();
  timer = setTimeout(tick, msUntilNextWindow(Date.now()) + 50);
}, msUntilNextWindow(Date.now()) + 50);

async function stop(): Promise<void> {
  clearTimeout(timer);
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
