// The lab devices screen (#/devices), TEST AND LAB ACCOUNTS ONLY: where secrets are kept (and whether that store
// is weak), every stored device with its current code, and the ways to add one (import or create).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActionResult, LabDeviceList, MfaSessionView } from '../../../electron/shared/contract';
import { bridge } from '../common/bridge';
import { Loading } from '../common/Loading';
import { StatusMessage, useStatus } from '../common/StatusMessage';
import { TopBar } from '../common/TopBar';
import { useBridgeCall, useBridgeLoad, type BridgeCallOf } from '../common/use-bridge-call';
import { useLiveNow } from '../common/use-live-now';
import { CreateForm } from './CreateForm';
import { DeviceCard } from './DeviceCard';
import { ImportForm } from './ImportForm';
import { useLabCodes } from './use-lab-codes';

const TITLE = 'Lab devices';

const STORE_BOX: Record<LabDeviceList['store']['kind'], string> = {
  keychain: 'ok-box',
  weak: 'warn-box',
  unavailable: 'error-box',
};

export function Devices() {
  const { load, reload } = useBridgeLoad('Could not load the lab devices', (api) => api.labDeviceList());
  if (load.status !== 'ready') return <Loading load={load} title={TITLE} label="Loading lab devices…" />;
  return <DevicesView listing={load.value} reload={reload} />;
}

function DevicesView({ listing, reload }: { listing: LabDeviceList; reload: () => void }) {
  const now = useLiveNow(0);
  const [status, show] = useStatus();
  const { run } = useBridgeCall(show);
  // Its own hook: `pending` is then the device action's, not the sessions' load.
  const deviceCall = useBridgeCall(show);
  const [sessions, setSessions] = useState<MfaSessionView[]>([]);
  const [busySerial, setBusySerial] = useState<string>();
  const devicesTitle = useRef<HTMLHeadingElement>(null);
  const readySerials = useMemo(
    () => listing.devices.filter((device) => device.state === 'ready').map((device) => device.serial),
    [listing],
  );
  const codes = useLabCodes(readySerials, now);
  const knownSerials = useMemo(
    () => [...new Set(sessions.flatMap((session) => (session.device ? [session.device] : [])))],
    [sessions],
  );
  const sourceProfiles = useMemo(() => [...new Set(sessions.map((session) => session.source))].sort(), [sessions]);

  useEffect(() => {
    const cancel = run(
      'Could not load your MFA sessions',
      (api) => api.getState(),
      (state) => setSessions(state.sessions),
    );
    // Imports, removals and renewals push a new state: the devices' sessions and flags follow it.
    const unsubscribe = bridge().onStateChanged((state) => {
      setSessions(state.sessions);
      reload();
    });
    return () => {
      cancel();
      unsubscribe();
    };
  }, [run, reload]);

  const report = useCallback(
    (result: ActionResult) => {
      show(result);
      reload();
    },
    [show, reload],
  );
  const act = (
    serial: string,
    what: string,
    call: BridgeCallOf<ActionResult>,
    after?: (result: ActionResult) => void,
  ) => {
    setBusySerial(serial);
    deviceCall.run(what, call, (result) => {
      report(result);
      after?.(result);
    });
  };
  // A removed device's card (and the focused button in it) goes away: focus moves to the list's heading.
  const focusList = (result: ActionResult) => result.ok && devicesTitle.current?.focus();

  return (
    <div className="app">
      <TopBar
        title={TITLE}
        labBadge="Lab accounts only"
        summary={`${listing.devices.length} ${listing.devices.length === 1 ? 'device' : 'devices'}`}
        nav={{ label: 'Lab devices navigation', links: ['dashboard', 'settings'] }}
      />
      <main className="page narrow">
        <p className="lab-warning">
          Here MFA Tray acts as the virtual MFA device itself: it keeps the device's secret and makes its codes. A
          second factor kept on the same machine is no second factor, so use this for{' '}
          <strong>test and lab accounts only</strong>, never for accounts that protect real code or data.
        </p>
        <div className={STORE_BOX[listing.store.kind]} data-testid="secret-store">
          <p>
            <strong>
              {listing.store.kind === 'keychain'
                ? 'Secret store: OS keychain.'
                : listing.store.kind === 'weak'
                  ? 'Secret store: weak.'
                  : 'Secret store: none.'}
            </strong>{' '}
            {listing.store.message}
          </p>
        </div>
        <StatusMessage status={status} />

        <section aria-labelledby="devices-title">
          <h2 id="devices-title" ref={devicesTitle} tabIndex={-1}>
            Devices
          </h2>
          {listing.devices.length === 0 ? (
            <p className="muted">No lab devices yet: import one or create one below.</p>
          ) : (
            <ul className="devices">
              {listing.devices.map((device) => (
                <DeviceCard
                  key={device.serial}
                  device={device}
                  code={codes[device.serial]}
                  now={now}
                  busy={deviceCall.pending && busySerial === device.serial}
                  onCopy={(serial) =>
                    act(serial, 'Could not copy the code', (api) => api.labDeviceCopyCode({ serial }))
                  }
                  onFinish={(serial) =>
                    act(serial, 'Could not finish enabling the device', (api) => api.labDeviceFinish({ serial }))
                  }
                  onRemove={(serial) =>
                    act(serial, 'Could not remove the device', (api) => api.labDeviceRemove({ serial }), focusList)
                  }
                />
              ))}
            </ul>
          )}
        </section>

        <ImportForm store={listing.store} knownSerials={knownSerials} onResult={report} />
        <CreateForm store={listing.store} sourceProfiles={sourceProfiles} now={now} onResult={report} />
      </main>
    </div>
  );
}
