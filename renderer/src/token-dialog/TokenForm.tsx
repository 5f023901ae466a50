// The token form as drawn: the session's facts, the lab device choice, the code field with its help, the error
// box with the outcome's advice (and the countdown after "already used"), and the buttons. use-token-ts
// holds what it does.
import type { TokenDialogContext } from '../../../electron/shared/contract';
import { formatClock, formatDuration, formatSpan, formatTimeLeft } from '../../../electron/shared/time-format';
import { showsMessage } from './advice';
import { StatusMessage } from '../common/StatusMessage';
import { CODE_LENGTH } from './code-input';
import { useTokenForm } from './use-token-form';

const TITLES: Record<NonNullable<TokenDialogContext['kind']>, string> = {
  'mfa-session': 'Renew MFA session',
  'mfa-role': 'Renew MFA role',
  'device-roles': 'Renew all roles of this device',
};

export function TokenForm({ context }: { context: TokenDialogContext }) {
  const { input, ...form } = useTokenForm(context);
  const { phase, now, failed, advice, waiting, busy } = form;
  const done = phase.kind === 'succeeded';

  return (
    <main className="dialog" aria-labelledby="dialog-title">
      <h1 id="dialog-title">{TITLES[context.kind ?? 'mfa-session']}</h1>
      {context.requestedBy && (
        <p className="requested-by" data-testid="requested-by">
          Requested by <strong>{context.requestedBy.caller}</strong>
          {context.requestedBy.others > 0 && ` and ${context.requestedBy.others} more`}
        </p>
      )}
      <dl className="facts">
        <dt>{context.roles ? 'Roles (one code)' : 'Profile'}</dt>
        <dd className="mono" data-testid="dialog-target">
          {context.roles ? context.roles.join(', ') : context.target}
        </dd>
        <dt>MFA device</dt>
        <dd className="mono">{context.device ? <Arn arn={context.device} /> : 'none set (mfa_serial is missing)'}</dd>
        <dt>{context.kind === undefined || context.kind === 'mfa-session' ? 'New session' : 'Role credentials'}</dt>
        <dd>
          {formatDuration(context.durationSeconds)}{' '}
          <span className="muted">(until {formatClock(now + context.durationSeconds * 1000, now)})</span>
        </dd>
        {context.expiration && (
          <>
            <dt>{context.kind === undefined || context.kind === 'mfa-session' ? 'Current session' : 'Cached until'}</dt>
            <dd>
              {Date.parse(context.expiration) > now
                ? `expires ${formatClock(context.expiration, now)}`
                : `expired ${formatClock(context.expiration, now)}`}
            </dd>
          </>
        )}
      </dl>
      {context.labDevice && !done && (
        <div className="lab-choice">
          <button type="button" onClick={form.renewWithLabDevice} disabled={busy} aria-describedby="lab-choice-why">
            {busy && form.usingLab ? 'Waiting for the lab device…' : 'Use lab device'}
          </button>
          <p id="lab-choice-why" className="muted small">
            <span className="badge lab">lab only</span> MFA Tray holds this device's secret and makes the code (it waits
            up to 30 s if this window's code was used).
          </p>
        </div>
      )}

      {done ? (
        <div className="success">
          <p role="status">
            <strong>{phase.result.kind === 'still-valid' ? 'Still valid' : 'Renewed'}</strong>
            {phase.result.expiration
              ? ` until ${formatClock(phase.result.expiration, now)} (${formatTimeLeft(Date.parse(phase.result.expiration), now)} left).`
              : '.'}
          </p>
          <div className="buttons">
            {form.closesAt > 0 ? (
              <p className="muted small closing" data-testid="closing-countdown">
                Closes in {formatSpan(form.closesAt - now, { precision: 'second' })}
              </p>
            ) : (
              <p className="muted small closing">Stays open until you close it.</p>
            )}
            <button type="button" onClick={form.close}>
              Close
            </button>
          </div>
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
            {form.hint || (busy ? 'Checking with AWS…' : 'Paste or type it: it is sent once all 6 digits are in.')}
          </p>
          <div id="dialog-error" role="alert" className={failed ? 'error-box' : 'error-box empty'}>
            {failed && advice && (
              <>
                <p>
                  <strong>{advice.title}.</strong>{' '}
                  {showsMessage(failed.result, advice) ? failed.result.message : advice.advice}
                </p>
                {showsMessage(failed.result, advice) && advice.advice && <p>{advice.advice}</p>}
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

/** An ARN that wraps after its account ("arn:aws:iam::111111111111:" / "mfa/name"), never inside a name. */
function Arn({ arn }: { arn: string }) {
  const at = arn.lastIndexOf(':') + 1;
  return (
    <span title={arn}>
      {arn.slice(0, at)}
      <wbr />
      {arn.slice(at)}
    </span>
  );
}
