import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BASE_SETTLE_MS, ourOtherRunningThreads, settleTimeMs } from './settle-time';

describe('settleTimeMs', () => {
  it('waits the base time while every runnable process has a processor', () => {
    expect(settleTimeMs(0, 2)).toBe(BASE_SETTLE_MS);
    expect(settleTimeMs(1, 2)).toBe(BASE_SETTLE_MS);
    expect(settleTimeMs(2, 2)).toBe(BASE_SETTLE_MS);
  });

  it('grows with the runnable processes per processor, up to five times the base', () => {
    expect(settleTimeMs(3, 2)).toBe(BASE_SETTLE_MS * 1.5);
    expect(settleTimeMs(8, 2)).toBe(BASE_SETTLE_MS * 4);
    expect(settleTimeMs(10, 2)).toBe(BASE_SETTLE_MS * 5);
    expect(settleTimeMs(400, 2)).toBe(BASE_SETTLE_MS * 5);
    expect(settleTimeMs(3, 0)).toBe(BASE_SETTLE_MS * 3); // a runtime that reports no processors counts one
  });

  it.runIf(existsSync('/proc/loadavg'))('reads the load of this moment from /proc', () => {
    const settle = settleTimeMs();
    expect(settle).toBeGreaterThanOrEqual(BASE_SETTLE_MS);
    expect(settle).toBeLessThanOrEqual(BASE_SETTLE_MS * 5);
  });

  it.runIf(existsSync('/proc/self/task'))(
    'counts the busy threads of this process, which the settle takes off the load: they rest while it waits',
    async () => {
      const spinning = Array.from({ length: 3 }, () => new Worker('for (;;);', { eval: true }));
      try {
        await Promise.all(spinning.map((worker) => new Promise((started) => worker.once('online', started))));
        expect(ourOtherRunningThreads()).toBeGreaterThanOrEqual(3);
      } finally {
        await Promise.all(spinning.map((worker) => worker.terminate()));
      }
      // Only the threads running now: the pool and V8's helpers sleep between tasks.
      expect(ourOtherRunningThreads()).toBeLessThan(3);
    },
  );
});
