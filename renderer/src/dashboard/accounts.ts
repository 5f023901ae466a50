// The dashboard's model: sessions and roles grouped by AWS account, filtered by a search, with the
// state each row shows right now (a pushed state ages: an expiration can pass between two pushes).
import type { DashboardState, MfaSessionView, RoleView, SessionState } from '../../../electron/shared/contract';

export const UNKNOWN_ACCOUNT = 'Unknown account';

export interface AccountGroup {
  accountId: string;
  sessions: MfaSessionView[];
  roles: RoleView[];
}

function matches(query: string, fields: readonly (string | undefined)[]): boolean {
  return fields.some((field) => field !== undefined && field.toLowerCase().includes(query));
}

/** Groups by account ID (sorted, unknown last); a non-empty query keeps rows whose names, ARNs or account match. */
export function groupByAccount(state: Pick<DashboardState, 'sessions' | 'roles'>, rawQuery: string): AccountGroup[] {
  const query = rawQuery.trim().toLowerCase();
  const groups = new Map<string, AccountGroup>();
  const groupFor = (accountId: string | undefined) => {
    const key = accountId ?? UNKNOWN_ACCOUNT;
    let group = groups.get(key);
    if (!group) {
      group = { accountId: key, sessions: [], roles: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const session of state.sessions) {
    if (query && !matches(query, [session.target, session.source, session.device, session.accountId])) continue;
    groupFor(session.accountId).sessions.push(session);
  }
  for (const role of state.roles) {
    if (query && !matches(query, [role.profile, role.roleArn, role.accountId, ...role.chain])) continue;
    groupFor(role.accountId).roles.push(role);
  }
  return [...groups.values()].sort((a, b) => {
    if (a.accountId === UNKNOWN_ACCOUNT) return 1;
    if (b.accountId === UNKNOWN_ACCOUNT) return -1;
    return a.accountId.localeCompare(b.accountId);
  });
}

/** The state to show at `now`: main's verdict, corrected when the expiration has passed or entered the lead time since. */
export function liveSessionState(
  session: Pick<MfaSessionView, 'state' | 'expiration'>,
  now: number,
  leadTimeMinutes: number,
): SessionState {
  if (session.state === 'renewing' || session.state === 'never' || session.expiration === undefined)
    return session.state;
  const remaining = Date.parse(session.expiration) - now;
  if (remaining <= 0) return 'expired';
  if (remaining <= leadTimeMinutes * 60_000) return 'expiring';
  return 'valid';
}

export const STATE_LABELS: Record<SessionState, string> = {
  valid: 'Valid',
  expiring: 'Expiring soon',
  expired: 'Expired',
  never: 'Not set up yet',
  renewing: 'Renewing…',
};

/**
 * The first `budget` rows (sessions + roles) of the groups, keeping the grouping, and how many rows were left out:
 * the page stays light with thousands of profiles and shows more on request.
 */
export function takeRows(
  groups: readonly AccountGroup[],
  budget: number,
): { shown: AccountGroup[]; hiddenRows: number } {
  const shown: AccountGroup[] = [];
  let left = budget;
  let hiddenRows = 0;
  for (const group of groups) {
    const size = group.sessions.length + group.roles.length;
    if (left <= 0) {
      hiddenRows += size;
      continue;
    }
    const sessions = group.sessions.slice(0, left);
    const roles = group.roles.slice(0, Math.max(0, left - sessions.length));
    shown.push({ accountId: group.accountId, sessions, roles });
    left -= sessions.length + roles.length;
    hiddenRows += size - sessions.length - roles.length;
  }
  return { shown, hiddenRows };
}
