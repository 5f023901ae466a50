// Parse + classify of N profiles (both files, MFA pairs, role chains) against botocore's load_config +
// raw_config_parse + Session.full_config's merge on the same files. Each runtime times itself over
// repetitions (Python with time.perf_counter inside one interpreter), so interpreter start is excluded.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeIniBytes, loadConfig, rawConfigParse } from '../electron/core/ini';
import { buildProfileModel, PAIRING_KEY, type CachedRoleCredential } from '../electron/core/profiles';

const SIZES = [10, 100, 1_000, 10_000];
/** Measured time per size and runtime, split into batches; the fastest batch counts (others share this CPU). */
const TARGET_MS = 500;
const BATCHES = 5;

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
    once()
    batches = []
    for _ in range(spec['batches']):
        start = time.perf_counter()
        for _ in range(spec['reps']):
            once()
        batches.append((time.perf_counter() - start) * 1000 / spec['reps'])
    results[str(spec['n'])] = min(batches)
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
  const model = buildProfileModel({
    config: loadConfig(decodeIniBytes(readFileSync(configPath))),
    credentials: rawConfigParse(decodeIniBytes(readFileSync(credentialsPath))),
    problems: [],
    cachedRoles: CACHED_ROLES,
  });
  return model.profiles.size;
}

function timeJs(configPath: string, credentialsPath: string): { ms: number; profiles: number } {
  const profiles = parseAndClassify(configPath, credentialsPath);
  const probe = performance.now();
  parseAndClassify(configPath, credentialsPath);
  const reps = Math.max(2, Math.ceil(TARGET_MS / BATCHES / Math.max(performance.now() - probe, 0.01)));
  let fastest = Infinity;
  for (let batch = 0; batch < BATCHES; batch++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) parseAndClassify(configPath, credentialsPath);
    fastest = Math.min(fastest, (performance.now() - start) / reps);
  }
  return { ms: fastest, profiles };
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
    // botocore is roughly 30-100x slower; size its repetitions from ours so each size takes ~TARGET_MS there too.
    const pythonSpecs = specs.map((s, i) => ({ ...s, batches: BATCHES, reps: Math.max(2, Math.ceil(TARGET_MS / BATCHES / (js[i]!.ms * 30))) }));
    const botocore = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', BOTOCORE_TIMER, JSON.stringify(pythonSpecs)], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, PYTHONPATH: '/usr/lib/python3/dist-packages/awscli' },
      }),
    ) as Record<string, number>;

    console.log('profiles (target)  profiles (built)  mfa-tray ms  botocore ms  botocore/mfa-tray  mfa-tray µs/profile');
    specs.forEach((s, i) => {
      const ours = js[i]!;
      const theirs = botocore[String(s.n)]!;
      console.log(
        `${String(s.n).padStart(17)}  ${String(ours.profiles).padStart(16)}  ${ours.ms.toFixed(3).padStart(11)}  ` +
          `${theirs.toFixed(3).padStart(11)}  ${(theirs / ours.ms).toFixed(1).padStart(16)}x  ${((ours.ms * 1000) / ours.profiles).toFixed(2).padStart(19)}`,
      );
    });
    const growth = js[3]!.ms / js[2]!.ms / (js[3]!.profiles / js[2]!.profiles);
    console.log(`growth 1,000 → 10,000 profiles: ${growth.toFixed(2)} × linear (1.00 = exactly linear)`);
    console.log(`fastest of ${BATCHES} batches per size; load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
