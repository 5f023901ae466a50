// Step 2: the IAM user's long-term keys, typed or from the console's CSV, checked live with GetCallerIdentity.
// The secret goes to main once (wizardSetKeys) and never comes back.
import { useEffect, useState } from 'react';
import { type WizardKeysResult, type WizardStart } from '../../../electron/shared/contract';
import { AccessKeyIdSchema, SecretAccessKeySchema } from '../../../electron/shared/vocabulary';
import type { Bridge } from '../common/bridge';
import { Field } from '../common/Field';
import { useBridgeCall } from '../common/use-bridge-call';

type Mode = 'typed' | 'csv' | 'existing';

/** Wait this long after the last keystroke before asking STS, so typing does not fire a call per character. */
const CHECK_DELAY_MS = 400;

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.success ? undefined : result.error?.issues[0]?.message;
}

interface Props {
  existing: WizardStart['existing'];
  sourceProfile: string;
  result: WizardKeysResult | undefined;
  onResult: (result: WizardKeysResult | undefined, keys: 'new' | 'keep') => void;
}

export function KeysStep({ existing, sourceProfile, result, onResult }: Props) {
  const [mode, setMode] = useState<Mode>(existing?.accessKeyId ? 'existing' : 'typed');
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [csv, setCsv] = useState('');
  // A check that could not run reads as an unreachable STS: the result box says why and Next stays disabled.
  const { run, pending: checking } = useBridgeCall((failure) =>
    onResult({ ok: false, kind: 'unreachable', message: failure.message, mfaDevices: [] }, 'new'),
  );

  const idError = accessKeyId ? firstIssue(AccessKeyIdSchema.safeParse(accessKeyId)) : undefined;
  const secretError = secret ? firstIssue(SecretAccessKeySchema.safeParse(secret)) : undefined;

  useEffect(() => {
    let request: Parameters<Bridge['wizardSetKeys']>[0] | undefined;
    if (mode === 'typed' && accessKeyId && secret && !idError && !secretError)
      request = { source: 'typed', accessKeyId, secretAccessKey: secret };
    if (mode === 'csv' && csv.trim()) request = { source: 'csv', text: csv };
    if (mode === 'existing' && existing) request = { source: 'existing', profile: existing.sourceProfile };
    if (!request) return;
    const chosen = request;
    let cancel: (() => void) | undefined;
    const timer = setTimeout(() => {
      cancel = run(
        'Could not check the key',
        (api) => api.wizardSetKeys(chosen),
        (answer) => onResult(answer, mode === 'existing' ? 'keep' : 'new'),
      );
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      cancel?.();
    };
  }, [mode, accessKeyId, secret, csv, idError, secretError, existing, onResult, run]);

  const choose = (next: Mode) => {
    setMode(next);
    onResult(undefined, next === 'existing' ? 'keep' : 'new');
  };

  return (
    <>
      <p className="why">
        MFA Tray signs the MFA request with your IAM user's own access key; it checks the key with AWS right away.
      </p>
      <fieldset className="choices">
        <legend>Where are your keys?</legend>
        <label>
          <input type="radio" name="keys-mode" checked={mode === 'typed'} onChange={() => choose('typed')} /> I'll paste
          the access key ID and secret
        </label>
        <label>
          <input type="radio" name="keys-mode" checked={mode === 'csv'} onChange={() => choose('csv')} /> I have the CSV
          file from the IAM console
        </label>
        {existing?.accessKeyId && (
          <label>
            <input type="radio" name="keys-mode" checked={mode === 'existing'} onChange={() => choose('existing')} />{' '}
            Keep the key already in {existing.sourceProfile} (<span className="mono">{existing.accessKeyId}</span>)
          </label>
        )}
      </fieldset>
      {mode === 'typed' && (
        <>
          <Field
            id="access-key-id"
            label="Access key ID"
            why="Starts with AKIA: a long-term key of your IAM user."
            value={accessKeyId}
            onValue={(value) => setAccessKeyId(value.trim())}
            error={idError}
          />
          <Field
            id="secret-access-key"
            label="Secret access key"
            why={`Stored only in your AWS credentials file, under ${sourceProfile}.`}
            type="password"
            value={secret}
            onValue={(value) => setSecret(value.trim())}
            error={secretError}
          />
        </>
      )}
      {mode === 'csv' && (
        <>
          <div className="field">
            <label htmlFor="keys-csv-pick">Access key CSV file</label>
            <input
              id="keys-csv-pick"
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => event.target.files?.[0]?.text().then(setCsv)}
            />
          </div>
          <div className="field">
            <label htmlFor="keys-csv">…or paste its contents</label>
            <textarea
              id="keys-csv"
              rows={3}
              value={csv}
              onChange={(event) => setCsv(event.target.value)}
              spellCheck={false}
            />
          </div>
        </>
      )}
      <div
        role="status"
        className={result ? (result.ok ? 'ok-box' : 'error-box') : 'error-box empty'}
        data-testid="keys-result"
      >
        {checking && !result && <p>Checking the key with AWS…</p>}
        {result && (
          <>
            <p>{result.message}</p>
            {result.ok && result.userArn && (
              <p>
                IAM user <span className="mono">{result.userArn}</span> in account{' '}
                <span className="mono">{result.accountId}</span>.
              </p>
            )}
          </>
        )}
      </div>
    </>
  );
}
