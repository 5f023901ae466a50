// What git's credential helper loads on every fetch and push while the session is valid: Node's start plus the AWS
// files should be all it costs. So it runs from the CLI's CommonJS entry alone (dist/cli/commands.cjs, the rest of the
// CLI with the SDK, commander and zod, is not opened), and the session check loads none of Node's modules that cost as
// much as its own work (node:crypto, streams, net, tty). This checks what was loaded (recorded by a hook), not a time:
// timings live in `npm run bench`. A merge that imports an index instead of a leaf file, or crypto on this path, fails
// here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedRuns } from '../../testing/cli/code-cache-header';
import { CLI, runProcess } from '../../testing/cli/run-cli';
import { createScenarioLab, ROLE_PROFILE, SOURCE, TARGET } from '../../testing/scenario/scenario-lab';
import { scenario } from '../../testing/scenario/scenario';
import { roleCacheKey } from '../../electron/core/profiles/role-cache-key';
import { writeRoleCacheEntry } from '../../electron/core/profiles/role-cache-file';

const DIST_CLI = fileURLToPath(new URL('../../dist/cli/', import.meta.url));
/** What bin/mfa-tray.cjs requires: it runs the entry compiled with the entry's code cache. */
const STARTER = join(DIST_CLI, 'mfa-tray.cjs');
const ENTRY = join(DIST_CLI, 'main.cjs');
/**
 * 100 KB with the code cache's loader and credential_process's line (75 KB before them); the writers (lock, backup,
 * in-place, pair records) would add about 60 KB.
 */
const ENTRY_BUDGET_BYTES = 115_000;
/** Node's own modules that the helper must not load: each costs milliseconds that git pays on every call. */
const HEAVY_BUILTINS = /^NativeModule (crypto|internal\/crypto\/|stream$|internal\/streams\/readable|net$|tty$)/;
const REQUEST = 'protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\npath=v1/repos/myRepository\n\n';

let hooks: string;

beforeAll(async () => {
  hooks = await mkdtemp(join(tmpdir(), 'mfa-tray-load-hook-'));
  // CommonJS files and Node's own modules, as the process ends.
  await writeFile(
    join(hooks, 'at-exit.cjs'),
    `const { appendFileSync } = require('node:fs');
process.on('exit', () => {
  const lines = [...Object.keys(require.cache).map((file) => 'cjs ' + file), ...process.moduleLoadList.map((m) => 'node ' + m)];
  appendFileSync(process.env.MFA_TRAY_LOAD_LOG, lines.join('\\n') + '\\n');
});
`,
  );
});
afterAll(() => rm(hooks, { recursive: true, force: true }));

/**
 * Runs the built CLI with the hook: the files of dist/cli it required, Node's modules, and which runs the code caches
 * hold, by bundle: the entry's (main.cjs) and that of dist/cli/commands.cjs (the doors open that file: a run that
 * opened none leaves no cache of it).
 */
async function loadedBy(
  args: string[],
  env: NodeJS.ProcessEnv,
  input: string,
  cacheDir = join(hooks, `cache-${Date.now()}-${Math.random()}`),
) {
  const log = join(hooks, `load-${Date.now()}-${Math.random()}.log`);
  const result = await runProcess(
    process.execPath,
    ['--require', join(hooks, 'at-exit.cjs'), CLI, ...args],
    { ...env, MFA_TRAY_LOAD_LOG: log, MFA_TRAY_CACHE_DIR: cacheDir },
    input,
  );
  const lines = (await readFile(log, 'utf8')).trim().split('\n');
  const files = lines
    .filter((line) => line.startsWith('cjs '))
    .map((line) => line.slice(4))
    .filter((path) => path.startsWith(DIST_CLI));
  const builtins = lines.filter((line) => line.startsWith('node ')).map((line) => line.slice(5));
  const runsOf: Record<string, string[]> = {};
  for (const name of await readdir(cacheDir).catch(() => [])) {
    runsOf[name.split('.').slice(0, 2).join('.')] = Object.keys(await cachedRuns(join(cacheDir, name)));
  }
  return { result, files: [...new Set(files)], builtins, runsOf, cacheDir };
}

/** A valid session, and the role's keys in the AWS CLI's cache (matching them to the role hashes its arguments). */
async function validSession() {
  const lab = await createScenarioLab('http://127.0.0.1:9', {
    expiration: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  });
  await writeRoleCacheEntry(join(lab.dir, '.aws', 'cli', 'cache'), roleCacheKey({ role_arn: scenario.roleArn })!, {
    accessKeyId: 'ASIAROLEKEYS00000001',
    secretAccessKey: 'role-secret',
    sessionToken: 'role-token',
    expiration: new Date(Date.now() + 3_600_000),
    assumedRoleArn: `arn:aws:sts::${scenario.accounts.repository}:assumed-role/MyRepositoryContributor/git`,
  });
  return lab;
}

describe("git's credential helper with a valid session runs from the CLI's entry file alone", () => {
  it('the session check (the helper listed before the AWS CLI one) loads no crypto, stream or net module', async () => {
    const lab = await validSession();
    try {
      const args = ['git-credential', TARGET, '--source', SOURCE, 'get'];
      const { result, files, builtins, runsOf } = await loadedBy(args, lab.env, REQUEST);
      expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
      expect(files).toEqual([STARTER]);
      expect(runsOf).toEqual({ 'main.cjs': [args[0]] });
      expect(builtins.filter((name) => HEAVY_BUILTINS.test(name))).toEqual([]);
      expect((await stat(ENTRY)).size).toBeLessThan(ENTRY_BUDGET_BYTES);
    } finally {
      await rm(lab.dir, { recursive: true, force: true });
    }
  });

  it('the role answer from the AWS CLI cache (our helper in place of the AWS CLI one), signed without node:crypto', async () => {
    const lab = await validSession();
    try {
      const args = ['git-credential', ROLE_PROFILE, 'get'];
      const { result, files, builtins, runsOf } = await loadedBy(args, lab.env, REQUEST);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^username=ASIAROLEKEYS00000001%role-token\npassword=\w+\n$/);
      expect(files).toEqual([STARTER]);
      expect(runsOf).toEqual({ 'main.cjs': [args[0]] });
      expect(builtins.filter((name) => HEAVY_BUILTINS.test(name))).toEqual([]);
    } finally {
      await rm(lab.dir, { recursive: true, force: true });
    }
  });

  it("an SDK's credential_process with a valid session is answered from the entry too", async () => {
    const lab = await validSession();
    try {
      const { result, files, builtins, runsOf } = await loadedBy(['credential-process', TARGET], lab.env, '');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.any(String) });
      expect(files).toEqual([STARTER]);
      expect(runsOf).toEqual({ 'main.cjs': ['credential-process'] });
      expect(builtins.filter((name) => HEAVY_BUILTINS.test(name))).toEqual([]);
    } finally {
      await rm(lab.dir, { recursive: true, force: true });
    }
  });

  it("takes the entry's bytecode from its code cache from the second run on, which then leaves the cache as it is", async () => {
    const lab = await validSession();
    try {
      const args = ['git-credential', TARGET, '--source', SOURCE, 'get'];
      const first = await loadedBy(args, lab.env, REQUEST);
      const [cacheName] = await readdir(first.cacheDir);
      const cached = await stat(join(first.cacheDir, cacheName!));
      const second = await loadedBy(args, lab.env, REQUEST, first.cacheDir);
      expect(second.result).toMatchObject({ code: 0, stdout: '', stderr: '' });
      // A cache V8 rejected, or one lacking this command's functions, would have been written anew at exit.
      const after = await stat(join(first.cacheDir, cacheName!));
      expect({ ino: after.ino, mtimeMs: after.mtimeMs }).toEqual({ ino: cached.ino, mtimeMs: cached.mtimeMs });
    } finally {
      await rm(lab.dir, { recursive: true, force: true });
    }
  });

  it('an expired session opens the rest of the CLI, compiled through its code cache', async () => {
    const lab = await createScenarioLab('http://127.0.0.1:9');
    try {
      // No terminal and no app: the helper says so and steps aside, having asked the app-prompt door for the app.
      const args = ['git-credential', TARGET, '--source', SOURCE, 'get'];
      const { result, files, runsOf } = await loadedBy(args, { ...lab.env, GIT_TERMINAL_PROMPT: '0' }, REQUEST);
      expect(result.stderr).toMatch(/expired/i);
      expect(files).toEqual([STARTER]);
      expect(runsOf).toEqual({ 'main.cjs': ['git-credential'], 'commands.cjs': ['git-credential'] });
    } finally {
      await rm(lab.dir, { recursive: true, force: true });
    }
  });
});
