// The explicit, per-device choice to keep a secret in a weak store (Linux without a keychain): unchecked by default.
import type { LabSecretStore } from '../../../electron/shared/contract';

interface Props {
  id: string;
  store: LabSecretStore;
  accepted: boolean;
  error: string | undefined;
  onChange(accepted: boolean): void;
}

export const WEAK_STORE_REQUIRED =
  'Tick this to store the device in the weak store, or use MFA Tray where an OS keychain is available.';

export function WeakStoreChoice({ id, store, accepted, error, onChange }: Props) {
  if (store.kind !== 'weak') return null;
  return (
    <div className="field check">
      <input
        id={id}
        type="checkbox"
        checked={accepted}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-why ${id}-error`}
        aria-invalid={error ? true : undefined}
      />
      <label htmlFor={id}>Keep this device's secret in the weak store ({store.name})</label>
      <p className="why" id={`${id}-why`}>
        Any program running as you could read it there. Accept only for a throwaway lab account.
      </p>
      <p className="field-error" id={`${id}-error`}>
        {error}
      </p>
    </div>
  );
}
