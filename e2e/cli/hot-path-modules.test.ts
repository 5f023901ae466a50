// What git's credential helper loads on every fetch and push while the session is valid: Node's start plus the AWS
// files should be all it costs, so the bundle's chunks with the SDK, commander and zod must stay unloaded. This
// checks the code loaded (bytes of the built CLI's files, recorded by a module hook), not a time: timings live in
// `npm run bench`. A merge that imports an index instead of a leaf file fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI, runProcess } from '../../testing/cli/run-cli';
import { createScenarioLab, ROLE_PROFILE, SOURCE, TARGET } from '../../testing/scenario/scenario-lab';
import { scenario } from '../../testing/scenario/scenario';
import { roleCacheKey } from '../../electron/core/profiles/role-cache-key';
import { writeRoleCacheEntry } from '../../electron/core/profiles/role-cache-file';

const DIST_CLI = fileURLToPath(new URL('../../dist/cli/', import.meta.url));
/**
 * Both paths loaded 138 KB (10 files) of the CLI's 3.1 MB when this was written; importing renewal's index instead
 * of its leaf files made it 288 KB, and the SDK or zod would add far more.
 */
const HOT_PATH_BUDGET_BYTES = 200_000;
const REQUEST = 'protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\npath=v1/repos/myRepository\n\n';

let hooks: string;

beforeAll(async () => {
  hooks = await mkdtemp(join(tmpdir(), 'mfa-tray-load-hook-'));
  await writeFile(
    join(hooks, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.MFA_TRAY_LOAD_LOG, url + '\\n');
  return next(url, context);
}
`,
  );
  await writeFile(
    join(hooks, 'register.mjs'),
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(hooks, 'hooks.mjs')).href)});\n`,
  );
});
afterAll(() => rm(hooks, { recursive: true, force: true }));

async function bytesOf(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && entry.name.endsWith('.js')) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}

/** Runs the built CLI with the hook and returns the files of dist/cli it loaded, with their total size. */
async function loadedBy(args: string[], env: NodeJS.ProcessEnv, input: string) {
  const log = join(hooks, `load-${Date.now()}-${Math.random()}.log`);
  const result = await runProcess(
    process.execPath,
    ['--import', pathToFileURL(join(hooks, 'register.mjs')).href, CLI, ...args],
    { ...env, MFA_TRAY_LOAD_LOG: log },
    input,
  );
  const files = [...new Set((await readFile(log, 'utf8')).trim().split('\n'))]
    .map((url) => fileURLToPath(url))
    .filter((path) => path.startsWith(DIST_CLI));
  let bytes = 0;
  for (const file of files) bytes += (await stat(file)).size;
  return { result, files, bytes };
}

const validSession = () =>
  createScenarioLab('http://127.0.0.1:9', {
    expiration: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  });

describe("git's credential helper with a valid session loads a small part of the CLI", () => {
  it('the session check (the helper listed before the AWS CLI one)', async () => {
    const lab = await validSession();
    try {
      const { result, files, bytes } = await loadedBy(
        ['git-credential', TARGET, '--source', SOURCE, 'get'],
        lab.env,
        REQUEST,
      );
      expect(result).toMatchObject({ code: 0, stdout: '' });
      expect(files.length).toBeGreaterThan(0);
      expect(bytes, `loaded ${bytes} of ${await bytesOf(DIST_CLI)} bytes: ${files.join(', ')}`).toBeLessThan(
        HOT_PATH_BUDGET_BYTES,
      );
    } finally {
      await rm(lab.dir, { recursive: true, force: true });
    }
  });

  it('the role answer from the AWS CLI cache (our helper in place of the AWS CLI one)', async () => {
    const lab = await validSession();
    try {
      const key = roleCacheKey({ role_arn: scenario.roleArn })!;
      await writeRoleCacheEntry(join(lab.dir, '.aws', 'cli', 'cache'), key, {
        accessKeyId: 'ASIAROLEKEYS00000001',
        secretAccessKey: 'role-secret',
        sessionToken: 'role-token',
        expiration: new Date(Date.now() + 3_600_000),
        assumedRoleArn: `arn:aws:sts::${scenario.accounts.repository}:assumed-role/MyRepositoryContributor/git`,
      });
      const { result, files, bytes } = await loadedBy(['git-credential', ROLE_PROFILE, 'get'], lab.env, REQUEST);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^username=ASIAROLEKEYS00000001%role-token\npassword=\w+\n$/);
      expect(bytes, `loaded ${bytes} of ${await bytesOf(DIST_CLI)} bytes: ${files.join(', ')}`).toBeLessThan(
        HOT_PATH_BUDGET_BYTES,
      );
    } finally {
      await rm(lab.dir, { recursive: true, force: true });
    }
  });
});
