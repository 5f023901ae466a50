// Renewal overhead — everything but the STS emulator's own handling — of three ways to do the scenario's
// renewal against the same emulator in the same run:
//  - the scenario's shell script: /usr/bin/aws configure get ×3, sts get-session-token, configure set ×4;
//  - `mfa-tray renew` as a process (node bin/mfa-tray.cjs, the bundled CLI): its overhead beyond the STS round trip
//    is issue 12's target (≤ 150 ms), printed beside `node -e 0` measured in the same run (Node's own start);
//  - the same with no code cache (each run as the first after an install or upgrade, which compiles the CLI's
//    commands bundle from source and writes the cache);
//  - the same with 20 more processes holding 1,000 descriptors each, as a desktop's browser, IDE and chat apps do:
//    the /proc scans for in-place writers read every descriptor of every process of the user;
//  - the in-process core, renew().
// A timing proxy in front of the emulator adds up the time each request spends there (upstream round trip on
// loopback); that is subtracted from each run's wall time. Each run renews a different IAM user's device
// (AWS, and the emulator, accept one code per device per 30-s window) in one AWS folder per variant.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { resolveAwsFileLocations, writeProfileSettings } from '../electron/core/aws-files';
import { renew } from '../electron/core/renewal';
import { encodeBase32, generateTotp } from '../electron/core/totp';
import { parseSeed, startEmulator, type Seed } from '../tools/sts-emulator';
import { ensureCliBuilt } from '../testing/cli/build-cli';

const RUNS = { core: 20, cli: 8, 'cli-cold': 4, 'cli-desktop': 4, script: 4 };
const DESKTOP = { processes: 20, descriptorsEach: 1000 };
const WARMUP = 1; // first run per variant: module loading, and MFA Tray's one-time backup of each file

const SCRIPT = `#!/bin/sh
# The scenario's renewal script, with the code as $1 and the endpoint from $ENDPOINT.
set -e
AWS=/usr/bin/aws
SOURCE=FetchMfaCredentials
TARGET=MyRepositoryAssumer
expiration=$($AWS configure get expiration --profile $TARGET || true)
if [ -n "$expiration" ] && [ "$(date -u -d "$expiration" +%s)" -gt "$(date -u +%s)" ]; then
  echo "still valid until $expiration"; exit 0
fi
serial=$($AWS configure get mfa_serial --profile $SOURCE)
duration=$($AWS configure get get_session_token_duration_seconds --profile $SOURCE)
set -- $($AWS sts get-session-token --profile $SOURCE --serial-number "$serial" --token-code "$1" \\
  --duration-seconds "$duration" --endpoint-url "$ENDPOINT" --region us-east-1 --output text \\
  --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken,Expiration]')
$AWS configure set aws_access_key_id "$1" --profile $TARGET
$AWS configure set aws_secret_access_key "$2" --profile $TARGET
$AWS configure set aws_session_token "$3" --profile $TARGET
$AWS configure set expiration "$4" --profile $TARGET
`;

interface BenchUser {
  keyId: string;
  secret: string;
  serial: string;
  totpSecret: string;
}

function benchSeed(count: number): { seed: Seed; users: BenchUser[] } {
  const users = Array.from({ length: count }, (_, i): BenchUser => ({
    keyId: `AKIABENCH${String(i).padStart(11, '0')}`,
    secret: randomBytes(30).toString('base64').slice(0, 40),
    serial: `arn:aws:iam::111111111111:mfa/BenchUser${i}`,
    totpSecret: encodeBase32(randomBytes(20)),
  }));
  const seed = parseSeed({
    accounts: [
      {
        id: '111111111111',
        users: users.map((u, i) => ({
          name: `BenchUser${i}`,
          accessKeys: [{ id: u.keyId, secret: u.secret }],
          mfaDevices: [{ serial: u.serial, secret: u.totpSecret }],
        })),
      },
    ],
  });
  return { seed, users };
}

/** Forwards to the emulator and adds up the time requests spend there. */
async function timingProxy(
  upstream: string,
): Promise<{ url: string; spentMs: () => number; reset(): void; server: Server }> {
  const target = new URL(upstream);
  let spent = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const started = performance.now();
      const up = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', () => {
            spent += performance.now() - started;
            res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(body));
          });
        },
      );
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spentMs: () => spent,
    reset: () => (spent = 0),
    server,
  };
}

/** One AWS folder per variant, reused run after run as a person's ~/.aws is (so MFA Tray's one-time backup
 * is taken in the warm-up run, as on a first renewal); each run points it at the next user, expired. */
async function labFolder(endpoint: string): Promise<{ env: NodeJS.ProcessEnv; reset(user: BenchUser): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mfa-bench-'));
  const config = join(dir, 'config');
  const credentials = join(dir, 'credentials');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    AWS_ENDPOINT_URL_STS: endpoint,
    ENDPOINT: endpoint,
    MFA_TRAY_STATE_DIR: join(dir, 'state'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  return {
    env,
    reset: async (user) => {
      await writeFile(
        config,
        `[profile FetchMfaCredentials]\nmfa_serial = ${user.serial}\nget_session_token_duration_seconds = 86400\n\n[profile MyRepositoryAssumer]\nexpiration = 2020-01-01T00:00:00Z\n`,
      );
      await writeFile(
        credentials,
        `[FetchMfaCredentials]\naws_access_key_id = ${user.keyId}\naws_secret_access_key = ${user.secret}\n`,
      );
    },
  };
}

function runFile(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(file, args, { env }, (error, _stdout, stderr) =>
      error ? reject(new Error(`${file} failed: ${stderr}`)) : resolve(),
    ),
  );
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; // the SDK's Node 20 notice, once per process
  await ensureCliBuilt();
  const variantCount = Object.keys(RUNS).length;
  const total = Object.values(RUNS).reduce((sum, runs) => sum + runs, 0) + variantCount * WARMUP;
  const { seed, users } = benchSeed(total);
  const emulator = await startEmulator({ seed });
  const proxy = await timingProxy(emulator.url);
  const scriptPath = join(await mkdtemp(join(tmpdir(), 'mfa-bench-script-')), 'renew-mfa.sh');
  await writeFile(scriptPath, SCRIPT, { mode: 0o755 });
  const cli = fileURLToPath(new URL('../bin/mfa-tray.cjs', import.meta.url));
  let next = 0;
  const fileWriteMs: number[] = [];

  const variants: Record<keyof typeof RUNS, (user: BenchUser, env: NodeJS.ProcessEnv, code: string) => Promise<void>> =
    {
      core: async (_user, env, code) => {
        const outcome = await renew(
          { target: 'MyRepositoryAssumer', codeSource: { getCode: async () => code } },
          {
            locations: resolveAwsFileLocations(env),
            stateDir: env.MFA_TRAY_STATE_DIR!,
            env,
            // Timed separately: the locked, backed-up, atomic, settle-checked writes of both AWS files.
            writeSettings: async (locations, profile, values) => {
              const started = performance.now();
              await writeProfileSettings(locations, profile, values);
              fileWriteMs.push(performance.now() - started);
            },
          },
        );
        if (outcome.kind !== 'renewed') throw new Error(`core renewal failed: ${outcome.message}`);
      },
      cli: (_user, env, code) =>
        runFile(
          process.execPath,
          [cli, 'renew', 'MyRepositoryAssumer', '--source', 'FetchMfaCredentials', '--code', code],
          env,
        ),
      'cli-cold': async (user, env, code) => {
        await rm(join(env.HOME!, '.cache'), { recursive: true, force: true });
        await variants.cli(user, env, code);
      },
      'cli-desktop': (user, env, code) => variants.cli(user, env, code),
      script: (_user, env, code) => runFile(scriptPath, [code], env),
    };

  const overhead: Record<string, number[]> = {};
  const emulatorMs: Record<string, number[]> = {};
  let cliEnv: NodeJS.ProcessEnv = {};
  for (const name of Object.keys(RUNS) as (keyof typeof RUNS)[]) {
    overhead[name] = [];
    emulatorMs[name] = [];
    const lab = await labFolder(proxy.url);
    if (name === 'cli') cliEnv = lab.env;
    const holders = name === 'cli-desktop' ? await holdDescriptors(DESKTOP.processes, DESKTOP.descriptorsEach) : [];
    for (let i = 0; i < RUNS[name] + WARMUP; i += 1) {
      const user = users[next++]!;
      await lab.reset(user);
      const { env } = lab;
      const code = generateTotp(user.totpSecret, Date.now());
      proxy.reset();
      const started = performance.now();
      await variants[name](user, env, code);
      const wall = performance.now() - started;
      if (i < WARMUP) continue; // first run loads modules / warms caches
      overhead[name].push(wall - proxy.spentMs());
      emulatorMs[name].push(proxy.spentMs());
    }
    for (const holder of holders) holder.kill();
  }
  await emulator.close();
  proxy.server.close();
  const nodeStart: number[] = [];
  for (let i = 0; i < RUNS.cli; i += 1) {
    const started = performance.now();
    // In the CLI's own environment: a variable such as NODE_EXTRA_CA_CERTS in ours would slow Node's start alone.
    await runFile(process.execPath, ['-e', '0'], cliEnv);
    nodeStart.push(performance.now() - started);
  }

  const m = Object.fromEntries(Object.keys(RUNS).map((k) => [k, median(overhead[k]!)])) as Record<
    keyof typeof RUNS,
    number
  >;
  console.log('renewal overhead (median wall time minus time inside the emulator), same emulator, same run:');
  for (const name of Object.keys(RUNS) as (keyof typeof RUNS)[]) {
    console.log(
      `  ${name.padEnd(11)} ${m[name].toFixed(1).padStart(9)} ms   (${RUNS[name]} runs; emulator ${median(emulatorMs[name]!).toFixed(1)} ms per run)`,
    );
  }
  console.log(
    `  of the core's overhead, writeProfileSettings (both AWS files): ${median(fileWriteMs.slice(WARMUP)).toFixed(1)} ms`,
  );
  console.log(`  in-process core: ${(m.script / m.core).toFixed(0)}× less overhead than the script (target ≥ 50×)`);
  console.log(`  mfa-tray renew : ${(m.script / m.cli).toFixed(1)}× less overhead than the script (target ≥ 10×)`);
  console.log(
    `  mfa-tray renew : ${m.cli.toFixed(0)} ms beyond the STS round trip (target ≤ 150 ms), of which Node's own start (node -e 0, same run): ${median(nodeStart).toFixed(0)} ms`,
  );
  console.log(
    `  mfa-tray renew, first run after an install or upgrade (no code cache yet): ${m['cli-cold'].toFixed(0)} ms`,
  );
  console.log(
    `  mfa-tray renew beside ${DESKTOP.processes * DESKTOP.descriptorsEach} more open descriptors (a desktop's apps): ${m['cli-desktop'].toFixed(0)} ms`,
  );
}

/**
 * Processes that each hold `each` descriptors open (of the null device), started and ready; each ends when killed or
 * when this process ends (its stdin closes), so a failed run leaves none behind.
 */
async function holdDescriptors(count: number, each: number): Promise<ChildProcess[]> {
  const script = `const fs = require('node:fs'); for (let i = 0; i < ${each}; i += 1) fs.openSync(require('node:os').devNull, 'r'); process.stdin.on('end', () => process.exit()).resume(); process.stdout.write('ready');`;
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ChildProcess>((resolve, reject) => {
          const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
          child.once('error', reject);
          child.stdout.once('data', () => resolve(child));
        }),
    ),
  );
}
