// The one shape in which modules are given the time, so that tests can set it. `now()` is wall-clock time in
// milliseconds since the epoch (Date.now): sleep and clock changes move it.
export interface Clock {
  now(): number;
}

/**
 * A clock that can also wake us up (the expiry scheduler, the tray's minute tick). Its timers run on a monotonic
 * clock that stops during sleep and ignores clock changes, unlike now().
 */
export interface TimerClock extends Clock {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: TimerClock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
