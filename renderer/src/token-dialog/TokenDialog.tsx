// The token dialog: one 6-digit field, submits itself at 6 digits, Enter/Esc, inline errors per outcome.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RenewResult, TokenDialogContext } from '../../../electron/shared/contract';
import { bridge } from '../common/bridge';
import { formatClock, formatDuration, formatRemaining } from '../common/format';
import { adviceFor } from './advice';
import { CODE_LENGTH, isCompleteCode, normalizeCode } from './code-input';

/** How long the success message stays before the dialog hides itself. */
const CLOSE_AFTER_SUCCESS_MS = 1600;

type Phase =
  | { kind: 'editing' }
  | { kind: 'submitting' }
  | { kind: 'failed'; result: RenewResult; at: number; code: string }
  | { kind: 'succeeded'; result: RenewResult };

export function TokenDialog({ target }: { target: string | undefined }) {
  const [context, setContext] = useState<TokenDialogContext>();
  const [loadError, setLoadError] = useState<string>();

  useEffect(() => {
    const unsubscribe = bridge().onTokenDialogRequested(setContext);
    const showError = (error: unknown) => setLoadError(error instanceof Error ? error.message : String(error));
    if (target) {
      bridge().getTokenDialogContext({ target }).then(setContext).catch(showError);
    } else {
      // Subscribed first, then asked: a request pushed while this window was still loading is not lost.
      bridge()
        .getRequestedTokenDialog()
        .then(({ context }) => context && setContext((current) => current ?? context))
        .catch(showError);
    }
    return unsubscribe;
  }, [target]);

  if (loadError) {
    return (
      <main className="dialog">
        <h1>Renew MFA session</h1>
        <p role="alert" className="error-text">
          {loadError}
        </p>
        <button type="button" onClick={() => void bridge().closeWindow()}>
          Close
        </button>
      </main>
    );
  }
  if (!context) return <p className="loading" role="status">Loading…</p>;
  // A new request (another session) starts a fresh form.
  return <TokenForm key={`${context.target}@${context.expiration ?? ''}`} context={context} />;
}

function TokenForm({ context }: { context: TokenDialogContext }) {
  const [code, setCode] = useState('');
  const [hint, setHint] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [now, setNow] = useState(() => Date.now());
  const [usingLab, setUsingLab] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const failed = phase.kind === 'failed' ? phase : undefined;
  const advice = failed ? adviceFor(failed.result, context) : undefined;
  const waitUntil = failed?.result.kind === 'code-already-used' ? failed.at + (failed.result.retryAfterSeconds ?? 30) * 1000 : 0;
  const waiting = waitUntil > now;

  // The wait for the next 30-s window counts down on screen; nothing ticks otherwise.
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [waiting]);

  const close = useCallback(() => void bridge().closeWindow(), []);

  /** Shows a renewal's result, whether the code was typed or made by the lab device. */
  const settle = useCallback(
    (renewal: Promise<RenewResult>, submitted: string) => {
      setPhase({ kind: 'submitting' });
      renewal
        .then((result) => {
          if (result.ok) {
            setPhase({ kind: 'succeeded', result });
            setTimeout(close, CLOSE_AFTER_SUCCESS_MS);
            return;
          }
          const next = adviceFor(result, context);
          if (next.clearCode) setCode('');
          setNow(Date.now());
          setPhase({ kind: 'failed', result, at: Date.now(), code: submitted });
        })
        .catch((error: unknown) => {
          setPhase({
            kind: 'failed',
            at: Date.now(),
            code: submitted,
            result: { ok: false, kind: 'unknown', target: context.target, message: error instanceof Error ? error.message : String(error) },
          });
        });
    },
    [context, close],
  );

  const submit = useCallback(
    (submitted: string) => {
      if (!isCompleteCode(submitted)) {
        setHint(`Type all ${CODE_LENGTH} digits.`);
        return;
      }
      // The user asked for a new session and typed a code for it: renew even if the current one is still valid.
      settle(bridge().renew({ target: context.target, code: submitted, durationSeconds: context.durationSeconds, force: true }), submitted);
    },
    [context, settle],
  );

  // The lab device makes the code in main; if this 30-s window's code was used, main waits for the next window.
  const renewWithLabDevice = () => {
    setUsingLab(true);
    settle(bridge().labDeviceRenew({ target: context.target, durationSeconds: context.durationSeconds, force: true }), '');
  };

  // Focus returns to the field whenever it can take a new code (after an error the code was cleared); after a
  // lab-device attempt it stays on that button, where the user acted.
  useEffect(() => {
    if (phase.kind === 'editing' || (phase.kind === 'failed' && !usingLab)) input.current?.focus();
  }, [phase, usingLab]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  const change = (raw: string) => {
    const { code: next, rejected } = normalizeCode(raw);
    setCode(next);
    setHint(rejected ? 'Only digits: letters and symbols were left out.' : '');
    if (isCompleteCode(next) && !waiting && phase.kind !== 'submitting') submit(next);
  };

  const busy = phase.kind === 'submitting';
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
          <span className="muted">(until about {formatClock(new Date(now + context.durationSeconds * 1000).toISOString(), now)})</span>
        </dd>
        {context.expiration && (
          <>
            <dt>Current session</dt>
            <dd>{Date.parse(context.expiration) > now ? `expires ${formatClock(context.expiration, now)}` : `expired ${formatClock(context.expiration, now)}`}</dd>
          </>
        )}
      </dl>
      {context.labDevice && <p className="badge lab">Lab device: MFA Tray holds this device's secret.</p>}
      {context.labDevice && !done && (
        <div className="lab-choice">
          <button type="button" onClick={renewWithLabDevice} disabled={busy} aria-describedby="lab-choice-why">
            {busy && usingLab ? 'Waiting for the lab device…' : 'Use lab device'}
          </button>
          <p id="lab-choice-why" className="muted small">
            Lab accounts only: MFA Tray makes the code itself. If this 30-second window's code was already used, it waits for the next window (up to 30 s).
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
            if (!waiting && !busy) submit(code);
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
            value={code}
            onChange={(event) => {
              setUsingLab(false);
              change(event.target.value);
            }}
            disabled={busy}
            aria-invalid={failed?.result.kind === 'wrong-code' ? true : undefined}
            aria-describedby="code-help dialog-error"
            spellCheck={false}
          />
          <p id="code-help" className="muted small">
            {hint || (busy ? 'Checking with AWS…' : 'Paste or type it: the dialog sends it as soon as all 6 digits are in.')}
          </p>
          <div id="dialog-error" role="alert" className={failed ? 'error-box' : 'error-box empty'}>
            {failed && advice && (
              <>
                <p>
                  <strong>{advice.title}.</strong> {failed.result.message}
                </p>
                {advice.advice && <p>{advice.advice}</p>}
                {waiting && <p data-testid="retry-countdown">A new code is ready in {formatRemaining(waitUntil - now)}.</p>}
              </>
            )}
          </div>
          <div className="buttons">
            <button type="button" onClick={close}>
              Cancel
            </button>
            {advice?.next === 'fix-files' && (
              <button type="button" onClick={() => void bridge().openProfilesFolder()}>
                Open AWS folder
              </button>
            )}
            {advice?.next === 'retry' && failed && (
              <button type="button" onClick={() => submit(isCompleteCode(code) ? code : failed.code)} disabled={busy}>
                Retry
              </button>
            )}
            <button type="submit" className="primary" disabled={busy || waiting}>
              {busy ? 'Renewing…' : 'Renew'}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
