// Step 6 (optional): the CodeCommit repository to clone over HTTPS once the profiles exist, and who signs git's
// requests: MFA Tray's helper (the default) or the AWS CLI's, as the AWS blog sets it up.
import { useState } from 'react';
import type { GitCredentialHelperChoice } from '../../../electron/shared/contract';
import { RegionSchema, RepositoryNameSchema } from '../../../electron/shared/vocabulary';
import { Field } from '../common/Field';
import { useBridgeCall, type Failure } from '../common/use-bridge-call';
import { repositoryFromUrl } from './repository-url';

export interface RepositoryForm {
  enabled: boolean;
  name: string;
  region: string;
  roleProfile: string;
  parentFolder: string;
  credentialHelper: GitCredentialHelperChoice;
}

const HELPERS: { value: GitCredentialHelperChoice; label: string; detail: string }[] = [
  {
    value: 'mfa-tray',
    label: 'MFA Tray',
    detail: 'mfa-tray git-credential signs for CodeCommit itself: no Python AWS CLI started for each fetch and push.',
  },
  {
    value: 'aws-cli',
    label: 'The AWS CLI',
    detail: 'aws codecommit credential-helper, as in the AWS blog; MFA Tray renews the session before it runs.',
  },
];

export function repositoryProblems(form: RepositoryForm, roleProfiles: readonly string[]): Record<string, string> {
  if (!form.enabled) return {};
  const problems: Record<string, string> = {};
  const name = RepositoryNameSchema.safeParse(form.name);
  if (!name.success) problems.name = name.error.issues[0]?.message ?? 'Invalid name';
  const region = RegionSchema.safeParse(form.region);
  if (!region.success) problems.region = region.error.issues[0]?.message ?? 'Invalid region';
  if (!roleProfiles.includes(form.roleProfile))
    problems.roleProfile = 'Choose one of the role profiles from the previous step';
  if (!form.parentFolder.trim()) problems.parentFolder = 'Choose a folder for the repository';
  return problems;
}

interface Props {
  form: RepositoryForm;
  roleProfiles: readonly string[];
  onChange: (change: Partial<RepositoryForm>) => void;
  /** The wizard's status line, for a folder picker that could not open. */
  report: (failure: Failure) => void;
}

export function RepositoryStep({ form, roleProfiles, onChange, report }: Props) {
  const problems = repositoryProblems(form, roleProfiles);
  const { run } = useBridgeCall(report);
  const [urlNote, setUrlNote] = useState<string>();
  const nameOrUrl = (text: string) => {
    const pasted = repositoryFromUrl(text, roleProfiles);
    setUrlNote(pasted?.note);
    onChange(pasted?.change ?? { name: text });
  };
  const pick = () =>
    run(
      'Could not open the folder picker',
      (api) => api.wizardPickFolder(),
      (answer) => answer.ok && answer.folder && onChange({ parentFolder: answer.folder }),
    );
  return (
    <>
      <p className="why">
        Cloning over HTTPS with the role profile makes every git push and pull use your MFA session. When it has
        expired, git asks for your MFA code in the terminal and carries on; `git mfa` renews it by hand.
      </p>
      <div className="field check">
        <input
          id="repo-enabled"
          type="checkbox"
          checked={form.enabled}
          onChange={(event) => onChange({ enabled: event.target.checked })}
        />
        <label htmlFor="repo-enabled">Clone a repository after the profiles are written</label>
      </div>
      {form.enabled && (
        <>
          <Field
            id="repo-name"
            label="Repository name"
            value={form.name}
            onValue={nameOrUrl}
            error={form.name ? problems.name : undefined}
          />
          <p className="muted">
            A clone URL works too: HTTPS, or git-remote-codecommit&apos;s codecommit::REGION://PROFILE@NAME.
          </p>
          {urlNote && (
            <p className="why" role="note" data-testid="repo-url-note">
              {urlNote}
            </p>
          )}
          <Field
            id="repo-region"
            label="Region"
            value={form.region}
            onValue={(region) => onChange({ region })}
            error={form.region ? problems.region : undefined}
          />
          <div className="field">
            <label htmlFor="repo-role">Role profile git signs with</label>
            <select
              id="repo-role"
              value={form.roleProfile}
              onChange={(event) => onChange({ roleProfile: event.target.value })}
              aria-describedby="repo-role-error"
            >
              <option value="">Choose…</option>
              {roleProfiles.map((profile) => (
                <option key={profile} value={profile}>
                  {profile}
                </option>
              ))}
            </select>
            <p id="repo-role-error" className="field-error">
              {form.roleProfile ? problems.roleProfile : undefined}
            </p>
          </div>
          <fieldset className="field">
            <legend>Who signs git&apos;s requests</legend>
            {HELPERS.map((helper) => (
              <div key={helper.value} className="check">
                <input
                  id={`repo-helper-${helper.value}`}
                  type="radio"
                  name="repo-helper"
                  value={helper.value}
                  checked={form.credentialHelper === helper.value}
                  onChange={() => onChange({ credentialHelper: helper.value })}
                  aria-describedby={`repo-helper-${helper.value}-detail`}
                />
                <label htmlFor={`repo-helper-${helper.value}`}>{helper.label}</label>
                <p id={`repo-helper-${helper.value}-detail`} className="muted">
                  {helper.detail}
                </p>
              </div>
            ))}
          </fieldset>
          <Field
            id="repo-folder"
            label="Clone into this folder"
            value={form.parentFolder}
            onValue={(parentFolder) => onChange({ parentFolder })}
          />
          <div className="buttons left">
            <button type="button" onClick={pick}>
              Choose folder…
            </button>
          </div>
        </>
      )}
    </>
  );
}
