// The token form as drawn: the session's facts, the lab device choice, the code field with its help, the error
// box with the outcome's advice (and the countdown after "already used"), and the buttons. use-token-ts
// holds what it does.
import type { TokenDialogContext } from '../../../electron/shared/contract';
import { formatClock, formatDuration, formatSpan } from '../../../electron/shared/time-format';
import { StatusMessage } from '../common/StatusMessage';
import { CODE_LENGTH } from './code-input';
import { useTokenForm } from './use-token-form';

export function TokenForm({ context }: { context: TokenDialogContext }) {
  const { input, ...form } = useTokenForm(context);
  const { phase, now, failed, advice, waiting, busy } = form;
  const done = phase.kind === 'succeeded';

  return (
    <main className="dialog" aria-labelledby="dialog-title">
      <h1 id="dialog-title">Renew MFA session</h1>
      <dl className="facts">
        <dt>Profile</dt>
        <dd className="mono" data-testid="dialog-target">
          {context.target}
        </dd>
        <dt>MFA device</dt>
        <dd className="mono">{context.device ?? 'none set (mfa_serial is missing)'}</dd>
        <dt>New session lasts</dt>
        <dd>
          {formatDuration(context.durationSeconds)}{' '}
          <span className="muted">
            (until about {formatClock(new Date(now + context.durationSeconds * 1000).toISOString(), now)})
          </span>
        </dd>
        {context.expiration && (
          <>
            <dt>Current session</dt>
            <dd>
              {Date.parse(context.expiration) > now
                ? `expires ${formatClock(context.expiration, now)}`
                : `expired ${formatClock(context.expiration, now)}`}
            </dd>
          </>
        )}
      </dl>
      {context.labDevice && <p className="badge lab">Lab device: MFA Tray holds this device's secret.</p>}
      {context.labDevice && !done && (
        <div className="lab-choice">
          <button type="button" onClick={form.renewWithLabDevice} disabled={busy} aria-describedby="lab-choice-why">
            {busy && form.usingLab ? 'Waiting for the lab device…' : 'Use lab device'}
          </button>
          <p id="lab-choice-why" className="muted small">
            Lab accounts only: MFA Tray makes the code itself. If this 30-second window's code was already used, it
            waits for the next window (up to 30 s).
          </p>
        </div>
      )}

      {done ? (
        <div className="success" role="status">
          <p>
            <strong>{phase.result.kind === 'still-valid' ? 'Still valid' : 'Renewed'}</strong>
            {phase.result.expiration ? ` until ${formatClock(phase.result.expiration, now)}.` : '.'}
          </p>
          <p className="muted">{phase.result.message}</p>
        </div>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            form.submitTyped();
          }}
        >
          <label htmlFor="code">6-digit code from your authenticator</label>
          <input
            id="code"
            ref={input}
            className="code-input"
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            maxLength={CODE_LENGTH + 6}
            value={form.code}
            onChange={(event) => form.change(event.target.value)}
            disabled={busy}
            aria-invalid={failed?.result.kind === 'wrong-code' ? true : undefined}
            aria-describedby="code-help dialog-error"
            spellCheck={false}
          />
          <p id="code-help" className="muted small">
            {form.hint ||
              (busy ? 'Checking with AWS…' : 'Paste or type it: the dialog sends it as soon as all 6 digits are in.')}
          </p>
          <div id="dialog-error" role="alert" className={failed ? 'error-box' : 'error-box empty'}>
            {failed && advice && (
              <>
                <p>
                  <strong>{advice.title}.</strong> {failed.result.message}
                </p>
                {advice.advice && <p>{advice.advice}</p>}
                {waiting && (
                  <p data-testid="retry-countdown">
                    A new code is ready in {formatSpan(form.waitUntil - now, { precision: 'second' })}.
                  </p>
                )}
              </>
            )}
          </div>
          <div className="buttons">
            <button type="button" onClick={form.close}>
              Cancel
            </button>
            {advice?.next === 'fix-files' && (
              <button type="button" onClick={form.openFolder}>
                Open AWS folder
              </button>
            )}
            {advice?.next === 'retry' && failed && (
              <button type="button" onClick={form.retry} disabled={busy}>
                Retry
              </button>
            )}
            <button type="submit" className="primary" disabled={busy || waiting}>
              {busy ? 'Renewing…' : 'Renew'}
            </button>
          </div>
        </form>
      )}
      <StatusMessage status={form.status} />
    </main>
  );
}
