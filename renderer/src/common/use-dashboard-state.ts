// Loads the dashboard state once and follows main's stateChanged pushes (file edits, renewals).
import { useEffect, useState } from 'react';
import type { DashboardState } from '../../../electron/shared/contract';
import { bridge } from './bridge';
import { useBridgeCall, type Load } from './use-bridge-call';
import { clockOffsetMs } from './use-live-now';

export interface LoadedState {
  state: DashboardState;
  offsetMs: number;
}

export function useDashboardState(): Load<LoadedState> {
  const [load, setLoad] = useState<Load<LoadedState>>({ status: 'loading' });
  const { run } = useBridgeCall((failure) => setLoad({ status: 'failed', message: failure.message }));
  useEffect(() => {
    // A push can arrive before the first getState answers: never replace a newer state with an older one.
    let newest = -Infinity;
    const accept = (state: DashboardState) => {
      const builtAt = Date.parse(state.now);
      if (builtAt < newest) return;
      newest = builtAt;
      // Start of the dashboard's first-render measure (see Dashboard.tsx).
      if (performance.getEntriesByName('mfa-dashboard-state').length === 0) performance.mark('mfa-dashboard-state');
      setLoad({ status: 'ready', value: { state, offsetMs: clockOffsetMs(state.now, Date.now()) } });
    };
    const unsubscribe = bridge().onStateChanged(accept);
    const cancel = run('Could not load your profiles', (api) => api.getState(), accept);
    return () => {
      cancel();
      unsubscribe();
    };
  }, [run]);
  return load;
}
