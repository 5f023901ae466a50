import { describe, expect, it } from 'vitest';
import type { DashboardState, MfaSessionView } from '../shared/contract';
import { buildTrayView } from './tray-model';

const NOW = Date.parse('2025-03-01T12:00:00Z');

function session(target: string, state: MfaSessionView['state'], minutesLeft?: number, device = true): MfaSessionView {
  return {
    target,
    source: `${target}-source`,
    ...(device && { device: `arn:aws:iam::111111111111:mfa/${target}` }),
    ...(minutesLeft !== undefined && { expiration: new Date(NOW + minutesLeft * 60_000).toISOString() }),
    durationSeconds: 43200,
    state,
    labDevice: false,
    notificationsEnabled: true,
  };
}

function dashboard(sessions: MfaSessionView[], extra: Partial<DashboardState> = {}, nowMs = NOW): DashboardState {
  return {
    now: new Date(nowMs).toISOString(),
    sessions,
    roles: [],
    profileCount: sessions.length * 2,
    problems: [],
    files: { config: '/h/.aws/config', credentials: '/h/.aws/credentials' },
    settings: {
      leadTimeMinutes: 15,
      defaultDurationSeconds: 43200,
      startAtLogin: false,
      mutedSessions: [],
      autoRenewLabSessions: false,
      promptWaitSeconds: 120,
    },
    ...extra,
  };
}

const labels = (state: DashboardState) => buildTrayView(state).menu.map((item) => ('label' in item ? item.label : '—'));

describe('the tray view', () => {
  it('shows all valid with the time left of the session expiring first', () => {
    const view = buildTrayView(
      dashboard([session('MyRepositoryAssumer', 'valid', 192), session('Other', 'valid', 600)]),
    );
    expect(view.icon).toBe('valid');
    expect(view.tooltip).toBe('MyRepositoryAssumer: 3 h 12 min left (+1 more)');
    expect(labels(dashboard([session('MyRepositoryAssumer', 'valid', 192)]))).toEqual([
      'Renew MFA session — MyRepositoryAssumer (expires in 3 h 12 min)',
      '—',
      'Open MFA Tray',
      'Set up a new contributor…',
      'Preferences…',
      'Start at login',
      '—',
      'Quit',
    ]);
  });

  it.each([
    ['expiring', [session('A', 'valid', 600), session('B', 'expiring', 9)], 'B: 9 min left (+1 more)'],
    ['expired', [session('A', 'expiring', 9), session('B', 'expired', -5)], 'B: expired (+1 more)'],
    ['expired', [session('A', 'valid', 600), session('B', 'never')], 'B: not renewed yet (+1 more)'],
    ['renewing', [session('A', 'expired', -1), session('B', 'renewing', 3)], 'B: renewing… (+1 more)'],
  ] as const)('picks the %s icon and names the most urgent session', (icon, sessions, tooltip) => {
    const view = buildTrayView(dashboard([...sessions]));
    expect(view.icon).toBe(icon);
    expect(view.tooltip).toBe(tooltip);
  });

  it('shows the error icon when the AWS files have a problem', () => {
    const view = buildTrayView(
      dashboard([session('A', 'valid', 600)], {
        problems: [{ file: '/h/.aws/config', fileRole: 'config', line: 3, message: 'bad' }],
      }),
    );
    expect(view.icon).toBe('error');
    expect(view.tooltip).toBe('A: 10 h left · AWS files have a problem');
  });

  it('handles no session at all', () => {
    const view = buildTrayView(dashboard([]));
    expect(view.icon).toBe('valid');
    expect(view.tooltip).toBe('MFA Tray: no MFA session set up yet');
    expect(labels(dashboard([]))[0]).toBe('No MFA session set up yet');
    expect(view.menu.filter((item) => item.type === 'renew')).toEqual([]);
  });

  it('lists twenty sessions, each renewable, with a tooltip Windows can show', () => {
    const sessions = Array.from({ length: 20 }, (_, index) =>
      session(`Team${String(index).padStart(2, '0')}AssumerWithAQuiteLongProfileName`, 'valid', 100 + index * 37),
    );
    const view = buildTrayView(dashboard(sessions));
    expect(view.menu.filter((item) => item.type === 'renew')).toHaveLength(20);
    expect(view.tooltip.length).toBeLessThanOrEqual(127);
    expect(view.tooltip).toBe('Team00AssumerWithAQuiteLongProfileName: 1 h 40 min left (+19 more)');
  });

  it('says why a session without an MFA device cannot be renewed, and disables renewing ones', () => {
    const view = buildTrayView(
      dashboard([session('NoDevice', 'never', undefined, false), session('Busy', 'renewing', 60)]),
    );
    expect(view.menu.slice(0, 2)).toEqual([
      { type: 'renew', target: 'Busy', label: 'Renewing MFA session — Busy…', enabled: false },
      { type: 'note', label: 'NoDevice: no MFA device (mfa_serial) configured' },
    ]);
  });

  it('changes its key only when the minute shown changes', () => {
    const sessions = [session('A', 'valid', 100)];
    const at = (ms: number) => buildTrayView(dashboard(sessions, {}, NOW + ms)).key;
    // 100 min left at NOW: "1 h 39 min" from just after NOW until a minute later.
    expect(at(1_000)).toBe(at(60_000));
    expect(at(60_000)).not.toBe(at(61_000));
  });

  it('reflects the start-at-login setting as a checkbox', () => {
    const state = dashboard([], { settings: { ...dashboard([]).settings, startAtLogin: true } });
    expect(buildTrayView(state).menu).toContainEqual({
      type: 'start-at-login',
      label: 'Start at login',
      checked: true,
    });
  });
});

describe('the tray view with MFA roles (mfa_serial on the role profile)', () => {
  const DEVICE = 'arn:aws:iam::111111111111:mfa/alice';
  const role = (
    profile: string,
    state: MfaSessionView['state'],
    minutesLeft?: number,
  ): DashboardState['roles'][number] => ({
    profile,
    roleArn: `arn:aws:iam::222222222222:role/${profile}`,
    chain: [profile, 'default'],
    layout: 'mfa-on-role',
    device: DEVICE,
    state,
    notificationsEnabled: true,
    ...(minutesLeft !== undefined && { cachedExpiration: new Date(NOW + minutesLeft * 60_000).toISOString() }),
  });

  it('renews each role from the tray, offers one code for all roles of the device, and warns like a session', () => {
    const state = dashboard([], { roles: [role('admin', 'expiring', 10), role('deploy', 'valid', 50)] });
    const view = buildTrayView(state);
    expect(view.icon).toBe('expiring');
    expect(view.tooltip).toBe('admin: 10 min left (+1 more)');
    expect(labels(state).slice(0, 3)).toEqual([
      'Renew MFA role — admin (expires in 10 min)',
      'Renew MFA role — deploy (expires in 50 min)',
      'Renew all 2 roles of mfa/alice with one code…',
    ]);
    expect(view.menu[2]).toMatchObject({ type: 'renew-device-roles', device: DEVICE, enabled: true });
  });

  it('leaves roles chained from an MFA session to the session’s item', () => {
    const chained = { ...role('git', 'valid', 50), layout: 'mfa-session-chain' as const };
    const state = dashboard([session('MyRepositoryAssumer', 'valid', 192)], { roles: [chained] });
    expect(labels(state)[0]).toBe('Renew MFA session — MyRepositoryAssumer (expires in 3 h 12 min)');
    expect(labels(state)[1]).toBe('—');
  });
});
