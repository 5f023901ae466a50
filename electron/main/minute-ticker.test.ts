import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { createMinuteTicker, TICK_MS } from './minute-ticker';

const START = Date.UTC(2026, 10, 25, 9, 0, 0);

function setup() {
  const clock = new FakeClock(START);
  let ticks = 0;
  let jumps = 0;
  const ticker = createMinuteTicker(clock, () => ticks++, {
    monotonicNow: () => clock.monotonicNow(),
    onJump: () => jumps++,
  });
  ticker.update(true);
  return { clock, ticker, counts: () => ({ ticks, jumps }) };
}

describe('the minute ticker', () => {
  it('ticks once a minute and reports no clock jump while the clock runs normally', () => {
    const { clock, counts } = setup();
    clock.advance(10 * TICK_MS);
    expect(counts()).toEqual({ ticks: 10, jumps: 0 });
  });

  it('notices the wall clock set forwards or backwards while awake, at the next tick', () => {
    const { clock, counts } = setup();
    clock.advance(TICK_MS / 2);
    clock.jump(2 * 60 * 60_000);
    clock.advance(TICK_MS / 2);
    expect(counts()).toEqual({ ticks: 1, jumps: 1 });
    clock.advance(TICK_MS / 2);
    clock.jump(-45_000);
    clock.advance(TICK_MS / 2);
    expect(counts()).toEqual({ ticks: 2, jumps: 2 });
  });

  it('stops ticking, and watching, when nothing counts down', () => {
    const { clock, ticker, counts } = setup();
    ticker.update(false);
    clock.jump(60 * 60_000);
    clock.advance(60 * TICK_MS);
    expect(counts()).toEqual({ ticks: 0, jumps: 0 });
    expect(clock.pendingTimers).toBe(0);
  });
});
