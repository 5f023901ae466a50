// Keeps exactly one timer, for the next expiry event: no polling, so an idle tray costs nothing.
// Wall-clock time decides what is due; the timer only wakes us. Timers run on a monotonic clock that stops
// during sleep and ignores clock changes, so the shell calls replan() on resume and on clock jumps.
import type { ProfileModel } from '../profiles/types';
import type { TimerClock } from '../time/clock';
import { DEFAULT_LEAD_MS, planExpiryEvents, type ExpiryEvent } from './events';

/** setTimeout's largest delay (2^31 - 1 ms, about 24.8 days); longer waits are taken in steps. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** Events that became due more than this long ago (e.g. while the app was not running) are not announced. */
export const DEFAULT_STALE_AFTER_MS = 24 * 60 * 60_000;

export interface ExpirySchedulerOptions {
  clock: TimerClock;
  onEvent: (event: ExpiryEvent) => void;
  leadMs?: number;
  staleAfterMs?: number;
}

export class ExpiryScheduler {
  private readonly clock: TimerClock;
  private readonly onEvent: (event: ExpiryEvent) => void;
  private readonly staleAfterMs: number;
  private leadMs: number;
  private model: Pick<ProfileModel, 'mfaSessions' | 'roles'> = { mfaSessions: [], roles: [] };
  private events: ExpiryEvent[] = [];
  /** Fired event ids with the expiry they were about, pruned below the stale horizon. */
  private readonly fired = new Map<string, number>();
  /** Only grows, even when the clock jumps back, so a pruned event can never become due again. */
  private staleHorizon = -Infinity;
  private timer: { handle: unknown; event: ExpiryEvent } | undefined;
  private stopped = false;

  constructor(options: ExpirySchedulerOptions) {
    this.clock = options.clock;
    this.onEvent = options.onEvent;
    this.leadMs = options.leadMs ?? DEFAULT_LEAD_MS;
    this.staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  }

  /** Plans from a new model (files changed, a renewal happened). */
  setModel(model: Pick<ProfileModel, 'mfaSessions' | 'roles'>): void {
    this.model = model;
    this.replan();
  }

  /** The user changed how long before expiry they want to hear about it. */
  setLeadTime(leadMs: number): void {
    if (!Number.isFinite(leadMs) || leadMs < 0)
      throw new RangeError(`lead time must be a non-negative number of ms, got ${leadMs}`);
    this.leadMs = leadMs;
    this.replan();
  }

  /** Fires what is due now and sets the one timer for what comes next: call after resume and clock jumps. */
  replan(): void {
    if (this.stopped) return;
    this.events = planExpiryEvents(this.model, this.leadMs);
    this.check();
  }

  /** The event the current timer is for, if any. */
  get nextEvent(): ExpiryEvent | undefined {
    return this.timer?.event;
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private check(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    this.staleHorizon = Math.max(this.staleHorizon, now - this.staleAfterMs);
    for (const [id, expiresAt] of this.fired) if (expiresAt < this.staleHorizon) this.fired.delete(id);

    const due = this.events.filter((e) => e.at <= now && !this.fired.has(e.id) && e.expiresAt >= this.staleHorizon);
    for (const event of due) this.fired.set(event.id, event.expiresAt);
    // An expiry that has already passed makes its "expiring soon" pointless: announce only that it expired.
    const expired = new Set(due.filter((e) => e.kind === 'session-expired').map((e) => `${e.profile}:${e.expiresAt}`));
    const announce = due.filter((e) => e.kind !== 'session-expiring' || !expired.has(`${e.profile}:${e.expiresAt}`));

    this.clearTimer();
    const next = this.events.find((e) => e.at > now && !this.fired.has(e.id));
    if (next) {
      const handle = this.clock.setTimeout(
        () => {
          this.timer = undefined;
          this.check();
        },
        Math.min(next.at - now, MAX_TIMER_DELAY_MS),
      );
      this.timer = { handle, event: next };
    }
    // Handlers run last: one that calls setModel() or replan() finds the state already consistent.
    for (const event of announce) this.onEvent(event);
  }

  private clearTimer(): void {
    if (this.timer) this.clock.clearTimeout(this.timer.handle);
    this.timer = undefined;
  }
}
