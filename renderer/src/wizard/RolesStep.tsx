// Step 5: the roles reached through the MFA session (e.g. the repository's contributor role), each with its own profile.
import { useState } from 'react';
import type { WizardRoleCheck } from '../../../electron/shared/contract';
import { Field } from '../common/Field';
import { useBridgeCall } from '../common/use-bridge-call';
import { planFromForm, type RoleForm, type WizardForm } from './plan';

interface Props {
  form: WizardForm;
  problems: Record<string, string>;
  onRoles: (roles: RoleForm[]) => void;
}

export function RolesStep({ form, problems, onRoles }: Props) {
  const [check, setCheck] = useState<WizardRoleCheck>();
  const update = (index: number, change: Partial<RoleForm>) =>
    onRoles(form.roles.map((role, at) => (at === index ? { ...role, ...change } : role)));
  const plan = planFromForm(form);

  // The check's own box shows a check that could not run, like one that ran.
  const { run } = useBridgeCall((failure) =>
    setCheck({ sessionState: 'missing', message: failure.message, results: [] }),
  );
  const checkRoles = () =>
    run(
      'Could not test the roles',
      (api) => api.wizardCheckRoles({ targetProfile: plan.targetProfile, roles: plan.roles }),
      setCheck,
    );

  return (
    <>
      <p className="why">
        {form.layout === 'mfa-on-role'
          ? 'Each role gets a profile that tools use directly: it names your MFA device, and MFA Tray renews it (one code can renew all of them) into the AWS CLI’s cache.'
          : 'Each role gets a profile that tools use directly: it assumes the role with your MFA session, so access keeps working all day.'}
      </p>
      {form.roles.length === 0 && (
        <p className="muted">No roles yet. Add the role your administrator named, or go on without one.</p>
      )}
      {form.roles.map((role, index) => (
        <fieldset key={index} className="role-form">
          <legend>Role {index + 1}</legend>
          <Field
            id={`role-${index}-profile`}
            label="Profile name"
            value={role.profile}
            onValue={(profile) => update(index, { profile })}
            error={problems[`roles.${index}.profile`]}
          />
          <Field
            id={`role-${index}-arn`}
            label="Role ARN"
            value={role.roleArn}
            onValue={(roleArn) => update(index, { roleArn })}
            error={role.roleArn ? problems[`roles.${index}.roleArn`] : undefined}
            placeholder="arn:aws:iam::123456789012:role/NAME"
          />
          <Field
            id={`role-${index}-region`}
            label="Region"
            value={role.region}
            onValue={(region) => update(index, { region })}
            error={problems[`roles.${index}.region`]}
            placeholder="eu-west-1"
          />
          <button
            type="button"
            onClick={() => onRoles(form.roles.filter((_, at) => at !== index))}
            aria-label={`Remove role ${index + 1}`}
          >
            Remove
          </button>
        </fieldset>
      ))}
      <div className="buttons left">
        <button
          type="button"
          onClick={() => onRoles([...form.roles, { profile: '', roleArn: '', region: form.roles[0]?.region ?? '' }])}
        >
          Add a role
        </button>
        {/* Testing a role needs an MFA session; with mfa_serial on the roles, the first renewal is the test. */}
        {form.roles.length > 0 && form.layout !== 'mfa-on-role' && (
          <button type="button" onClick={checkRoles}>
            Test the roles now
          </button>
        )}
      </div>
      <div
        role="status"
        className={
          check
            ? check.sessionState === 'valid' && check.results.every((r) => r.ok)
              ? 'ok-box'
              : 'error-box'
            : 'error-box empty'
        }
      >
        {check && (
          <>
            <p>{check.message}</p>
            <ul>
              {check.results.map((result) => (
                <li key={result.profile}>
                  <span className="mono">{result.profile}</span>: {result.ok ? '✓ ' : '✗ '}
                  {result.message}
                </li>
              ))}
            </ul>
            {check.sessionState !== 'valid' && (
              <p className="muted">You can test the roles after the last step, once the MFA session exists.</p>
            )}
          </>
        )}
      </div>
    </>
  );
}
