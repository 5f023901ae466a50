// Create a new virtual MFA device for a lab account's IAM user (CreateVirtualMFADevice, then EnableMFADevice with
// two consecutive codes, which takes up to a minute) and point the source profile's mfa_serial at it.
import { useState, type FormEvent } from 'react';
import {
  LabDeviceCreateRequestSchema,
  type LabDeviceResult,
  type LabSecretStore,
} from '../../../electron/shared/contract';
import { Field } from '../common/Field';
import { useBridgeCall } from '../common/use-bridge-call';
import { WEAK_STORE_REQUIRED, WeakStoreChoice } from './WeakStoreChoice';

const deviceNameSchema = LabDeviceCreateRequestSchema.shape.deviceName;

interface Props {
  store: LabSecretStore;
  /** Profiles with long-term keys that sign the MFA sessions (the sessions' sources). */
  sourceProfiles: readonly string[];
  now: number;
  onResult(result: LabDeviceResult): void;
}

export function CreateForm({ store, sourceProfiles, now, onResult }: Props) {
  const [picked, setSource] = useState('');
  const [name, setName] = useState('');
  const [acceptWeak, setAcceptWeak] = useState(false);
  const [tried, setTried] = useState(false);
  const [startedAt, setStartedAt] = useState(0);
  // The parent shows the outcome either way; a rejected call reads as the answer of a failed creation.
  const { run, pending: busy } = useBridgeCall((failure) => onResult({ ...failure, kind: 'aws-error' }));

  // The profiles arrive with the state, after the first render: until the user picks, the first one is chosen.
  const source = sourceProfiles.includes(picked) ? picked : (sourceProfiles[0] ?? '');
  const nameCheck = deviceNameSchema.safeParse(name);
  const nameError = (tried || name !== '') && !nameCheck.success ? nameCheck.error.issues[0]?.message : undefined;
  const weakError = tried && store.kind === 'weak' && !acceptWeak ? WEAK_STORE_REQUIRED : undefined;
  const unusable = store.kind === 'unavailable' || sourceProfiles.length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (busy || !source || !nameCheck.success || (store.kind === 'weak' && !acceptWeak)) return;
    setStartedAt(Date.now());
    run(
      'Could not create the device',
      (api) => api.labDeviceCreate({ sourceProfile: source, deviceName: nameCheck.data, acceptWeakStore: acceptWeak }),
      (result) => {
        onResult(result);
        if (result.ok) {
          setName('');
          setAcceptWeak(false);
          setTried(false);
        }
      },
    );
  };

  return (
    <form className="device-form" onSubmit={submit} aria-labelledby="create-title" aria-busy={busy} noValidate>
      <h2 id="create-title">Create a new lab device</h2>
      <p className="why">
        MFA Tray creates a virtual MFA device for the IAM user whose keys the profile holds, enables it, and sets the
        profile's mfa_serial to it. The device's secret never leaves MFA Tray.
      </p>
      {sourceProfiles.length === 0 && (
        <p className="muted">
          No profile with long-term keys signs an MFA session yet: set one up with the wizard first.
        </p>
      )}
      <fieldset disabled={unusable}>
        <legend>New device</legend>
        <div className="field">
          <label htmlFor="create-source">Profile with the IAM user's keys</label>
          <select
            id="create-source"
            value={source}
            onChange={(event) => setSource(event.target.value)}
            aria-describedby="create-source-why"
          >
            {sourceProfiles.map((profile) => (
              <option key={profile} value={profile}>
                {profile}
              </option>
            ))}
          </select>
          <p className="why" id="create-source-why">
            Its mfa_serial is changed to the new device once the device is enabled.
          </p>
        </div>
        <Field
          id="create-name"
          label="Device name in IAM"
          why="Letters, digits and +=,.@_-; unique in the account."
          value={name}
          onValue={setName}
          error={nameError}
          placeholder="MyRepositoryUser-lab"
        />
        <WeakStoreChoice
          id="create-accept-weak"
          store={store}
          accepted={acceptWeak}
          error={weakError}
          onChange={setAcceptWeak}
        />
      </fieldset>
      <div className="buttons left">
        {/* Never disabled while busy: focus stays on it and a second press is ignored. */}
        <button
          type="submit"
          className="primary"
          disabled={unusable}
          aria-disabled={busy || undefined}
          aria-describedby="create-progress"
        >
          {busy ? 'Creating…' : 'Create and enable'}
        </button>
      </div>
      <p id="create-progress" className="muted small" role="status">
        {busy &&
          'Creating the device in IAM and enabling it with two consecutive codes: this waits for the next 30-second window, up to a minute.'}
      </p>
      {busy && (
        // Outside the live region: the seconds would otherwise be read out every second.
        <div className="create-progress">
          <progress aria-label="Creating the lab device" />
          <span className="muted small">{Math.max(0, Math.round((now - startedAt) / 1000))} s so far</span>
        </div>
      )}
    </form>
  );
}
