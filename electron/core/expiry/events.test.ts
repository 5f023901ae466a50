import { describe, expect, it } from 'vitest';
import { expiryState, planExpiryEvents } from './events';

const T = Date.UTC(2030, 0, 1, 12);

describe('expiryState', () => {
  it.each([
    [undefined, 'never'],
    [T + 16 * 60_000, 'valid'],
    [T + 15 * 60_000, 'expiring'],
    [T + 1, 'expiring'],
    [T, 'expired'],
    [T - 1, 'expired'],
  ] as const)('expiry %s is %s at the default 15-minute lead', (expiresAt, state) => {
    expect(expiryState(expiresAt === undefined ? undefined : new Date(expiresAt), T)).toBe(state);
  });
});

describe('planExpiryEvents', () => {
  it('derives expiring/expired per MFA session and expired per cached role, earliest first', () => {
    const events = planExpiryEvents(
      {
        mfaSessions: [
          { source: 's', target: 'Assumer', pairedBy: 'scenario', expiration: new Date(T + 3_600_000) },
          { source: 's2', target: 'Never', pairedBy: 'explicit' },
        ],
        roles: [
          {
            profile: 'Contributor',
            roleArn: 'arn:aws:iam::222222222222:role/R',
            chain: ['Contributor'],
            cachedExpiration: new Date(T),
          },
        ],
      },
      10 * 60_000,
    );
    expect(events.map((e) => [e.kind, e.profile, e.at - T])).toEqual([
      ['role-expired', 'Contributor', 0],
      ['session-expiring', 'Assumer', 3_000_000],
      ['session-expired', 'Assumer', 3_600_000],
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });
});
