// Step 3: which MFA device the codes come from (mfa_serial).
import type { WizardKeysResult } from '../../../electron/shared/contract';
import { Field } from '../common/Field';

interface Props {
  value: string;
  error: string | undefined;
  keys: WizardKeysResult | undefined;
  onValue: (value: string) => void;
}

export function DeviceStep({ value, error, keys, onValue }: Props) {
  const devices = keys?.mfaDevices ?? [];
  return (
    <>
      <p className="why">
        AWS checks each code against one device: the ARN of the virtual MFA device assigned to your IAM user.
      </p>
      {devices.length > 1 && (
        <fieldset className="choices">
          <legend>Devices assigned to your user</legend>
          {devices.map((device) => (
            <label key={device}>
              <input type="radio" name="device" checked={value === device} onChange={() => onValue(device)} />{' '}
              <span className="mono">{device}</span>
            </label>
          ))}
        </fieldset>
      )}
      {keys?.mfaDeviceNote && <p className="muted">{keys.mfaDeviceNote}</p>}
      <Field
        id="mfa-serial"
        label="MFA device ARN"
        value={value}
        onValue={onValue}
        error={value ? error : undefined}
        placeholder="arn:aws:iam::123456789012:mfa/NAME"
      />
    </>
  );
}
