// Step 7: the exact lines each file gains or changes (secrets masked), then the write, then what to do next:
// renew once, test the roles, clone the repository.
import { useEffect, useState } from 'react';
import type { WizardPlan, WizardPreview, WizardRoleCheck } from '../../../electron/shared/contract';
import { bridge } from '../common/bridge';
import type { RepositoryForm } from './RepositoryStep';

interface Props {
  plan: WizardPlan;
  repository: RepositoryForm;
  onWritten: (written: boolean) => void;
}

type Write = { state: 'idle' } | { state: 'writing' } | { state: 'done'; message: string; backups: string[] } | { state: 'failed'; message: string };

export function ReviewStep({ plan, repository, onWritten }: Props) {
  const [preview, setPreview] = useState<WizardPreview>();
  const [write, setWrite] = useState<Write>({ state: 'idle' });
  const [after, setAfter] = useState<string>();
  const [roleCheck, setRoleCheck] = useState<WizardRoleCheck>();

  useEffect(() => {
    let current = true;
    bridge()
      .wizardPreview(plan)
      .then((answer) => current && setPreview(answer))
      .catch((error: unknown) => current && setPreview({ ok: false, message: String(error), files: [], profiles: [], warnings: [] }));
    return () => {
      current = false;
    };
  }, [plan]);

  const apply = () => {
    setWrite({ state: 'writing' });
    bridge()
      .wizardApply({ plan, previewId: preview?.previewId })
      .then((result) => {
        setWrite(result.ok ? { state: 'done', message: result.message, backups: result.backups } : { state: 'failed', message: result.message });
        onWritten(result.ok);
      })
      .catch((error: unknown) => setWrite({ state: 'failed', message: String(error) }));
  };
  const renew = () => void bridge().openTokenDialog({ target: plan.targetProfile }).then((result) => setAfter(result.message));
  const testRoles = () => void bridge().wizardCheckRoles({ targetProfile: plan.targetProfile, roles: plan.roles }).then(setRoleCheck);
  const clone = () =>
    void bridge()
      .wizardSetUpRepository({ ...repository, sourceProfile: plan.sourceProfile, targetProfile: plan.targetProfile })
      .then((result) => setAfter(result.message));

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
          <div className={roleCheck.sessionState === 'valid' && roleCheck.results.every((r) => r.ok) ? 'ok-box' : 'error-box'} data-testid="wizard-role-check">
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
      <p className="why">Nothing is written until you confirm: these are the only lines that change; everything else in your files stays as it is.</p>
      {!preview.ok && (
        <p role="alert" className="error-box">
          {preview.message}
        </p>
      )}
      <ul className="plain">
        {preview.profiles.map((profile) => (
          <li key={profile.profile}>
            <span className="mono">{profile.profile}</span>: {profile.action === 'create' ? 'new profile' : profile.action === 'update' ? 'updated' : 'unchanged'}
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
            <span className="mono">{file.file}</span> <span className="muted">({file.existsNow ? `${file.fileRole} file` : `new ${file.fileRole} file`})</span>
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
