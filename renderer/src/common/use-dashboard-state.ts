// Loads the dashboard state once and follows main's stateChanged pushes (file edits, renewals).
import { useEffect, useState } from 'react';
import type { DashboardState } from '../../../electron/shared/contract';
import { bridge } from './bridge';
import { clockOffsetMs } from './use-live-now';

export interface LoadedState {
  state: DashboardState;
  offsetMs: number;
}

export type StateLoad = { status: 'loading' } | { status: 'failed'; message: string } | ({ status: 'ready' } & LoadedState);

export function useDashboardState(): StateLoad {
  const [load, setLoad] = useState<StateLoad>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    // A push can arrive before the first getState answers: never replace a newer state with an older one.
    let newest = -Infinity;
    const accept = (state: DashboardState) => {
      const builtAt = Date.parse(state.now);
      if (!alive || builtAt < newest) return;
      newest = builtAt;
      // Start of the dashboard's first-render measure (see Dashboard.tsx).
      if (performance.getEntriesByName('mfa-dashboard-state').length === 0) performance.mark('mfa-dashboard-state');
      setLoad({ status: 'ready', state, offsetMs: clockOffsetMs(state.now, Date.now()) });
    };
    const unsubscribe = bridge().onStateChanged(accept);
    bridge()
      .getState()
      .then(accept)
      .catch((error: unknown) => {
        if (alive) setLoad({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);
  return load;
}
