// Parse + classify of N profiles (both files, MFA pairs, role chains) against botocore's load_config +
// raw_config_parse + Session.full_config's merge on the same files. Each runtime times itself over
// repetitions (Python with time.perf_counter inside one interpreter), so interpreter start is excluded.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeIniBytes, loadConfig, rawConfigParse, type LoadedConfig, type RawConfig } from '../electron/core/ini';
import { buildProfileModel, PAIRING_KEY, type CachedRoleCredential } from '../electron/core/profiles';

const SIZES = [10, 100, 1_000, 10_000];
// Both runtimes use the same plan: short batches (~10 ms) for about a second per size, and the fastest batch
// counts — on a shared, busy machine short batches are the ones that can run without being preempted.
const BATCH_MS = 10;
const BUDGET_MS = 1_000;
const MIN_BATCHES = 5;
const MAX_BATCHES = 40;

const BOTOCORE_TIMER = `
import json, sys, time
from botocore.configloader import load_config, raw_config_parse
results = {}
for spec in json.loads(sys.argv[1]):
    def once():
        config = load_config(spec['config'])
        for name, values in raw_config_parse(spec['credentials']).items():
            config['profiles'].setdefault(name, {}).update(values)
        return config
    for _ in range(3):
        once()
    start = time.perf_counter()
    once()
    per_rep = (time.perf_counter() - start) * 1000
    reps = max(1, round(spec['batchMs'] / per_rep))
    count = min(spec['maxBatches'], max(spec['minBatches'], int(spec['budgetMs'] // (reps * per_rep))))
    wall, cpu = [], []
    for _ in range(count):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(reps):
            once()
        wall.append((time.perf_counter() - start) * 1000 / reps)
        cpu.append((time.process_time() - start_cpu) * 1000 / reps)
    results[str(spec['n'])] = {'wall': min(wall), 'cpu': min(cpu)}
print(json.dumps(results))
`;

/**
 * A realistic mix, in groups of 10 profiles: the scenario's trio paired explicitly, an aws-mfa pair, a role
 * chained on a role, an SSO profile, a credential_process profile, a plain key without MFA, and settings with
 * a sub-section — with comments and blank lines as people write them. Plus [default] and one sso-session.
 */
function awsFiles(profiles: number): { config: string; credentials: string } {
  const config: string[] = ['# generated for the profiles benchmark', '[default]', 'region = eu-west-1', ''];
  const credentials: string[] = ['# long-term and session keys', ''];
  for (let g = 0; g * 10 < profiles; g++) {
    const account = String(100_000_000_000 + g).padStart(12, '0');
    config.push(
      `# team ${g}`,
      `[profile Fetch${g}]`,
      `mfa_serial = arn:aws:iam::${account}:mfa/user${g}`,
      'get_session_token_duration_seconds = 86400',
      '',
      `[profile Assumer${g}]`,
      `expiration = 2030-01-0${(g % 9) + 1}T03:04:05+00:00`,
      `${PAIRING_KEY} = Fetch${g}`,
      '',
      `[profile Contributor${g}]`,
      'region = eu-west-1',
      `role_arn = arn:aws:iam::${account}:role/Contributor${g}`,
      `source_profile = Assumer${g}`,
      '',
      `[profile Admin${g}]`,
      `role_arn = arn:aws:iam::${account}:role/Admin${g}`,
      `source_profile = Contributor${g}`,
      'duration_seconds = 3600',
      '',
      `[profile sso${g}]`,
      'sso_session = corp',
      `sso_account_id = ${account}`,
      'sso_role_name = ReadOnly',
      '',
      `[profile proc${g}]`,
      `credential_process = /usr/local/bin/creds --profile proc${g}`,
      '',
      `[profile tools${g}]`,
      'output = json',
      's3 =',
      '  max_concurrent_requests = 20',
      '  multipart_threshold = 64MB',
      '',
    );
    credentials.push(
      `[Fetch${g}]`,
      `aws_access_key_id = AKIA${String(g).padStart(16, '0')}`,
      'aws_secret_access_key = bench/secret/value/not/real/0000000000',
      '',
      `[Assumer${g}]`,
      `aws_access_key_id = ASIA${String(g).padStart(16, '0')}`,
      'aws_secret_access_key = bench/secret/value/not/real/0000000000',
      'aws_session_token = bench-session-token-not-real',
      '',
      `[ci${g}]`,
      `aws_access_key_id = AKIC${String(g).padStart(16, '0')}`,
      'aws_secret_access_key = bench/secret/value/not/real/0000000000',
      '',
      `; aws-mfa style`,
      `[dev${g}-long-term]`,
      `aws_access_key_id = AKIB${String(g).padStart(16, '0')}`,
      'aws_secret_access_key = bench/secret/value/not/real/0000000000',
      `aws_mfa_device = arn:aws:iam::${account}:mfa/dev${g}`,
      '',
      `[dev${g}]`,
      `aws_access_key_id = ASIB${String(g).padStart(16, '0')}`,
      'aws_secret_access_key = bench/secret/value/not/real/0000000000',
      'aws_session_token = bench-session-token-not-real',
      'expiration = 2030-01-01 03:04:05',
      '',
    );
  }
  config.push('[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = eu-west-1', '');
  return { config: config.join('\n'), credentials: credentials.join('\n') };
}

/** A cache folder as a day of git pushes leaves it: a few role credentials, matched by role identity and key. */
const CACHED_ROLES: CachedRoleCredential[] = Array.from({ length: 5 }, (_, g) => ({
  cacheKey: createHash('sha1').update(String(g)).digest('hex'),
  assumedRoleArn: `arn:aws:sts::${String(100_000_000_000 + g).padStart(12, '0')}:assumed-role/Contributor${g}/botocore-session-1`,
  expiration: new Date(Date.UTC(2030, 0, 1, g)),
}));

function parseAndClassify(configPath: string, credentialsPath: string): number {
  return buildModel(
    loadConfig(decodeIniBytes(readFileSync(configPath))),
    rawConfigParse(decodeIniBytes(readFileSync(credentialsPath))),
  );
}

function buildModel(config: LoadedConfig, credentials: RawConfig): number {
  return buildProfileModel({ config, credentials, problems: [], cachedRoles: CACHED_ROLES }).profiles.size;
}

interface Timing {
  /** Fastest batch by the clock (performance.now / time.perf_counter), ms per repetition. */
  wall: number;
  /** Fastest batch by CPU time used (process.cpuUsage / time.process_time): unaffected by waiting for a busy CPU. */
  cpu: number;
}

/** Fastest per-repetition time of `work` after a warm-up, in short batches (see BATCH_MS). */
function timeWarm(work: () => unknown): Timing {
  let warmReps = 0;
  const warmStart = performance.now();
  while (performance.now() - warmStart < BUDGET_MS / 4) {
    work();
    warmReps++;
  }
  const perRep = (performance.now() - warmStart) / warmReps;
  const reps = Math.max(1, Math.round(BATCH_MS / perRep));
  const batches = Math.min(MAX_BATCHES, Math.max(MIN_BATCHES, Math.floor(BUDGET_MS / (reps * perRep))));
  const fastest = { wall: Infinity, cpu: Infinity };
  for (let batch = 0; batch < batches; batch++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    for (let i = 0; i < reps; i++) work();
    const cpu = process.cpuUsage(startCpu);
    fastest.wall = Math.min(fastest.wall, (performance.now() - start) / reps);
    fastest.cpu = Math.min(fastest.cpu, (cpu.user + cpu.system) / 1000 / reps);
  }
  return fastest;
}

function timeJs(configPath: string, credentialsPath: string): { total: Timing; build: Timing; profiles: number } {
  const config = loadConfig(decodeIniBytes(readFileSync(configPath)));
  const credentials = rawConfigParse(decodeIniBytes(readFileSync(credentialsPath)));
  return {
    total: timeWarm(() => parseAndClassify(configPath, credentialsPath)),
    build: timeWarm(() => buildModel(config, credentials)),
    profiles: buildModel(config, credentials),
  };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'profiles-bench-'));
  try {
    const specs = SIZES.map((n) => {
      const files = awsFiles(n);
      const config = join(dir, `config-${n}`);
      const credentials = join(dir, `credentials-${n}`);
      writeFileSync(config, files.config);
      writeFileSync(credentials, files.credentials);
      return { n, config, credentials };
    });
    const js = specs.map((s) => timeJs(s.config, s.credentials));
    const plan = { batchMs: BATCH_MS, budgetMs: BUDGET_MS, minBatches: MIN_BATCHES, maxBatches: MAX_BATCHES };
    const pythonSpecs = specs.map((s) => ({ ...s, ...plan }));
    const botocore = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', BOTOCORE_TIMER, JSON.stringify(pythonSpecs)], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, PYTHONPATH: '/usr/lib/python3/dist-packages/awscli' },
      }),
    ) as Record<string, Timing>;

    console.log('          ---------- by the clock (ms) ----------   ------------ by CPU time (ms) ----------');
    console.log('profiles  mfa-tray  (model)  botocore  botocore/ours   mfa-tray  (model)  botocore  botocore/ours');
    const cell = (value: number, width: number) => value.toFixed(3).padStart(width);
    specs.forEach((s, i) => {
      const ours = js[i]!;
      const theirs = botocore[String(s.n)]!;
      const side = (k: keyof Timing) =>
        `${cell(ours.total[k], 8)}  ${`(${ours.build[k].toFixed(3)})`.padStart(7)}  ${cell(theirs[k], 8)}  ${`${(theirs[k] / ours.total[k]).toFixed(1)}x`.padStart(13)}`;
      console.log(`${String(ours.profiles).padStart(8)}  ${side('wall')}   ${side('cpu')}`);
    });
    const growth = (k: keyof Timing) =>
      (js[3]!.total[k] / js[2]!.total[k] / (js[3]!.profiles / js[2]!.profiles)).toFixed(2);
    console.log(
      `growth 1,000 → 10,000 profiles, per profile: ${growth('wall')} by the clock, ${growth('cpu')} by CPU time (1.00 = linear)`,
    );
    console.log(
      `fastest ~${BATCH_MS} ms batch per size (warm); load average during the run: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
