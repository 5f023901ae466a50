// What the tray shows for a dashboard state: the icon state, the tooltip (most urgent session and time left)
// and the menu as plain data. Pure, so every state (0 sessions, 20 sessions, ...) is tested without Electron;
// `key` changes only when something visible changes, which is when the menu is rebuilt.
import type { DashboardState, MfaSessionView } from '../shared/contract';
import { formatSpan, NOT_RENEWED_YET } from '../shared/time-format';
import type { TrayIconState } from './tray-icons/icon-art';

export type TrayMenuItem =
  | { type: 'renew'; target: string; label: string; enabled: boolean }
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
const URGENCY: Record<MfaSessionView['state'], number> = { renewing: 0, never: 1, expired: 2, expiring: 3, valid: 4 };

function msLeft(session: MfaSessionView, nowMs: number): number {
  return session.expiration ? Date.parse(session.expiration) - nowMs : -Infinity;
}

function status(session: MfaSessionView, nowMs: number): string {
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

function mostUrgent(sessions: readonly MfaSessionView[], nowMs: number): MfaSessionView | undefined {
  return [...sessions].sort(
    (a, b) =>
      URGENCY[a.state] - URGENCY[b.state] || msLeft(a, nowMs) - msLeft(b, nowMs) || a.target.localeCompare(b.target),
  )[0];
}

function trayIconState(state: DashboardState): TrayIconState {
  const states = new Set(state.sessions.map((session) => session.state));
  if (states.has('renewing')) return 'renewing';
  if (state.problems.length > 0) return 'error';
  if (states.has('expired') || states.has('never')) return 'expired';
  if (states.has('expiring')) return 'expiring';
  return 'valid';
}

function tooltipFor(state: DashboardState, nowMs: number): string {
  const urgent = mostUrgent(state.sessions, nowMs);
  let text: string;
  if (!urgent)
    text = state.problems.length > 0 ? 'MFA Tray: the AWS files have a problem' : 'MFA Tray: no MFA session set up yet';
  else {
    text = `${urgent.target}: ${status(urgent, nowMs)}`;
    if (state.sessions.length > 1) text += ` (+${state.sessions.length - 1} more)`;
    if (state.problems.length > 0) text += ' · AWS files have a problem';
  }
  return text.length > MAX_TOOLTIP ? `${text.slice(0, MAX_TOOLTIP - 1)}…` : text;
}

function renewLabel(session: MfaSessionView, nowMs: number): string {
  switch (session.state) {
    case 'renewing':
      return `Renewing MFA session — ${session.target}…`;
    case 'never':
      return `Renew MFA session — ${session.target} (${NOT_RENEWED_YET})`;
    case 'expired':
      return `Renew MFA session — ${session.target} (expired)`;
    default:
      return `Renew MFA session — ${session.target} (expires in ${formatSpan(msLeft(session, nowMs))})`;
  }
}

export function buildTrayView(state: DashboardState): TrayView {
  const nowMs = Date.parse(state.now);
  const menu: TrayMenuItem[] = [];
  for (const session of [...state.sessions].sort((a, b) => a.target.localeCompare(b.target))) {
    if (session.device)
      menu.push({
        type: 'renew',
        target: session.target,
        label: renewLabel(session, nowMs),
        enabled: session.state !== 'renewing',
      });
    else menu.push({ type: 'note', label: `${session.target}: no MFA device (mfa_serial) configured` });
  }
  if (state.sessions.length === 0) menu.push({ type: 'note', label: 'No MFA session set up yet' });
  menu.push(
    { type: 'separator' },
    { type: 'action', action: 'open-dashboard', label: 'Open MFA Tray' },
    { type: 'action', action: 'open-wizard', label: 'Set up a new contributor…' },
    { type: 'action', action: 'open-preferences', label: 'Preferences…' },
    { type: 'start-at-login', label: 'Start at login', checked: state.settings.startAtLogin },
    { type: 'separator' },
    { type: 'action', action: 'quit', label: 'Quit' },
  );
  const icon = trayIconState(state);
  const tooltip = tooltipFor(state, nowMs);
  return { icon, tooltip, menu, key: JSON.stringify([icon, tooltip, menu]) };
}
