// Refreshes the tray's countdown text: one timer, at most once a minute, and none at all while nothing counts
// down (no session with a future expiry), so an idle tray costs nothing. The same tick notices the wall clock
// being set while the machine is awake (Electron has no event for it), so the expiry plan can be redone.
import type { TimerClock } from '../core/time/clock';

export interface MinuteTicker {
  /** Call whenever the state changes: starts or stops the tick as needed. */
  update(countingDown: boolean): void;
  stop(): void;
}

export interface ClockJumpWatch {
  /** A clock that neither sleep nor clock changes move (performance.now()). */
  monotonicNow(): number;
  /** The wall clock moved by more than CLOCK_JUMP_MS against the monotonic one during a tick. */
  onJump(): void;
}

export const TICK_MS = 60_000;
/** Timer lateness under load stays far below this; a sleep or a clock change does not. */
export const CLOCK_JUMP_MS = 30_000;

export function createMinuteTicker(clock: TimerClock, onTick: () => void, jumps?: ClockJumpWatch): MinuteTicker {
  let handle: unknown;
  let active = false;
  const schedule = () => {
    const wallAtStart = clock.now();
    const monotonicAtStart = jumps?.monotonicNow();
    handle = clock.setTimeout(() => {
      handle = undefined;
      if (jumps && monotonicAtStart !== undefined) {
        const drift = clock.now() - wallAtStart - (jumps.monotonicNow() - monotonicAtStart);
        if (Math.abs(drift) > CLOCK_JUMP_MS) jumps.onJump();
      }
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
