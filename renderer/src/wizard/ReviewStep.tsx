// Step 7: the exact lines each file gains or changes (secrets masked), then the write, then what to do next:
// renew once, test the roles, clone the repository.
import { useEffect, useState } from 'react';
import type { WizardPlan, WizardPreview, WizardRoleCheck } from '../../../electron/shared/contract';
import { useBridgeCall } from '../common/use-bridge-call';
import type { RepositoryForm } from './RepositoryStep';

interface Props {
  plan: WizardPlan;
  repository: RepositoryForm;
  onWritten: (written: boolean) => void;
}

type Write =
  | { state: 'idle' }
  | { state: 'writing' }
  | { state: 'done'; message: string; backups: string[] }
  | { state: 'failed'; message: string };

export function ReviewStep({ plan, repository, onWritten }: Props) {
  const [preview, setPreview] = useState<WizardPreview>();
  const [write, setWrite] = useState<Write>({ state: 'idle' });
  const [after, setAfter] = useState<string>();
  const [roleCheck, setRoleCheck] = useState<WizardRoleCheck>();

  // The actions after the write (renew, test, clone) answer in the line below their buttons; so do their failures.
  const { run } = useBridgeCall((failure) => setAfter(failure.message));

  useEffect(() => {
    const cancel = run(
      'Could not prepare the changes',
      (api) => api.wizardPreview(plan),
      setPreview,
      (message) => setPreview({ ok: false, message, files: [], profiles: [], warnings: [] }),
    );
    // The preview of an earlier plan never replaces the current one.
    return cancel;
  }, [plan, run]);

  const apply = () => {
    setWrite({ state: 'writing' });
    run(
      'Could not write the changes',
      (api) => api.wizardApply({ plan, previewId: preview?.previewId }),
      (result) => {
        setWrite(
          result.ok
            ? { state: 'done', message: result.message, backups: result.backups }
            : { state: 'failed', message: result.message },
        );
        onWritten(result.ok);
      },
      (message) => setWrite({ state: 'failed', message }),
    );
  };
  const renew = () =>
    run(
      'Could not open the token dialog',
      (api) => api.openTokenDialog({ target: plan.targetProfile }),
      (result) => setAfter(result.message),
    );
  const testRoles = () =>
    run(
      'Could not test the roles',
      (api) => api.wizardCheckRoles({ targetProfile: plan.targetProfile, roles: plan.roles }),
      setRoleCheck,
    );
  const clone = () =>
    run(
      'Could not set up the repository',
      (api) =>
        api.wizardSetUpRepository({
          ...repository,
          sourceProfile: plan.sourceProfile,
          targetProfile: plan.targetProfile,
        }),
      (result) => setAfter(result.message),
    );

  if (!preview) return <p role="status">Preparing the changes…</p>;
  if (write.state === 'done') {
    return (
      <>
        <div className="ok-box" role="status">
          <p>{write.message}</p>
          {write.backups.length > 0 && (
            <p>
              Your earlier files are kept as{' '}
              {write.backups.map((backup) => (
                <span key={backup} className="mono">
                  {backup}{' '}
                </span>
              ))}
            </p>
          )}
        </div>
        <p className="why">Renew once now to create the MFA session; then the roles (and git) can use it.</p>
        <div className="buttons left">
          <button type="button" className="primary" onClick={renew}>
            Renew now…
          </button>
          {plan.roles.length > 0 && (
            <button type="button" onClick={testRoles}>
              Test the roles
            </button>
          )}
          {repository.enabled && (
            <button type="button" onClick={clone}>
              Clone {repository.name}
            </button>
          )}
        </div>
        <div role="status" className="muted" data-testid="wizard-after">
          {after}
        </div>
        {roleCheck && (
          <div
            className={
              roleCheck.sessionState === 'valid' && roleCheck.results.every((r) => r.ok) ? 'ok-box' : 'error-box'
            }
            data-testid="wizard-role-check"
          >
            <p>{roleCheck.message}</p>
            <ul>
              {roleCheck.results.map((result) => (
                <li key={result.profile}>
                  <span className="mono">{result.profile}</span>: {result.ok ? '✓ ' : '✗ '}
                  {result.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </>
    );
  }
  return (
    <>
      <p className="why">
        Nothing is written until you confirm: these are the only lines that change; everything else in your files stays
        as it is.
      </p>
      {!preview.ok && (
        <p role="alert" className="error-box">
          {preview.message}
        </p>
      )}
      <ul className="plain">
        {preview.profiles.map((profile) => (
          <li key={profile.profile}>
            <span className="mono">{profile.profile}</span>:{' '}
            {profile.action === 'create' ? 'new profile' : profile.action === 'update' ? 'updated' : 'unchanged'}
          </li>
        ))}
      </ul>
      {preview.warnings.map((warning) => (
        <p key={warning} className="warning-text">
          {warning}
        </p>
      ))}
      {preview.files.map((file) => (
        <section key={file.file} className="diff" aria-label={`Changes to ${file.file}`}>
          <h3>
            <span className="mono">{file.file}</span>{' '}
            <span className="muted">({file.existsNow ? `${file.fileRole} file` : `new ${file.fileRole} file`})</span>
          </h3>
          {file.hunks.map((hunk, index) => (
            <pre key={index} tabIndex={0} aria-label={`Change ${index + 1} in ${file.fileRole} file`}>
              {hunk.map((line, at) => (
                <span key={at} className={`diff-${line.kind}`}>
                  {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
                  {line.text}
                  {'\n'}
                </span>
              ))}
            </pre>
          ))}
        </section>
      ))}
      {write.state === 'failed' && (
        <p role="alert" className="error-box">
          {write.message}
        </p>
      )}
      <div className="buttons left">
        <button type="button" className="primary" onClick={apply} disabled={!preview.ok || write.state === 'writing'}>
          {write.state === 'writing' ? 'Writing…' : 'Write these changes'}
        </button>
      </div>
    </>
  );
}
