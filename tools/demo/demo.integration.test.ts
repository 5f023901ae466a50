// `npm run demo` as a person uses it: start it, paste its env lines, renew with the code it shows, stop it.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCliBuilt } from '../../testing/cli/build-cli';
import { CLI, runCli } from '../../testing/cli/run-cli';

const demo = fileURLToPath(new URL('./demo.ts', import.meta.url));

describe('npm run demo', () => {
  it(
    'prints env lines, a working code and a clone command that clones through MFA Tray, and cleans up on SIGTERM',
    { timeout: 120_000 },
    async () => {
      await ensureCliBuilt();
      const child = spawn(process.execPath, ['--import', 'tsx', demo], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (/code \d{6}/.test(out)) resolve();
        });
        child.once('exit', () => reject(new Error(`demo exited early:\n${out}`)));
      });
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: '/nonexistent' };
      for (const [, name, value] of out.matchAll(/^export (\w+)=(.*)$/gm)) env[name!] = value!;
      expect(Object.keys(env)).toEqual(
        expect.arrayContaining([
          'AWS_CONFIG_FILE',
          'AWS_SHARED_CREDENTIALS_FILE',
          'AWS_ENDPOINT_URL_STS',
          'MFA_TRAY_STATE_DIR',
        ]),
      );
      const code = /code (\d{6})/.exec(out)![1]!;
      const renewed = await runCli(
        ['renew', 'MyRepositoryAssumer', '--source', 'FetchMfaCredentials', '--code', code],
        env,
      );
      expect(renewed.stderr).toBe('');
      expect(renewed.code).toBe(0);

      // The printed clone command, with `mfa-tray` as `npm link` installs it (bin/mfa-tray.cjs), in a throwaway HOME
      // (the role cache goes there).
      const clone = /^ {2}git -c credential\.helper=.*\\\n.*clone \S+$/m.exec(out)![0].replace('\\\n', ' ');
      const home = mkdtempSync(join(tmpdir(), 'demo-home-'));
      const command = clone.replace('!mfa-tray ', `!${process.execPath} ${CLI} `).trim();
      const cloned = spawnSync('/bin/sh', ['-c', command], {
        cwd: home,
        env: { ...env, HOME: home, GIT_TERMINAL_PROMPT: '0' },
        encoding: 'utf8',
      });
      expect(cloned.stderr).not.toMatch(/fatal/);
      expect(readFileSync(join(home, 'myRepository', 'README.md'), 'utf8')).toContain(
        'Pushed and pulled through MFA Tray',
      );
      rmSync(home, { recursive: true, force: true });

      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      expect(existsSync(env.AWS_CONFIG_FILE!)).toBe(false);
    },
  );
});
