// The fault table of `mfa-tray renew`: files that cannot be written, run by the real CLI as an ordinary user
// (`nobody`, via setpriv, since root writes through read-only modes). For each fault: the message, the exit code,
// both files' hashes before and after, and how many GetSessionToken calls reached the emulator. Needs root (setpriv,
// tmpfs, chattr); rows whose tool is missing or not permitted are skipped with the reason.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioCode } from '../../testing/scenario/scenario';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { CLI, runAws, runProcess, type CliResult } from '../../testing/cli/run-cli';
import { createScenarioLab, TARGET, type ScenarioLab } from '../../testing/scenario/scenario-lab';

const emulator = useScenarioEmulator('test');
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');
// nobody may not be able to reach this checkout (CI clones into a private folder): it runs a copy of the bundled
// CLI from a folder everyone can read.
let cliForNobody = CLI;
beforeAll(async () => {
  if (!asRoot) return;
  const folder = await mkdtemp(join(tmpdir(), 'mfa-tray-cli-nobody-'));
  await chmod(folder, 0o755);
  // The whole bundle folder: the CLI opens commands.cjs from beside it.
  await cp(join(dirname(CLI), '..', 'dist', 'cli'), join(folder, 'cli'), { recursive: true });
  await chmod(join(folder, 'cli'), 0o755);
  cliForNobody = join(folder, 'cli', 'mfa-tray.cjs');
});

function tryRoot(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? undefined : (result.stderr || `exit ${result.status}`).trim();
}

async function chownTree(path: string): Promise<void> {
  await chown(path, NOBODY, NOBODY);
  if ((await stat(path)).isDirectory()) for (const name of await readdir(path)) await chownTree(join(path, name));
}

const hash = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path).catch(() => Buffer.from('(absent)')))
    .digest('hex')
    .slice(0, 12);

interface Row {
  fault: string;
  exit: number;
  message: string;
  before: string;
  after: string;
  calls: number;
}
const table: Row[] = [];
afterAll(() => {
  if (table.length === 0) return;
  const lines = table.map(
    (r) => `| ${r.fault} | ${r.exit} | ${r.calls} | ${r.before} | ${r.after} | ${r.message.replace(/\n/g, ' ')} |`,
  );
  console.log(
    [
      '| fault | exit | GetSessionToken calls | hashes before (cred/config) | after | message |',
      '|---|---|---|---|---|---|',
      ...lines,
    ].join('\n'),
  );
});

const filesOf = (lab: ScenarioLab) => ({ credentials: lab.credentialsPath, config: lab.configPath });

/** A lab owned by nobody, with the state folder created before any fault is set up. */
async function nobodyLab(): Promise<ScenarioLab> {
  const lab = await createScenarioLab(emulator().url);
  await mkdir(lab.stateDir, { recursive: true, mode: 0o700 });
  await chownTree(lab.dir);
  return lab;
}

async function renewAsNobody(
  lab: ScenarioLab,
  env: NodeJS.ProcessEnv = lab.env,
  target: string = TARGET,
): Promise<CliResult> {
  const args = ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cliForNobody, 'renew', target];
  return runProcess('/usr/bin/setpriv', [...args, '--code', scenarioCode(Date.now()), '--force'], env);
}

async function record(fault: string, files: { credentials: string; config: string }, run: () => Promise<CliResult>) {
  const before = `${await hash(files.credentials)}/${await hash(files.config)}`;
  const result = await run();
  const after = `${await hash(files.credentials)}/${await hash(files.config)}`;
  const row = {
    fault,
    exit: result.code,
    message: (result.stderr || result.stdout).trim(),
    before,
    after,
    calls: emulator().callCount('GetSessionToken'),
  };
  table.push(row);
  return row;
}

const refusedBeforeSending = (row: Row, pattern: RegExp) => {
  expect(row.message).toMatch(pattern);
  expect(row.message).toMatch(/no code was asked for or sent/);
  expect(row.message).not.toMatch(/\n\s+at /); // no stack trace
  expect(row.exit).toBe(2);
  expect(row.calls).toBe(0);
  expect(row.after).toBe(row.before);
};

describe.skipIf(!asRoot)('mfa-tray renew: the fault table (run as nobody)', { timeout: 60_000 }, () => {
  it('read-only AWS folder (files writable): renewed in place, both files consistent, botocore signs with the new session', async () => {
    const lab = await nobodyLab();
    await chmod(lab.dir, 0o555);
    try {
      const inodes = [(await stat(lab.credentialsPath)).ino, (await stat(lab.configPath)).ino];
      const names = (await readdir(lab.dir)).sort();
      const row = await record('read-only folder', filesOf(lab), () => renewAsNobody(lab));
      expect(row.message).toMatch(new RegExp(`Renewed "${TARGET}"`));
      expect(row.exit).toBe(0);
      expect(row.calls).toBe(1);
      expect(row.after).not.toBe(row.before);
      // Written in place, as the AWS CLI writes such files: same inodes, nothing added to the folder.
      expect([(await stat(lab.credentialsPath)).ino, (await stat(lab.configPath)).ino]).toEqual(inodes);
      expect((await readdir(lab.dir)).sort()).toEqual(names);
      // botocore reads the pair: the new keys (a signed call the emulator accepts) and their expiration.
      const identity = await runAws(
        ['sts', 'get-caller-identity', '--profile', TARGET, '--endpoint-url', emulator().url, '--region', 'us-east-1'],
        lab.env,
      );
      expect([identity.code, identity.stderr]).toEqual([0, '']);
      const keys = (await runAws(['configure', 'get', 'aws_access_key_id', '--profile', TARGET], lab.env)).stdout;
      expect(keys.trim()).toMatch(/^ASIA/);
      const expiration = (await runAws(['configure', 'get', 'expiration', '--profile', TARGET], lab.env)).stdout;
      expect(Date.parse(expiration.trim()) - Date.now()).toBeGreaterThan(3_000_000);
    } finally {
      await chmod(lab.dir, 0o755);
    }
  });

  it('read-only (0444) credentials file: refused before sending, as `aws configure set` would not write it', async () => {
    const lab = await nobodyLab();
    await chmod(lab.credentialsPath, 0o444);
    const row = await record('read-only file (0444)', filesOf(lab), () => renewAsNobody(lab));
    refusedBeforeSending(row, /credentials: is read-only \(mode 0444\)/);
    // What `aws configure set` does with the same file as the same user: it fails too.
    const aws = spawnSync(
      '/usr/bin/setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        '/usr/bin/aws',
        'configure',
        'set',
        'aws_session_token',
        'x',
        '--profile',
        TARGET,
      ],
      { env: lab.env, encoding: 'utf8' },
    );
    expect(aws.status).not.toBe(0);
    expect(aws.stderr).toMatch(/Permission denied/);
  });

  const immutableProblem = tryRootProbe('chattr');
  it.skipIf(immutableProblem !== undefined)(
    `immutable credentials file (chattr +i)${immutableProblem ? ` — skipped: ${immutableProblem}` : ''}`,
    async () => {
      const lab = await nobodyLab();
      execFileSync('/usr/bin/chattr', ['+i', lab.credentialsPath]);
      try {
        const row = await record('immutable file (chattr +i)', filesOf(lab), () => renewAsNobody(lab));
        refusedBeforeSending(row, /credentials: cannot be written: operation not permitted — an immutable/);
      } finally {
        execFileSync('/usr/bin/chattr', ['-i', lab.credentialsPath]);
      }
    },
  );

  const tmpfsProblem = tryRootProbe('tmpfs');
  it.skipIf(tmpfsProblem !== undefined)(
    `full disk (a 64 KiB tmpfs, filled)${tmpfsProblem ? ` — skipped: ${tmpfsProblem}` : ''}`,
    async () => {
      const lab = await nobodyLab();
      const disk = join(lab.dir, 'disk');
      await mkdir(disk);
      execFileSync('/usr/bin/mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0755', 'tmpfs', disk]);
      try {
        const files = { credentials: join(disk, 'credentials'), config: join(disk, 'config') };
        await writeFile(files.credentials, await readFile(lab.credentialsPath));
        await writeFile(files.config, await readFile(lab.configPath));
        // Fill what is left, so the files are readable but nothing more fits.
        spawnSync('/usr/bin/dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=4096'], { encoding: 'utf8' });
        await chownTree(disk);
        const env = { ...lab.env, AWS_CONFIG_FILE: files.config, AWS_SHARED_CREDENTIALS_FILE: files.credentials };
        const row = await record('full disk (tmpfs 64k)', files, () => renewAsNobody(lab, env));
        refusedBeforeSending(row, /the disk is full/);
      } finally {
        execFileSync('/usr/bin/umount', [disk]);
      }
    },
  );

  it('FIFO as the credentials file (files-a handles the hang): no code is sent, nothing is changed', async () => {
    const lab = await nobodyLab();
    await rm(lab.credentialsPath);
    execFileSync('/usr/bin/mkfifo', [lab.credentialsPath]);
    await chown(lab.credentialsPath, NOBODY, NOBODY);
    const env = { ...lab.env };
    const run = () =>
      new Promise<CliResult>((resolve) => {
        const args = ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, 'renew', TARGET];
        const child = spawnSync('/usr/bin/setpriv', [...args, '--code', scenarioCode(Date.now()), '--force'], {
          env,
          encoding: 'utf8',
          timeout: 5000,
        });
        resolve({
          code: child.status ?? -1,
          stdout: child.stdout,
          stderr: child.error ? `(killed after 5 s: ${child.error.message}) ${child.stderr}` : child.stderr,
        });
      });
    const files = { credentials: join(lab.dir, 'no-such-file'), config: lab.configPath };
    const row = await record('FIFO credentials', files, run);
    expect(row.calls).toBe(0);
    expect(row.after).toBe(row.before);
  });

  it('profile name with a space ([profile "My Session"]): renewed and saved, as botocore reads it', async () => {
    const lab = await nobodyLab();
    await writeFile(
      lab.configPath,
      `${await readFile(lab.configPath, 'utf8')}\n[profile "My Session"]\nmfa_tray_source_profile = FetchMfaCredentials\n`,
    );
    const row = await record('name with a space', filesOf(lab), () => renewAsNobody(lab, lab.env, 'My Session'));
    expect(row.message).toMatch(/Renewed "My Session"/);
    expect(row.exit).toBe(0);
    expect(row.calls).toBe(1);
    expect(await readFile(lab.credentialsPath, 'utf8')).toMatch(/\[My Session\]\naws_access_key_id = ASIA/);
  });
});

/** Undefined when the tool works here as root, else why not (the row is then skipped with that reason). */
function tryRootProbe(what: 'chattr' | 'tmpfs'): string | undefined {
  if (!asRoot) return 'not root';
  const dir = execFileSync('/usr/bin/mktemp', ['-d'], { encoding: 'utf8' }).trim();
  try {
    if (what === 'chattr') {
      const file = join(dir, 'f');
      execFileSync('/usr/bin/touch', [file]);
      const problem = tryRoot('/usr/bin/chattr', ['+i', file]);
      if (problem === undefined) tryRoot('/usr/bin/chattr', ['-i', file]);
      return problem && `chattr +i is not supported here (${problem})`;
    }
    const problem = tryRoot('/usr/bin/mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    if (problem === undefined) tryRoot('/usr/bin/umount', [dir]);
    return problem && `mounting a tmpfs is not permitted here (${problem})`;
  } finally {
    chmodSync(dir, 0o700);
    spawnSync('/usr/bin/rm', ['-rf', dir]);
  }
}
