import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SEED_FILE } from '../../testing/scenario/scenario';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const startCli = (args: string[]) =>
  spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

describe('sts-emulator command', () => {
  it('prints its 127.0.0.1 URL as the first stdout line and serves there', async () => {
    const child = startCli(['--port', '0', '--seed', SCENARIO_SEED_FILE]);
    try {
      const [firstLine] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${firstLine}/`, {
        method: 'POST',
        body: 'Action=GetCallerIdentity&Version=2011-06-15',
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('date')).not.toBeNull();
      expect(await response.text()).toContain('<Code>MissingAuthenticationToken</Code>');
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('exits 1 with a clear message when the seed file is missing', async () => {
    const child = startCli(['--seed', '/nonexistent/seed.json']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toContain('sts-emulator: Cannot read seed file /nonexistent/seed.json: ENOENT');
  });
});
