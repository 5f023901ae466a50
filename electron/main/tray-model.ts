// What the tray shows for a dashboard state: the icon state, the tooltip (most urgent session and time left)
// and the menu as plain data. Pure, so every state (0 sessions, 20 sessions, ...) is tested without Electron;
// `key` changes only when something visible changes, which is when the menu is rebuilt.
import type { DashboardState, SessionState } from '../shared/contract';
import { formatSpan, NOT_RENEWED_YET } from '../shared/time-format';
import type { TrayIconState } from './tray-icons/icon-art';

export type TrayMenuItem =
  | { type: 'renew'; target: string; label: string; enabled: boolean }
  | { type: 'renew-device-roles'; device: string; label: string; enabled: boolean }
  | { type: 'note'; label: string }
  | { type: 'separator' }
  | { type: 'action'; action: 'open-dashboard' | 'open-wizard' | 'open-preferences' | 'quit'; label: string }
  | { type: 'start-at-login'; label: string; checked: boolean };

export interface TrayView {
  icon: TrayIconState;
  tooltip: string;
  menu: TrayMenuItem[];
  key: string;
}

/** Windows truncates tray tooltips at 127 characters. */
const MAX_TOOLTIP = 127;
const URGENCY: Record<SessionState, number> = { renewing: 0, never: 1, expired: 2, expiring: 3, valid: 4 };

/** What one code renews from the tray: an MFA session, or an MFA role (mfa_serial on the role profile). */
interface Renewable {
  what: 'MFA session' | 'MFA role';
  target: string;
  device?: string;
  state: SessionState;
  expiration?: string;
}

function renewables(state: DashboardState): Renewable[] {
  return [
    ...state.sessions.map((s): Renewable => ({
      what: 'MFA session',
      target: s.target,
      state: s.state,
      ...(s.device !== undefined && { device: s.device }),
      ...(s.expiration !== undefined && { expiration: s.expiration }),
    })),
    ...state.roles
      .filter((r) => r.layout === 'mfa-on-role')
      .map((r): Renewable => ({
        what: 'MFA role',
        target: r.profile,
        state: r.state,
        ...(r.device !== undefined && { device: r.device }),
        ...(r.cachedExpiration !== undefined && { expiration: r.cachedExpiration }),
      })),
  ];
}

function msLeft(session: Renewable, nowMs: number): number {
  return session.expiration ? Date.parse(session.expiration) - nowMs : -Infinity;
}

function status(session: Renewable, nowMs: number): string {
  switch (session.state) {
    case 'renewing':
      return 'renewing…';
    case 'never':
      return NOT_RENEWED_YET;
    case 'expired':
      return 'expired';
    default:
      return `${formatSpan(msLeft(session, nowMs))} left`;
  }
}

function mostUrgent(sessions: readonly Renewable[], nowMs: number): Renewable | undefined {
  return [...sessions].sort(
    (a, b) =>
      URGENCY[a.state] - URGENCY[b.state] || msLeft(a, nowMs) - msLeft(b, nowMs) || a.target.localeCompare(b.target),
  )[0];
}

function trayIconState(state: DashboardState, all: readonly Renewable[]): TrayIconState {
  const states = new Set(all.map((session) => session.state));
  if (states.has('renewing')) return 'renewing';
  if (state.problems.length > 0) return 'error';
  if (states.has('expired') || states.has('never')) return 'expired';
  if (states.has('expiring')) return 'expiring';
  return 'valid';
}

function tooltipFor(state: DashboardState, all: readonly Renewable[], nowMs: number): string {
  const urgent = mostUrgent(all, nowMs);
  let text: string;
  if (!urgent)
    text = state.problems.length > 0 ? 'MFA Tray: the AWS files have a problem' : 'MFA Tray: no MFA session set up yet';
  else {
    text = `${urgent.target}: ${status(urgent, nowMs)}`;
    if (all.length > 1) text += ` (+${all.length - 1} more)`;
    if (state.problems.length > 0) text += ' · AWS files have a problem';
  }
  return text.length > MAX_TOOLTIP ? `${text.slice(0, MAX_TOOLTIP - 1)}…` : text;
}

function renewLabel(session: Renewable, nowMs: number): string {
  switch (session.state) {
    case 'renewing':
      return `Renewing ${session.what} — ${session.target}…`;
    case 'never':
      return `Renew ${session.what} — ${session.target} (${NOT_RENEWED_YET})`;
    case 'expired':
      return `Renew ${session.what} — ${session.target} (expired)`;
    default:
      return `Renew ${session.what} — ${session.target} (expires in ${formatSpan(msLeft(session, nowMs))})`;
  }
}

/** "Renew all roles of this device": one item per device that two or more MFA roles share. */
function deviceRolesItems(all: readonly Renewable[]): TrayMenuItem[] {
  const byDevice = new Map<string, Renewable[]>();
  for (const role of all)
    if (role.what === 'MFA role' && role.device)
      byDevice.set(role.device, [...(byDevice.get(role.device) ?? []), role]);
  return [...byDevice]
    .filter(([, roles]) => roles.length > 1)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([device, roles]) => ({
      type: 'renew-device-roles',
      device,
      label: `Renew all ${roles.length} roles of ${device.slice(device.lastIndexOf(':') + 1)} with one code…`,
      enabled: roles.every((role) => role.state !== 'renewing'),
    }));
}

export function buildTrayView(state: DashboardState): TrayView {
  const nowMs = Date.parse(state.now);
  const menu: TrayMenuItem[] = [];
  const all = renewables(state);
  for (const session of [...all].sort((a, b) => a.target.localeCompare(b.target))) {
    if (session.device)
      menu.push({
        type: 'renew',
        target: session.target,
        label: renewLabel(session, nowMs),
        enabled: session.state !== 'renewing',
      });
    else menu.push({ type: 'note', label: `${session.target}: no MFA device (mfa_serial) configured` });
  }
  menu.push(...deviceRolesItems(all));
  if (all.length === 0) menu.push({ type: 'note', label: 'No MFA session set up yet' });
  menu.push(
    { type: 'separator' },
    { type: 'action', action: 'open-dashboard', label: 'Open MFA Tray' },
    { type: 'action', action: 'open-wizard', label: 'Set up a new contributor…' },
    { type: 'action', action: 'open-preferences', label: 'Preferences…' },
    { type: 'start-at-login', label: 'Start at login', checked: state.settings.startAtLogin },
    { type: 'separator' },
    { type: 'action', action: 'quit', label: 'Quit' },
  );
  const icon = trayIconState(state, all);
  const tooltip = tooltipFor(state, all, nowMs);
  return { icon, tooltip, menu, key: JSON.stringify([icon, tooltip, menu]) };
}
