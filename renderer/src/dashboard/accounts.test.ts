import { describe, expect, it } from 'vitest';
import type { MfaSessionView, RoleView } from '../../../electron/shared/contract';
import { UNKNOWN_ACCOUNT, groupByAccount, liveSessionState, takeRows } from './accounts';

const session = (target: string, accountId?: string, extra: Partial<MfaSessionView> = {}): MfaSessionView => ({
  target,
  source: `${target}-keys`,
  device: accountId ? `arn:aws:iam::${accountId}:mfa/${target}` : undefined,
  accountId,
  durationSeconds: 43200,
  state: 'valid',
  labDevice: false,
  notificationsEnabled: true,
  ...extra,
});
const role = (profile: string, accountId?: string): RoleView => ({
  profile,
  roleArn: `arn:aws:iam::${accountId ?? '000000000000'}:role/${profile}Role`,
  accountId,
  chain: [profile, 'Assumer'],
  layout: 'mfa-session-chain',
  state: 'never',
  notificationsEnabled: true,
});

describe('groupByAccount', () => {
  const state = {
    sessions: [session('Beta', '222222222222'), session('Alpha', '111111111111'), session('Loose')],
    roles: [role('Contributor', '222222222222'), role('Reader', '333333333333')],
  };

  it('groups sessions and roles under their account, sorted, unknown account last', () => {
    const groups = groupByAccount(state, '');
    expect(groups.map((g) => g.accountId)).toEqual(['111111111111', '222222222222', '333333333333', UNKNOWN_ACCOUNT]);
    expect(groups[1]?.sessions.map((s) => s.target)).toEqual(['Beta']);
    expect(groups[1]?.roles.map((r) => r.profile)).toEqual(['Contributor']);
  });

  it('filters case-insensitively on names, ARNs and the chain', () => {
    expect(groupByAccount(state, 'contrib').flatMap((g) => g.roles.map((r) => r.profile))).toEqual(['Contributor']);
    expect(groupByAccount(state, 'ASSUMER').flatMap((g) => g.roles.map((r) => r.profile))).toEqual([
      'Contributor',
      'Reader',
    ]);
    expect(groupByAccount(state, '  mfa/alpha ').flatMap((g) => g.sessions.map((s) => s.target))).toEqual(['Alpha']);
    expect(groupByAccount(state, 'nothing-like-this')).toEqual([]);
  });
});

describe('liveSessionState', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');
  it('turns a pushed valid state into expiring or expired as time passes', () => {
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    expect(liveSessionState({ state: 'valid', expiration: at(60) }, now, 10)).toBe('valid');
    expect(liveSessionState({ state: 'valid', expiration: at(9) }, now, 10)).toBe('expiring');
    expect(liveSessionState({ state: 'expiring', expiration: at(-1) }, now, 10)).toBe('expired');
  });
  it('keeps states that do not depend on the clock', () => {
    expect(liveSessionState({ state: 'renewing', expiration: new Date(now - 1).toISOString() }, now, 10)).toBe(
      'renewing',
    );
    expect(liveSessionState({ state: 'never' }, now, 10)).toBe('never');
  });
});

describe('takeRows', () => {
  it('keeps grouping and counts what it leaves out', () => {
    const groups = groupByAccount(
      {
        sessions: [session('A', '1'), session('B', '1'), session('C', '2')],
        roles: [role('R1', '1'), role('R2', '2')],
      },
      '',
    );
    const { shown, hiddenRows } = takeRows(groups, 4);
    expect(shown.map((g) => [g.accountId, g.sessions.length, g.roles.length])).toEqual([
      ['1', 2, 1],
      ['2', 1, 0],
    ]);
    expect(hiddenRows).toBe(1);
    expect(takeRows(groups, 100).hiddenRows).toBe(0);
  });
});
