import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as timers from 'node:timers/promises';
import { bundleChild } from '../../../testing/aws-files/bundle-child';
import { DeviceLockTimeoutError, withDeviceLock } from './device-lock';

describe('withDeviceLock', () => {
  it('runs tasks for one device one at a time, and other devices in parallel', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mfa-lock-'));
    let inside = 0;
    let maxInside = 0;
    const task = async () => {
      inside += 1;
      maxInside = Math.max(maxInside, inside);
      await timers.setTimeout(20);
      inside -= 1;
    };
    await Promise.all(Array.from({ length: 5 }, () => withDeviceLock(dir, 'arn:aws:iam::1:mfa/a', task)));
    expect(maxInside).toBe(1);

    const order: string[] = [];
    await withDeviceLock(dir, 'dev-a', async () => {
      await withDeviceLock(dir, 'dev-b', async () => {
        order.push('b inside a');
      });
    });
    expect(order).toEqual(['b inside a']);
  });

  it('tells a waiter once that another holder makes it wait, and never tells one that did not wait', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mfa-lock-'));
    let freeWaits = 0;
    await withDeviceLock(dir, 'd', async () => undefined, { onWait: () => (freeWaits += 1) });
    expect(freeWaits).toBe(0);
    const holder = withDeviceLock(dir, 'd', () => timers.setTimeout(300));
    await timers.setTimeout(30);
    let waits = 0;
    await withDeviceLock(dir, 'd', async () => undefined, { onWait: () => (waits += 1) });
    expect(waits).toBe(1);
    await holder;
  });

  it('releases the lock when the task throws', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mfa-lock-'));
    await expect(
      withDeviceLock(dir, 'd', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(withDeviceLock(dir, 'd', async () => 42)).resolves.toBe(42);
  });

  it('gives up after maxWaitMs with a readable error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mfa-lock-'));
    const holder = withDeviceLock(dir, 'd', () => timers.setTimeout(400));
    await timers.setTimeout(30);
    await expect(withDeviceLock(dir, 'd', async () => 1, { maxWaitMs: 100 })).rejects.toBeInstanceOf(
      DeviceLockTimeoutError,
    );
    await holder;
  });

  it('takes over at once the lock of a holder killed on this host', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mfa-lock-'));
    const holder = await bundleChild(
      new URL('../../../testing/app-state/device-lock-holder.ts', import.meta.url),
      dir,
      'holder.mjs',
    );
    const child = spawn(process.execPath, [holder, dir, 'd'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((done) => child.once('exit', done));
    try {
      await new Promise((held) => child.stdout.once('data', held));
      // Held for real: a waiter gives up.
      await expect(withDeviceLock(dir, 'd', async () => 1, { maxWaitMs: 100 })).rejects.toBeInstanceOf(
        DeviceLockTimeoutError,
      );
    } finally {
      // As a `mfa-tray renew` killed while it waited for its code (and never left behind by a failed test).
      child.kill('SIGKILL');
      await exited;
    }
    // The next renewal need not wait out a stale period.
    await expect(withDeviceLock(dir, 'd', async () => 'renewed', { maxWaitMs: 1_000 })).resolves.toBe('renewed');
  });
});
