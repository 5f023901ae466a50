// Refreshes the tray's countdown text: one timer, at most once a minute, and none at all while nothing counts
// down (no session with a future expiry), so an idle tray costs nothing.
import type { SchedulerClock } from '../core/expiry';

export interface MinuteTicker {
  /** Call whenever the state changes: starts or stops the tick as needed. */
  update(countingDown: boolean): void;
  stop(): void;
}

export const TICK_MS = 60_000;

export function createMinuteTicker(clock: SchedulerClock, onTick: () => void): MinuteTicker {
  let handle: unknown;
  let active = false;
  const schedule = () => {
    handle = clock.setTimeout(() => {
      handle = undefined;
      onTick();
      // onTick may have called update(false).
      if (active && handle === undefined) schedule();
    }, TICK_MS);
  };
  const stop = () => {
    active = false;
    if (handle !== undefined) clock.clearTimeout(handle);
    handle = undefined;
  };
  return {
    update(countingDown) {
      if (!countingDown) return stop();
      active = true;
      if (handle === undefined) schedule();
    },
    stop,
  };
}
