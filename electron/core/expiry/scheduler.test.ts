import { describe, expect, it } from 'vitest';
import type { MfaSession, RoleProfile } from '../profiles/types';
import { ExpiryScheduler, MAX_TIMER_DELAY_MS } from './scheduler';
import type { ExpiryEvent } from './events';
import { FakeClock } from '../../../testing/fake-clock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.UTC(2030, 0, 7, 8, 0, 0); // a Monday, 08:00 UTC

function session(target: string, expiresAt: number): MfaSession {
  return { source: `${target}-source`, target, pairedBy: 'scenario', expiration: new Date(expiresAt) };
}

function role(profile: string, expiresAt: number | undefined): RoleProfile {
  const base = { profile, roleArn: `arn:aws:iam::222222222222:role/${profile}`, chain: [profile] };
  return expiresAt === undefined ? base : { ...base, cachedExpiration: new Date(expiresAt) };
}

function setup(leadMs = 15 * MINUTE) {
  const clock = new FakeClock(START);
  const fired: Array<{ kind: string; profile: string; at: number }> = [];
  const scheduler = new ExpiryScheduler({
    clock,
    leadMs,
    onEvent: (e: ExpiryEvent) => fired.push({ kind: e.kind, profile: e.profile, at: clock.now() }),
  });
  return { clock, fired, scheduler };
}

const clockTime = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

describe('ExpiryScheduler', () => {
  it('announces expiring soon at the lead time, then expired, each once, with one timer at a time', () => {
    const { clock, fired, scheduler } = setup();
    scheduler.setModel({ mfaSessions: [session('Assumer', START + 2 * HOUR)], roles: [] });
    expect(clock.pendingTimers).toBe(1);
    clock.advance(3 * HOUR);
    expect(fired.map((f) => [f.kind, clockTime(f.at)])).toEqual([
      ['session-expiring', '09:45'],
      ['session-expired', '10:00'],
    ]);
    expect(clock.pendingTimers).toBe(0);
    expect(clock.callbacksRun).toHaveLength(2);
  });

  it('uses the lead time the user sets, and re-plans when it changes', () => {
    const { clock, fired, scheduler } = setup(5 * MINUTE);
    scheduler.setModel({ mfaSessions: [session('Assumer', START + HOUR)], roles: [] });
    expect(scheduler.nextEvent?.at).toBe(START + 55 * MINUTE);
    scheduler.setLeadTime(30 * MINUTE);
    expect(scheduler.nextEvent?.at).toBe(START + 30 * MINUTE);
    clock.advance(HOUR);
    expect(fired.map((f) => clockTime(f.at))).toEqual(['08:30', '09:00']);
    expect(() => scheduler.setLeadTime(-1)).toThrow(RangeError);
  });

  it('coalesces events due at the same moment into one timer callback', () => {
    const { clock, fired, scheduler } = setup(0);
    scheduler.setModel({
      mfaSessions: [session('A', START + HOUR), session('B', START + HOUR)],
      roles: [role('R', START + HOUR)],
    });
    clock.advance(2 * HOUR);
    // Lead time 0: "expiring" coincides with "expired" and is superseded by it.
    expect(fired.map((f) => `${f.kind} ${f.profile}`)).toEqual([
      'session-expired A',
      'session-expired B',
      'role-expired R',
    ]);
    expect(clock.callbacksRun).toEqual([START + HOUR]);
  });

  it('waits longer than setTimeout allows in steps no larger than its maximum', () => {
    const { clock, fired, scheduler } = setup();
    const expiresAt = START + 60 * DAY;
    scheduler.setModel({ mfaSessions: [], roles: [role('R', expiresAt)] });
    expect(Math.max(...clock.delaysRequested)).toBe(MAX_TIMER_DELAY_MS);
    clock.advance(61 * DAY);
    expect(fired).toEqual([{ kind: 'role-expired', profile: 'R', at: expiresAt }]);
    expect(clock.callbacksRun).toHaveLength(Math.ceil((60 * DAY) / MAX_TIMER_DELAY_MS));
  });

  it('sets no timer when nothing will expire', () => {
    const { clock, scheduler } = setup();
    scheduler.setModel({
      mfaSessions: [{ source: 's', target: 't', pairedBy: 'scenario' }],
      roles: [role('R', undefined)],
    });
    expect(clock.pendingTimers).toBe(0);
  });

  it('announces only "expired" when both events became due while asleep, on resume', () => {
    const { clock, fired, scheduler } = setup();
    scheduler.setModel({ mfaSessions: [session('Assumer', START + HOUR)], roles: [] });
    clock.sleep(3 * HOUR);
    scheduler.replan(); // powerMonitor 'resume'
    expect(fired.map((f) => [f.kind, clockTime(f.at)])).toEqual([['session-expired', '11:00']]);
    clock.advance(DAY);
    expect(fired).toHaveLength(1);
  });

  it('does not announce an expiry older than a day when the app starts', () => {
    const { clock, fired, scheduler } = setup();
    scheduler.setModel({ mfaSessions: [session('Old', START - 2 * DAY), session('Recent', START - HOUR)], roles: [] });
    expect(fired.map((f) => `${f.kind} ${f.profile}`)).toEqual(['session-expired Recent']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('plans the new expiry after a renewal and never repeats an event when the same model comes back', () => {
    const { clock, fired, scheduler } = setup();
    const before = { mfaSessions: [session('Assumer', START + HOUR)], roles: [] };
    scheduler.setModel(before);
    clock.advance(2 * HOUR);
    const renewed = { mfaSessions: [session('Assumer', START + 26 * HOUR)], roles: [] };
    scheduler.setModel(renewed);
    scheduler.setModel(before); // a file watcher saw an older copy for a moment
    scheduler.setModel(renewed);
    scheduler.replan();
    clock.advance(DAY + HOUR);
    expect(fired.map((f) => [f.kind, clockTime(f.at)])).toEqual([
      ['session-expiring', '08:45'],
      ['session-expired', '09:00'],
      ['session-expiring', '09:45'],
      ['session-expired', '10:00'],
    ]);
  });

  it('lets an event handler replace the model without losing or repeating events', () => {
    const clock = new FakeClock(START);
    const fired: string[] = [];
    const scheduler: ExpiryScheduler = new ExpiryScheduler({
      clock,
      onEvent: (e) => {
        fired.push(`${e.kind} ${clockTime(clock.now())}`);
        if (e.kind === 'session-expired')
          scheduler.setModel({ mfaSessions: [session('A', START + 3 * HOUR)], roles: [] });
      },
    });
    scheduler.setModel({ mfaSessions: [session('A', START + HOUR)], roles: [] });
    clock.advance(4 * HOUR);
    expect(fired).toEqual([
      'session-expiring 08:45',
      'session-expired 09:00',
      'session-expiring 10:45',
      'session-expired 11:00',
    ]);
  });

  it('fires nothing after stop()', () => {
    const { clock, fired, scheduler } = setup();
    scheduler.setModel({ mfaSessions: [session('A', START + HOUR)], roles: [] });
    scheduler.stop();
    scheduler.replan();
    clock.advance(2 * HOUR);
    expect(fired).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('gets through a simulated day with sleep, clock jumps and renewals: every event once, on time or on resume', () => {
    const { clock, fired, scheduler } = setup();
    // 08:00 the user renews: MFA session until 20:00; the CLI cached role credentials until 09:00.
    const model = (roleUntil: number) => ({
      mfaSessions: [session('Assumer', START + 12 * HOUR)],
      roles: [role('Contributor', roleUntil)],
    });
    scheduler.setModel(model(START + HOUR));
    clock.advance(90 * MINUTE); // 09:30: the role expired at 09:00
    scheduler.setModel(model(START + 150 * MINUTE)); // git push re-assumed the role: until 10:30
    clock.advance(150 * MINUTE); // 12:00
    clock.sleep(90 * MINUTE); // lunch, lid closed until 13:30
    scheduler.replan(); // resume
    clock.advance(90 * MINUTE); // 15:00
    clock.jump(HOUR); // clock set forwards to 16:00
    scheduler.replan();
    clock.advance(60 * MINUTE); // 17:00
    clock.jump(-30 * MINUTE); // clock set back to 16:30
    scheduler.replan();
    clock.advance(4 * HOUR); // 20:30
    scheduler.replan();
    clock.advance(12 * HOUR);

    expect(fired.map((f) => `${clockTime(f.at)} ${f.kind} ${f.profile}`)).toEqual([
      '09:00 role-expired Contributor',
      '10:30 role-expired Contributor',
      '19:45 session-expiring Assumer',
      '20:00 session-expired Assumer',
    ]);
    // One callback per event time and no wake-ups in between: nothing polls.
    expect(clock.callbacksRun.map(clockTime)).toEqual(['09:00', '10:30', '19:45', '20:00']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('without replan after a forward clock jump, catches up when the pending timer ends, announcing once', () => {
    const { clock, fired, scheduler } = setup();
    scheduler.setModel({ mfaSessions: [session('A', START + 2 * HOUR)], roles: [] });
    clock.jump(HOUR);
    clock.advance(2 * HOUR);
    // The 09:45 timer ends at 10:45 wall time: the session has expired by then, so only that is announced.
    expect(fired.map((f) => [f.kind, clockTime(f.at)])).toEqual([['session-expired', '10:45']]);
    expect(clock.callbacksRun).toHaveLength(1);
  });
});
