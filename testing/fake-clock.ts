// A clock for scheduler tests with the two times a real machine has: wall time (Date.now, which sleep and
// clock changes move) and the monotonic time timers run on (which neither moves).
import type { TimerClock } from '../electron/core/time/clock';

interface FakeTimer {
  id: number;
  dueMonotonic: number;
  callback: () => void;
}

export class FakeClock implements TimerClock {
  private wall: number;
  private monotonic = 0;
  private nextId = 1;
  private timers: FakeTimer[] = [];
  /** Every timer callback run, as the wall time it ran at. */
  readonly callbacksRun: number[] = [];
  /** Every delay asked of setTimeout. */
  readonly delaysRequested: number[] = [];

  constructor(startWallMs: number) {
    this.wall = startWallMs;
  }

  now(): number {
    return this.wall;
  }

  setTimeout(callback: () => void, delayMs: number): unknown {
    if (delayMs > 2_147_483_647 || delayMs < 0) throw new RangeError(`setTimeout cannot wait ${delayMs} ms`);
    this.delaysRequested.push(delayMs);
    const timer = { id: this.nextId++, dueMonotonic: this.monotonic + delayMs, callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** The time timers run on (performance.now() on a real machine). */
  monotonicNow(): number {
    return this.monotonic;
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Time passes normally: timers fire as they come due, in order. */
  advance(ms: number): void {
    const end = this.monotonic + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.dueMonotonic - b.dueMonotonic || a.id - b.id)[0];
      if (!next || next.dueMonotonic > end) break;
      this.wall += next.dueMonotonic - this.monotonic;
      this.monotonic = next.dueMonotonic;
      this.timers = this.timers.filter((t) => t !== next);
      this.callbacksRun.push(this.wall);
      next.callback();
    }
    this.wall += end - this.monotonic;
    this.monotonic = end;
  }

  /** The machine sleeps: wall time moves on, timers do not. */
  sleep(ms: number): void {
    this.wall += ms;
  }

  /** The system clock is set forwards or backwards. */
  jump(ms: number): void {
    this.wall += ms;
  }
}
