// The scheduler's lead-time event for a lab session becomes an automatic renewal with its own notification,
// through the real notifier on a fake clock; other sessions keep the usual warning.
import * as timers from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock';
import { AUTO_RENEW_RETRY_MS } from '../core/lab-devices';
import type { MfaSession } from '../core/profiles/types';
import { createLabAutoRenewer, type LabAutoRenewerDeps, type LabSessionFacts } from './lab-auto-renew';
import { createNotifier, type MfaNotification } from './notifier';

const MORNING = Date.parse('2025-03-03T08:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const settle = () => timers.setTimeout(0);

interface Setup {
  clock: FakeClock;
  shown: MfaNotification[];
  renewed: string[];
  settings: { autoRenewLabSessions: boolean; leadTimeMinutes: number };
  sessions: Map<string, LabSessionFacts>;
  outcome: { ok: boolean; message: string } | Error;
}

function setup(sessions: Array<[string, LabSessionFacts]>, autoRenewLabSessions = true) {
  const world: Setup = {
    clock: new FakeClock(MORNING),
    shown: [],
    renewed: [],
    settings: { autoRenewLabSessions, leadTimeMinutes: 15 },
    sessions: new Map(sessions),
    outcome: { ok: true, message: 'Valid until tomorrow 08:00.' },
  };
  const deps: LabAutoRenewerDeps = {
    clock: world.clock,
    settings: () => world.settings,
    session: (target) => world.sessions.get(target),
    renew: async (target) => {
      world.renewed.push(target);
      if (world.outcome instanceof Error) throw world.outcome;
      return world.outcome;
    },
    show: (notification) => world.shown.push(notification),
    log: { info: () => undefined, error: () => undefined },
  };
  const renewer = createLabAutoRenewer(deps);
  const notifier = createNotifier({
    clock: world.clock,
    leadTimeMinutes: 15,
    mutedSessions: [],
    show: deps.show,
    claim: renewer.claim,
  });
  const model: { mfaSessions: MfaSession[]; roles: [] } = {
    mfaSessions: sessions.map(([target, facts]) => ({
      source: `${target}Source`,
      target,
      device: `arn:aws:iam::111111111111:mfa/${target}`,
      ...(facts.expiration && { expiration: facts.expiration }),
      pairedBy: 'explicit',
    })),
    roles: [],
  };
  notifier.setModel(model);
  return { world, renewer, notifier };
}

describe('automatic renewal of lab sessions', () => {
  it('renews a lab session at the lead time and says so instead of warning; a real device still gets the warning', async () => {
    const expiration = new Date(MORNING + 2 * HOUR);
    const { world, renewer } = setup([
      ['Lab', { labDevice: true, expiration }],
      ['Real', { labDevice: false, expiration }],
    ]);
    world.clock.advance(105 * MINUTE);
    await settle();
    await renewer.idle();
    expect(world.renewed).toEqual(['Lab']);
    expect(world.shown.map((n) => [n.title, n.target])).toEqual([
      ['MFA session expires in 15 min', 'Real'],
      ['Renewed Lab automatically', 'Lab'],
    ]);
    expect(world.shown[1]!.body).toBe(
      'MFA Tray renewed Lab with its lab device (lab accounts only). Valid until tomorrow 08:00.',
    );
  });

  it('with the setting off, a lab session gets the usual warning and nothing is renewed', async () => {
    const { world, renewer } = setup([['Lab', { labDevice: true, expiration: new Date(MORNING + HOUR) }]], false);
    world.clock.advance(50 * MINUTE);
    await settle();
    await renewer.idle();
    expect(world.renewed).toEqual([]);
    expect(world.shown.map((n) => n.title)).toEqual(['MFA session expires in 10 min']);
  });

  it('a failed attempt is announced, and the expiry right after it falls back to the usual notification', async () => {
    const { world, renewer } = setup([['Lab', { labDevice: true, expiration: new Date(MORNING + HOUR) }]]);
    world.outcome = { ok: false, message: 'Could not reach AWS.' };
    world.clock.advance(45 * MINUTE);
    await settle();
    await renewer.idle();
    expect(world.shown.map((n) => n.title)).toEqual(['Automatic renewal of Lab failed']);
    expect(world.shown[0]!.body).toMatch(/tried to renew Lab with its lab device: Could not reach AWS/);
    // At expiry (15 min later) a retry is allowed again (≥ 5 min): a second attempt, this time thrown.
    world.outcome = new Error('socket hang up');
    world.clock.advance(15 * MINUTE);
    await settle();
    await renewer.idle();
    expect(world.renewed).toEqual(['Lab', 'Lab']);
    expect(world.shown.map((n) => n.title)).toEqual([
      'Automatic renewal of Lab failed',
      'Automatic renewal of Lab failed',
    ]);
  });

  it('does not try twice within the retry interval: the second event gets the usual notification', () => {
    const { world, renewer } = setup([['Lab', { labDevice: true, expiration: new Date(MORNING + 10 * MINUTE) }]]);
    const event = {
      id: 'e',
      kind: 'session-expiring' as const,
      profile: 'Lab',
      at: MORNING,
      expiresAt: MORNING + 10 * MINUTE,
    };
    expect(renewer.claim(event)).toBe(true);
    expect(renewer.claim(event)).toBe(true); // still running: claimed, not started again
    return renewer.idle().then(() => {
      world.clock.advance(AUTO_RENEW_RETRY_MS - 1);
      expect(renewer.claim({ ...event, kind: 'session-expired' })).toBe(false);
      expect(world.renewed).toEqual(['Lab']);
    });
  });

  it('never claims role events or sessions that are gone', () => {
    const { renewer } = setup([['Lab', { labDevice: true }]]);
    expect(renewer.claim({ id: 'r', kind: 'role-expired', profile: 'Lab', at: MORNING, expiresAt: MORNING })).toBe(
      false,
    );
    expect(renewer.claim({ id: 'g', kind: 'session-expiring', profile: 'Gone', at: MORNING, expiresAt: MORNING })).toBe(
      false,
    );
  });
});
