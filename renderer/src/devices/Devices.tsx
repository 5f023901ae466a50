// The lab devices screen (#/devices), TEST AND LAB ACCOUNTS ONLY: where secrets are kept (and whether that store
// is weak), every stored device with its current code, and the ways to add one (import or create).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActionResult, LabDeviceList, MfaSessionView } from '../../../electron/shared/contract';
import { bridge } from '../common/bridge';
import { StatusMessage, useStatus } from '../common/StatusMessage';
import { useLiveNow } from '../common/use-live-now';
import { CreateForm } from './CreateForm';
import { DeviceCard } from './DeviceCard';
import { ImportForm } from './ImportForm';
import { useLabCodes } from './use-lab-codes';

const STORE_BOX: Record<LabDeviceList['store']['kind'], string> = { keychain: 'ok-box', weak: 'warn-box', unavailable: 'error-box' };

export function Devices() {
  const [listing, setListing] = useState<LabDeviceList>();
  const [sessions, setSessions] = useState<MfaSessionView[]>([]);
  const [failure, setFailure] = useState<string>();

  const reload = useCallback(() => {
    bridge()
      .labDeviceList()
      .then(setListing, (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, []);

  useEffect(() => {
    reload();
    bridge().getState().then((state) => setSessions(state.sessions), () => setSessions([]));
    // Imports, removals and renewals push a new state: the devices' sessions and flags follow it.
    return bridge().onStateChanged((state) => {
      setSessions(state.sessions);
      reload();
    });
  }, [reload]);

  if (failure) return <p role="alert" className="error-text">Could not load the lab devices: {failure}</p>;
  if (!listing) return <p className="loading" role="status">Loading lab devices…</p>;
  return <DevicesView listing={listing} sessions={sessions} reload={reload} />;
}

function DevicesView({ listing, sessions, reload }: { listing: LabDeviceList; sessions: MfaSessionView[]; reload: () => void }) {
  const now = useLiveNow(0);
  const [status, show] = useStatus();
  const [busySerial, setBusySerial] = useState<string>();
  const devicesTitle = useRef<HTMLHeadingElement>(null);
  const readySerials = useMemo(() => listing.devices.filter((device) => device.state === 'ready').map((device) => device.serial), [listing]);
  const codes = useLabCodes(readySerials, now);
  const knownSerials = useMemo(() => [...new Set(sessions.flatMap((session) => (session.device ? [session.device] : [])))], [sessions]);
  const sourceProfiles = useMemo(() => [...new Set(sessions.map((session) => session.source))].sort(), [sessions]);

  const report = useCallback(
    (result: ActionResult) => {
      show(result);
      reload();
    },
    [show, reload],
  );
  const act = (serial: string, call: () => Promise<ActionResult>, after?: (result: ActionResult) => void) => {
    setBusySerial(serial);
    call()
      .then(
        (result) => {
          report(result);
          after?.(result);
        },
        (error: unknown) => show({ ok: false, message: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => setBusySerial(undefined));
  };
  // A removed device's card (and the focused button in it) goes away: focus moves to the list's heading.
  const focusList = (result: ActionResult) => result.ok && devicesTitle.current?.focus();

  return (
    <div className="app">
      <header className="topbar">
        <h1>Lab devices</h1>
        <span className="badge lab">Lab accounts only</span>
        <p className="muted summary">
          {listing.devices.length} {listing.devices.length === 1 ? 'device' : 'devices'}
        </p>
        <nav className="topbar-actions" aria-label="Lab devices navigation">
          <a className="button" href="#/dashboard">
            Back to dashboard
          </a>
          <a className="button" href="#/settings">
            Settings
          </a>
        </nav>
      </header>
      <main className="page narrow">
        <p className="lab-warning">
          Here MFA Tray acts as the virtual MFA device itself: it keeps the device's secret and makes its codes. A second factor kept on the same machine
          is no second factor, so use this for <strong>test and lab accounts only</strong>, never for accounts that protect real code or data.
        </p>
        <div className={STORE_BOX[listing.store.kind]} data-testid="secret-store">
          <p>
            <strong>{listing.store.kind === 'keychain' ? 'Secret store: OS keychain.' : listing.store.kind === 'weak' ? 'Secret store: weak.' : 'Secret store: none.'}</strong>{' '}
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
                  busy={busySerial === device.serial}
                  onCopy={(serial) => act(serial, () => bridge().labDeviceCopyCode({ serial }))}
                  onFinish={(serial) => act(serial, () => bridge().labDeviceFinish({ serial }))}
                  onRemove={(serial) => act(serial, () => bridge().labDeviceRemove({ serial }), focusList)}
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
