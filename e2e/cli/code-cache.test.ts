// The built CLI's code cache of dist/cli/commands.cjs, as users' runs fill it: a command word's first run may take a
// short path (`status --help`), and its later runs must still get their own functions from the cache.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedRuns } from '../../testing/cli/code-cache-header';
import { runCli } from '../../testing/cli/run-cli';
import { createScenarioLab, type ScenarioLab } from '../../testing/scenario/scenario-lab';

let lab: ScenarioLab;
let cacheDir: string;
beforeEach(async () => {
  lab = await createScenarioLab('http://127.0.0.1:9');
  cacheDir = join(lab.dir, 'code-cache');
});
afterEach(() => rm(lab.dir, { recursive: true, force: true }));

async function commandsCache(command = 'status'): Promise<{ runs: Record<string, number>; stamp: string }> {
  const name = (await readdir(cacheDir)).find(
    (file) => file.startsWith('commands.cjs.') && file.endsWith(`.${command}.v8`),
  )!;
  const stats = await stat(join(cacheDir, name));
  return { runs: await cachedRuns(join(cacheDir, name)), stamp: `${stats.ino}:${stats.mtimeMs}` };
}

describe("the commands' code cache", () => {
  it('takes in the functions of a longer run of a command it holds (help first), and then stays as it is', async () => {
    const env = { ...lab.env, MFA_TRAY_CACHE_DIR: cacheDir };
    expect((await runCli(['status', '--help'], env)).code).toBe(0);
    const help = await commandsCache();
    expect((await runCli(['status'], env)).code).toBe(0);
    const status = await commandsCache();
    expect(status.stamp).not.toBe(help.stamp);
    expect(status.runs.status).toBeGreaterThan(help.runs.status!);
    expect((await runCli(['status'], env)).code).toBe(0);
    expect((await commandsCache()).stamp).toBe(status.stamp);
  });

  it("keeps one file per command, so that a command's start reads none of the others' functions", async () => {
    const env = { ...lab.env, MFA_TRAY_CACHE_DIR: cacheDir };
    expect((await runCli(['status'], env)).code).toBe(0);
    expect((await runCli(['profiles'], env)).code).toBe(0);
    expect(Object.keys((await commandsCache('status')).runs)).toEqual(['status']);
    expect(Object.keys((await commandsCache('profiles')).runs)).toEqual(['profiles']);
    // Typos are words too: past 12 files of this copy, a new word's run leaves none.
    for (let typo = 0; typo < 11; typo += 1) await runCli([`stat${typo}`], env);
    const files = (await readdir(cacheDir)).filter((file) => file.startsWith('commands.cjs.'));
    expect(files).toHaveLength(12);
    expect(files.some((file) => file.endsWith('.stat10.v8'))).toBe(false);
  });
});
