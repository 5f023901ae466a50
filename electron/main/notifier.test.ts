// A simulated day on a fake clock (wall time vs the monotonic time timers use), with sleep and clock jumps.
import * as timers from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import type { MfaSession } from '../core/profiles/types';
import { createMinuteTicker, TICK_MS } from './minute-ticker';
import { createNotifier, type MfaNotification } from './notifier';

const MORNING = Date.parse('2025-03-03T08:00:00Z');
const HOUR = 3600_000;
const MINUTE = 60_000;

function sessionsExpiringAt(...entries: Array<[string, number]>): { mfaSessions: MfaSession[]; roles: [] } {
  return {
    mfaSessions: entries.map(([target, at]) => ({
      source: `${target}Source`,
      target,
      device: 'arn:aws:iam::1:mfa/u',
      expiration: new Date(at),
      pairedBy: 'explicit',
    })),
    roles: [],
  };
}

function setup(muted: string[] = []) {
  const clock = new FakeClock(MORNING);
  const shown: Array<MfaNotification & { at: string }> = [];
  const notifier = createNotifier({
    clock,
    leadTimeMinutes: 15,
    mutedSessions: muted,
    show: (n) => shown.push({ ...n, at: new Date(clock.now()).toISOString().slice(11, 16) }),
  });
  return { clock, shown, notifier };
}

const settle = () => timers.setTimeout(0);

/** Time passes as in a running app: each timer callback in its own task, so announcements settle in between. */
async function live(clock: FakeClock, ms: number): Promise<void> {
  for (let passed = 0; passed < ms; passed += MINUTE) {
    clock.advance(Math.min(MINUTE, ms - passed));
    await settle();
  }
}

describe('the notification plan', () => {
  it('notifies at the lead time and at expiry, once each, over an ordinary day', async () => {
    const { clock, shown, notifier } = setup();
    notifier.setModel(sessionsExpiringAt(['MyRepositoryAssumer', MORNING + 9 * HOUR]));
    await live(clock, 24 * HOUR);
    expect(shown.map((n) => [n.at, n.title, n.target])).toEqual([
      ['16:45', 'MFA session expires in 15 min', 'MyRepositoryAssumer'],
      ['17:00', 'MFA session expired', 'MyRepositoryAssumer'],
    ]);
  });

  it('gives one catch-up notification after sleeping through several events, and none twice', async () => {
    const { clock, shown, notifier } = setup();
    notifier.setModel(sessionsExpiringAt(['A', MORNING + 2 * HOUR], ['B', MORNING + 3 * HOUR]));
    clock.advance(HOUR);
    clock.sleep(4 * HOUR); // The lid closes at 09:00 and opens at 13:00: timers did not run.
    notifier.replan(); // powerMonitor 'resume'
    await settle();
    notifier.replan(); // 'unlock-screen' right after
    await settle();
    expect(shown).toEqual([
      { title: '2 MFA sessions need renewing', body: 'A, B. Click to renew A.', target: 'A', at: '13:00' },
    ]);
  });

  it('re-plans after the clock jumps forwards and backwards without repeating itself', async () => {
    const { clock, shown, notifier } = setup();
    notifier.setModel(sessionsExpiringAt(['A', MORNING + 2 * HOUR]));
    clock.jump(110 * MINUTE); // 09:50: inside the lead time.
    notifier.replan();
    await settle();
    clock.jump(-60 * MINUTE); // Back to 08:50.
    notifier.replan();
    await live(clock, HOUR + 20 * MINUTE);
    expect(shown.map((n) => [n.at, n.title])).toEqual([
      ['09:50', 'MFA session expires in 10 min'],
      ['10:00', 'MFA session expired'],
    ]);
  });

  it('stays quiet for muted sessions and for a session renewed in time', async () => {
    const { clock, shown, notifier } = setup(['Muted']);
    notifier.setModel(sessionsExpiringAt(['Muted', MORNING + HOUR], ['Renewed', MORNING + 2 * HOUR]));
    clock.advance(90 * MINUTE);
    await settle();
    notifier.setModel(sessionsExpiringAt(['Muted', MORNING + HOUR], ['Renewed', MORNING + 14 * HOUR]));
    clock.advance(3 * HOUR);
    await settle();
    expect(shown).toEqual([]);
  });

  it('costs at most one timer wake-up a minute while idle, and none when nothing counts down', async () => {
    const { clock, notifier } = setup();
    notifier.setModel(sessionsExpiringAt(['A', MORNING + 5 * HOUR], ['B', MORNING + 7 * HOUR]));
    let ticks = 0;
    const ticker = createMinuteTicker(clock, () => {
      ticks++;
      ticker.update(clock.now() < MORNING + 7 * HOUR);
    });
    ticker.update(true);
    clock.advance(24 * HOUR);
    await settle();
    // Every wake-up is a minute tick or one of the four expiry events; no timer asks for less than a minute
    // except the scheduler's exact waits for those events.
    expect(clock.callbacksRun.length).toBeLessThanOrEqual(ticks + 4);
    expect(clock.delaysRequested.filter((delay) => delay < TICK_MS)).toEqual([]);
    expect(ticks).toBe(7 * 60);
    // After the last expiry nothing is left to count down or announce: no timer remains.
    expect(clock.pendingTimers).toBe(0);
    const before = clock.callbacksRun.length;
    clock.advance(24 * HOUR);
    expect(clock.callbacksRun.length).toBe(before);
  });
});

describe('notifications for MFA roles (mfa_serial on the role profile)', () => {
  it('warns at the lead time and at expiry of the role’s cache entry, in the words of a role', async () => {
    const { clock, shown, notifier } = setup();
    const mfaRole = {
      device: 'arn:aws:iam::1:mfa/u',
      cacheKey: 'k',
      signer: { kind: 'profile' as const, profile: 'default', temporary: false },
    };
    notifier.setModel({
      mfaSessions: [],
      roles: [
        {
          profile: 'admin',
          roleArn: 'arn:aws:iam::2:role/Admin',
          chain: ['admin', 'default'],
          mfaRole,
          cachedExpiration: new Date(MORNING + HOUR),
        },
        // A role chained from a session: its cached keys expiring is no news (the AWS CLI assumes it again).
        {
          profile: 'git',
          roleArn: 'arn:aws:iam::2:role/Git',
          chain: ['git', 's'],
          cachedExpiration: new Date(MORNING + HOUR),
        },
      ],
    });
    await live(clock, HOUR + MINUTE);
    expect(shown).toEqual([
      {
        at: '08:45',
        title: 'MFA role expires in 15 min',
        body: 'admin needs a new MFA code soon. Click to renew it.',
        target: 'admin',
      },
      { at: '09:00', title: 'MFA role expired', body: 'admin has expired. Click to renew it.', target: 'admin' },
    ]);
    notifier.stop();
  });
});
