// Step 4: how long a session lasts and what the two profiles are called.
import { SESSION_DURATION } from '../../../electron/shared/vocabulary';
import { formatDuration } from '../../../electron/shared/time-format';
import { Field } from '../common/Field';
import type { WizardForm } from './plan';

interface Props {
  form: WizardForm;
  problems: Record<string, string>;
  onChange: (change: Partial<WizardForm>) => void;
}

export function NamesStep({ form, problems, onChange }: Props) {
  if (form.layout === 'mfa-on-role')
    return (
      <>
        <p className="why" data-testid="layout-note">
          Your team file asks for AWS's documented MFA layout: each role profile names your MFA device (mfa_serial) and
          signs with the long-term keys below; there is no session profile. MFA Tray renews each role (one code can
          renew them all) into the AWS CLI's cache, so the AWS CLI and git do not ask for codes.
        </p>
        <Field
          id="source-profile"
          label="Profile with your long-term keys"
          value={form.sourceProfile}
          onValue={(sourceProfile) => onChange({ sourceProfile })}
          error={problems.sourceProfile}
        />
      </>
    );
  return (
    <>
      <p className="why">
        One profile keeps your long-term keys, the other receives each day's MFA session, so tools never see the
        long-term keys.
      </p>
      <Field
        id="duration-hours"
        label="Session length (hours)"
        why={`Your team's policy accepts an MFA sign-in for ${formatDuration(form.maxMfaAgeSeconds)}; a session must not outlast that.`}
        type="number"
        min={SESSION_DURATION.min / 3600}
        max={SESSION_DURATION.max / 3600}
        step={0.25}
        value={form.durationHours}
        onValue={(durationHours) => onChange({ durationHours })}
        error={problems.durationSeconds}
      />
      <Field
        id="source-profile"
        label="Profile with your long-term keys"
        value={form.sourceProfile}
        onValue={(sourceProfile) => onChange({ sourceProfile })}
        error={problems.sourceProfile}
      />
      <Field
        id="target-profile"
        label="Profile that receives the MFA session"
        value={form.targetProfile}
        onValue={(targetProfile) => onChange({ targetProfile })}
        error={problems.targetProfile}
      />
    </>
  );
}
