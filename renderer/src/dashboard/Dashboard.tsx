// The dashboard window: every account's MFA sessions and roles, live countdowns, parse problems, actions.
import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useState } from 'react';
import type { DashboardState } from '../../../electron/shared/contract';
import { Loading } from '../common/Loading';
import { TopBar } from '../common/TopBar';
import { useBridgeCall } from '../common/use-bridge-call';
import { useLiveNow } from '../common/use-live-now';
import { useDashboardState } from '../common/use-dashboard-state';
import { StatusMessage, useStatus } from '../common/StatusMessage';
import { groupByAccount, takeRows } from './accounts';
import { ProblemList } from './ProblemList';
import { RoleRow } from './RoleRow';
import { SessionRow } from './SessionRow';
import { EmptyState } from './EmptyState';

const TITLE = 'MFA Tray';

/** Rows rendered at first and added per "Show more": keeps the DOM light with thousands of profiles. */
export const ROW_PAGE = 100;

export function Dashboard() {
  const load = useDashboardState();
  if (load.status !== 'ready') return <Loading load={load} title={TITLE} label="Loading your AWS profiles…" />;
  return <DashboardView state={load.value.state} offsetMs={load.value.offsetMs} />;
}

function DashboardView({ state, offsetMs }: { state: DashboardState; offsetMs: number }) {
  const now = useLiveNow(offsetMs);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [budget, setBudget] = useState(ROW_PAGE);
  const [status, show] = useStatus();
  const { run } = useBridgeCall(show);
  const groups = useMemo(() => groupByAccount(state, deferredQuery), [state, deferredQuery]);
  const { shown, hiddenRows } = useMemo(() => takeRows(groups, budget), [groups, budget]);

  // Measured by the e2e suite and `npm run bench` (bench/renderer.bench.ts): state in hand → first rows in the DOM.
  useLayoutEffect(() => {
    if (performance.getEntriesByName('mfa-dashboard-rendered').length > 0) return;
    performance.mark('mfa-dashboard-rendered');
    performance.measure('mfa-dashboard-first-render', 'mfa-dashboard-state', 'mfa-dashboard-rendered');
  }, []);

  const renew = useCallback(
    (target: string) =>
      run(
        'Could not open the token dialog',
        (api) => api.openTokenDialog({ target }),
        (result) => !result.ok && show(result),
      ),
    [run, show],
  );
  const renewDeviceRoles = useCallback(
    (serial: string) =>
      run(
        'Could not open the token dialog',
        (api) => api.openDeviceRolesDialog({ serial }),
        (result) => !result.ok && show(result),
      ),
    [run, show],
  );
  const rolesPerDevice = useMemo(() => {
    const counts = new Map<string, number>();
    for (const role of state.roles) if (role.device) counts.set(role.device, (counts.get(role.device) ?? 0) + 1);
    return counts;
  }, [state.roles]);
  const copy = useCallback(
    (profile: string) => run('Could not copy the export lines', (api) => api.copyExportLines({ profile }), show),
    [run, show],
  );
  const openFolder = () => run('Could not open the AWS folder', (api) => api.openProfilesFolder(), show);
  const openWizard = () =>
    run(
      'Could not open the setup wizard',
      (api) => api.openWizard(),
      (result) => !result.ok && show(result),
    );

  const isEmpty = state.sessions.length === 0 && state.roles.length === 0;
  const shownRows = shown.reduce((sum, group) => sum + group.sessions.length + group.roles.length, 0);

  return (
    <div className="app">
      <TopBar
        title={TITLE}
        summary={
          <>
            {state.sessions.length} MFA {state.sessions.length === 1 ? 'session' : 'sessions'}, {state.roles.length}{' '}
            {state.roles.length === 1 ? 'role' : 'roles'} in {state.profileCount} profiles
          </>
        }
        nav={{
          label: 'Dashboard actions',
          actions: (
            <>
              <button type="button" onClick={openWizard}>
                Add profiles…
              </button>
              <button type="button" onClick={openFolder}>
                Open AWS folder
              </button>
            </>
          ),
          links: ['devices', 'settings'],
        }}
      />
      <main className="page">
        <StatusMessage status={status} />
        <ProblemList problems={state.problems} />
        {isEmpty ? (
          <EmptyState files={state.files} onStart={openWizard} />
        ) : (
          <>
            <div className="search">
              <label htmlFor="search">Search profiles</label>
              <input
                id="search"
                type="search"
                placeholder="Profile, role, device or account ID"
                value={query}
                onChange={(event) => {
                  setQuery(event.target.value);
                  setBudget(ROW_PAGE);
                }}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            {shown.length === 0 && (
              <p className="muted" role="status">
                Nothing matches “{deferredQuery}”.
              </p>
            )}
            {shown.map((group) => (
              <section key={group.accountId} className="account" aria-labelledby={`account-${group.accountId}`}>
                <h2 id={`account-${group.accountId}`}>
                  <span className="muted">Account</span> {group.accountId}
                </h2>
                <ul className="rows">
                  {group.sessions.map((session) => (
                    <SessionRow
                      key={session.target}
                      session={session}
                      now={now}
                      leadTimeMinutes={state.settings.leadTimeMinutes}
                      onRenew={renew}
                      onCopy={copy}
                    />
                  ))}
                  {group.roles.map((role) => (
                    <RoleRow
                      key={role.profile}
                      role={role}
                      now={now}
                      leadTimeMinutes={state.settings.leadTimeMinutes}
                      rolesOnDevice={role.device ? (rolesPerDevice.get(role.device) ?? 0) : 0}
                      onRenew={renew}
                      onRenewDeviceRoles={renewDeviceRoles}
                    />
                  ))}
                </ul>
              </section>
            ))}
            {hiddenRows > 0 && (
              <div className="more">
                <p className="muted">
                  Showing {shownRows} of {shownRows + hiddenRows}. Search to find a profile quickly.
                </p>
                <button type="button" onClick={() => setBudget((value) => value + ROW_PAGE)}>
                  Show {Math.min(ROW_PAGE, hiddenRows)} more
                </button>
              </div>
            )}
          </>
        )}
      </main>
    </div>
  );
}
