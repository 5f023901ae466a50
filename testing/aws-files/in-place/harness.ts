// Races our writes against slow in-place writers (shared by the integration test and scripts/in-place-race.ts).
// Each run seeds a fresh AWS folder, starts a writer that truncates one file and rewrites it after a gap, and
// writes our own keys at a chosen moment of that. Afterwards every line anyone wrote must be in the file, and the
// one backup must be the file as it was before our first write: the seed, or the seed plus the writer's change.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as timers from 'node:timers/promises';
import { applyEdits, configSectionName, rawConfigParse } from '../../../electron/core/ini';
import type { FileRole } from '../../../electron/core/aws-files/file-problem';
import type { AwsFileLocations } from '../../../electron/core/aws-files/locations';
import { writeProfileSettings } from '../../../electron/core/aws-files/profile-settings';
import { findOpenWriters } from '../../../electron/core/aws-files/open-writers';
import { updateAwsFile, type UpdateAwsFileOptions } from '../../../electron/core/aws-files/update-aws-file';
import { bundleChild } from '../bundle-child';

export const AWS_CLI = '/usr/bin/aws';
export const STRACE = '/usr/bin/strace';

/** When the writer truncates, relative to our write of the same file. */
export type Phase = 'before-snapshot' | 'after-snapshot' | 'after-rename';
export const PHASES: readonly Phase[] = ['before-snapshot', 'after-snapshot', 'after-rename'];

export interface RunResult {
  label: string;
  /** Bytes of `key = value` lines (anyone's) missing or wrong in the final files. */
  lostBytes: number;
  lost: string[];
  /** Backups that are neither the seed nor the seed plus the writer's change. */
  badBackups: string[];
  /** Our write noticed the writer and waited for it. */
  waited: boolean;
  /** What our write said it waited for. */
  told?: string[];
  error?: string;
}

const TEAM = Array.from({ length: 12 }, (_, index) => `team-${index}`);

function seedConfig(): string {
  const team = TEAM.map(
    (name, index) =>
      `[profile ${name}]\nregion = eu-west-${(index % 3) + 1}\nrole_arn = arn:aws:iam::1234567890${String(index).padStart(2, '0')}:role/${name}\nsource_profile = mfa\n`,
  ).join('\n');
  return `[default]\nregion = eu-west-1\noutput = json\n\n${team}\n[profile theirs]\nregion = us-east-1\n\n[profile mfa]\nregion = eu-west-1\nmfa_tray_source_profile = default\nexpiration = 2020-01-01T00:00:00Z\n`;
}

function seedCredentials(): string {
  const team = TEAM.map(
    (name, index) =>
      `[${name}-keys]\naws_access_key_id = AKIA${String(index).padStart(16, '0')}\naws_secret_access_key = secret-${name}-${'k'.repeat(30)}\n`,
  ).join('\n');
  return `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n${team}\n[theirs]\naws_access_key_id = AKIATHEIRS0000000000\naws_secret_access_key = their-old-secret\n\n[mfa]\naws_access_key_id = ASIAOLD\naws_secret_access_key = old\naws_session_token = old-token\n`;
}

/** The writer's change: one key of its own profile, as `aws configure set` would set it. */
function theirEdit(role: FileRole, run: string) {
  return role === 'config'
    ? { section: 'profile theirs', key: 'their_setting', value: `run-${run}` }
    : { section: 'theirs', key: 'aws_secret_access_key', value: `their-secret-${run}` };
}

function ourValues(run: string): Record<string, string> {
  return {
    aws_access_key_id: `ASIANEW${run}`,
    aws_secret_access_key: `new-secret-${run}`,
    aws_session_token: `new-token-${run}`,
    expiration: `2030-01-01T00:00:${String(Number(run) % 60).padStart(2, '0')}Z`,
  };
}

async function seed(folder: string): Promise<AwsFileLocations & { seeds: Record<FileRole, string> }> {
  await mkdir(folder, { recursive: true });
  const locations = {
    config: join(folder, 'config'),
    credentials: join(folder, 'credentials'),
    cliCacheDir: join(folder, 'cli', 'cache'),
  };
  const seeds = { config: seedConfig(), credentials: seedCredentials() };
  await writeFile(locations.config, seeds.config, { mode: 0o600 });
  await writeFile(locations.credentials, seeds.credentials, { mode: 0o600 });
  return { ...locations, seeds };
}

/** Every line anyone wrote, per file: the seed's, the writer's change and ours. */
async function check(
  label: string,
  files: AwsFileLocations & { seeds: Record<FileRole, string> },
  raced: FileRole,
  run: string,
  waited: boolean,
  ours: 'both' | 'raced-only',
  error?: string,
): Promise<RunResult> {
  const lost: string[] = [];
  let lostBytes = 0;
  const badBackups: string[] = [];
  for (const role of ['config', 'credentials'] as const) {
    const path = files[role];
    const seedText = files.seeds[role];
    const wanted = rawConfigParse(seedText) as Record<string, Record<string, string>>;
    if (role === raced) {
      const their = theirEdit(role, run);
      (wanted[their.section] ??= {})[their.key] = their.value;
    }
    if (error === undefined && (ours === 'both' || role === raced)) {
      for (const [key, value] of Object.entries(ourValues(run))) {
        const isCredential = key.startsWith('aws_');
        if (isCredential === (role === 'credentials'))
          (wanted[role === 'config' ? configSectionName('mfa') : 'mfa'] ??= {})[key] = value;
      }
    }
    const text = await readFile(path, 'utf8').catch(() => '');
    let found: Record<string, Record<string, unknown>> = {};
    try {
      found = rawConfigParse(text);
    } catch (parseError) {
      lost.push(`${role}: unreadable (${String(parseError)})`);
    }
    for (const [section, keys] of Object.entries(wanted)) {
      for (const [key, value] of Object.entries(keys)) {
        if (found[section]?.[key] === value) continue;
        // Our own write failed (reported): the old value of our keys is then what must remain.
        lost.push(`${role} [${section}] ${key}: wanted ${value}, found ${String(found[section]?.[key])}`);
        lostBytes += `${key} = ${value}\n`.length;
      }
    }
    const backup = await readFile(`${path}.mfa-tray-backup`, 'utf8').catch(() => undefined);
    if (backup !== undefined) {
      const allowed = [seedText];
      if (role === raced) allowed.push(applyEdits(seedText, [theirEdit(role, run)], { file: role }));
      if (!allowed.includes(backup))
        badBackups.push(
          `${role}: backup of ${backup.length} bytes is neither the seed nor the seed plus the writer's change`,
        );
    }
  }
  return { label, lostBytes, lost, badBackups, waited, ...(error === undefined ? {} : { error }) };
}

export function buildWriter(folder: string): Promise<string> {
  return bundleChild(new URL('./writer.ts', import.meta.url), folder, 'in-place-writer.mjs');
}

function startWriter(
  bundle: string,
  path: string,
  role: FileRole,
  run: string,
  gapMs: number,
  mode: 'truncate' | 'update' = 'truncate',
) {
  const their = theirEdit(role, run);
  const child = spawn(
    process.execPath,
    [bundle, path, role, their.section, their.key, their.value, String(gapMs), mode],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [ready, done, opened] = waitForLines(
    child,
    ['ready', 'done', ...(mode === 'update' ? ['opened'] : [])],
    () => stderr,
  );
  return { ready, done, opened, go: () => child.stdin.write('go\n') };
}

function waitForLines(child: ChildProcess, wanted: string[], stderr: () => string): Promise<void>[] {
  const resolvers: (() => void)[] = [];
  const promises = wanted.map(
    (_, index) =>
      new Promise<void>((resolve, reject) => {
        resolvers[index] = resolve;
        child.on('close', (code) =>
          reject(new Error(`writer exited (${String(code)}) before "${wanted[index]}": ${stderr()}`)),
        );
      }),
  );
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    wanted.forEach((line, index) => buffered.includes(`${line}\n`) && resolvers[index]?.());
  });
  promises.forEach((promise) => promise.catch(() => undefined));
  return promises;
}

/** One run: the writer truncates `raced` at `phase` of our updateAwsFile of that file and writes after `gapMs`. */
export async function raceWriterAtPhase(options: {
  bundle: string;
  folder: string;
  raced: FileRole;
  phase: Phase;
  gapMs: number;
  run: number;
  updateOptions?: UpdateAwsFileOptions;
}): Promise<RunResult> {
  const run = String(options.run);
  const files = await seed(options.folder);
  const path = files[options.raced];
  const writer = startWriter(options.bundle, path, options.raced, run, options.gapMs);
  await writer.ready;
  let waited = false;
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    writer.go();
  };
  const values = ourValues(run);
  const edits = Object.entries(values)
    .filter(([key]) => key.startsWith('aws_') === (options.raced === 'credentials'))
    .map(([key, value]) => ({ section: options.raced === 'config' ? configSectionName('mfa') : 'mfa', key, value }));
  if (options.phase === 'before-snapshot') go();
  let error: string | undefined;
  try {
    await updateAwsFile(
      path,
      (text) => {
        if (options.phase === 'after-snapshot') go();
        return applyEdits(text, edits, { file: options.raced });
      },
      {
        ...options.updateOptions,
        role: options.raced,
        onWait: () => (waited = true),
        ...(options.phase === 'after-rename' && { onFirstCommit: go }),
      },
    );
  } catch (caught) {
    error = String(caught);
  }
  go();
  await writer.done;
  return check(
    `${options.raced} ${options.phase} gap ${options.gapMs} ms`,
    files,
    options.raced,
    run,
    waited,
    'raced-only',
    error,
  );
}

/**
 * One run where the writer opened the file (for writing, not yet changed) in the instant between our last look
 * for writers and our rename — simulated by a writer scan that sees nobody until our rename — and is still busy
 * writing the file we replaced `gapMs` later.
 */
export async function raceLateWriter(options: {
  bundle: string;
  folder: string;
  raced: FileRole;
  gapMs: number;
  run: number;
  updateOptions: UpdateAwsFileOptions;
}): Promise<RunResult> {
  const run = String(options.run);
  const files = await seed(options.folder);
  const path = files[options.raced];
  const writer = startWriter(options.bundle, path, options.raced, run, options.gapMs, 'update');
  await writer.ready;
  writer.go();
  await writer.opened;
  const told: string[] = [];
  let committed = false;
  const edits = Object.entries(ourValues(run))
    .filter(([key]) => key.startsWith('aws_') === (options.raced === 'credentials'))
    .map(([key, value]) => ({ section: options.raced === 'config' ? configSectionName('mfa') : 'mfa', key, value }));
  let error: string | undefined;
  try {
    await updateAwsFile(path, (text) => applyEdits(text, edits, { file: options.raced }), {
      ...options.updateOptions,
      role: options.raced,
      findWriters: (files) => (committed ? findOpenWriters(files) : []),
      onFirstCommit: () => (committed = true),
      onWait: (message) => told.push(message),
    });
  } catch (caught) {
    error = String(caught);
  }
  await writer.done;
  const result = await check(
    `${options.raced} late writer gap ${options.gapMs} ms`,
    files,
    options.raced,
    run,
    told.length > 0,
    'raced-only',
    error,
  );
  return { ...result, told };
}

/** Whether the real AWS CLI can be slowed down here (strace's fault injection needs ptrace). */
export function canSlowAwsCli(): boolean {
  if (!existsSync(AWS_CLI) || !existsSync(STRACE)) return false;
  try {
    execFileSync(STRACE, ['-qq', '-o', '/dev/null', '-e', 'trace=none', 'true']);
    return true;
  } catch {
    return false;
  }
}

/**
 * One run against the real `aws configure set`, its one write to the file delayed by `gapMs` with strace
 * (`-P` limits the injection to that file): truncated at its open, written gapMs later. Our writeProfileSettings
 * starts `offsetMs` after the AWS CLI, which spends most of a second starting up.
 */
export async function raceSlowAwsCli(options: {
  folder: string;
  raced: FileRole;
  gapMs: number;
  offsetMs: number;
  run: number;
}): Promise<RunResult> {
  const run = String(options.run);
  const files = await seed(options.folder);
  const their = theirEdit(options.raced, run);
  const env = { ...process.env, AWS_CONFIG_FILE: files.config, AWS_SHARED_CREDENTIALS_FILE: files.credentials };
  const realTarget = await realpath(files[options.raced]);
  const aws = spawn(
    STRACE,
    [
      '-f',
      '-qq',
      '-o',
      '/dev/null',
      '-P',
      realTarget,
      '-e',
      'trace=write',
      '-e',
      `inject=write:delay_enter=${options.gapMs * 1000}`,
      AWS_CLI,
      'configure',
      'set',
      their.key,
      their.value,
      '--profile',
      'theirs',
    ],
    { env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  aws.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const awsDone = new Promise<void>((resolve, reject) =>
    aws.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`aws configure set failed (${String(code)}): ${stderr}`)),
    ),
  );
  await timers.setTimeout(options.offsetMs);
  let waited = false;
  let error: string | undefined;
  try {
    await writeProfileSettings(files, 'mfa', ourValues(run), { onWait: () => (waited = true) });
  } catch (caught) {
    error = String(caught);
  }
  await awsDone;
  return check(
    `aws configure set ${options.raced}, gap ${options.gapMs} ms, ours at +${options.offsetMs} ms`,
    files,
    options.raced,
    run,
    waited,
    'both',
    error,
  );
}

/** Runs `jobs` with at most `parallel` at once. */
export async function runAll<T>(jobs: (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < jobs.length) {
        const index = next;
        next += 1;
        results[index] = await (jobs[index] as () => Promise<T>)();
      }
    }),
  );
  return results;
}
